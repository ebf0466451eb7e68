"""Request bodies of the training API (validated by pydantic; errors become Bahasa 422s)."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Permit = Literal["nib", "halal", "pirt", "bpom", "haki"]
Rupiah = Field(default=None, ge=0, le=10**15)


class RequirementsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    age_min: int | None = Field(default=None, ge=0, le=120)
    age_max: int | None = Field(default=None, ge=0, le=120)
    assets_min: int | None = Rupiah
    assets_max: int | None = Rupiah
    turnover_min: int | None = Rupiah
    turnover_max: int | None = Rupiah
    workforce_min: int | None = Field(default=None, ge=0, le=100000)
    permits: list[Permit] = Field(default_factory=list, max_length=5)
    regencies: list[str] = Field(default_factory=list, max_length=100)
    checklist: list[str] = Field(default_factory=list, max_length=20)


class TrainingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    org_id: uuid.UUID | None = None
    title: str = Field(min_length=3, max_length=200)
    batch: int = Field(ge=1, le=1000)
    kind: str = Field(min_length=1, max_length=50)
    level: str = Field(min_length=1, max_length=50)
    mode: Literal["residential", "regional", "online"]
    venue: str = Field(default="", max_length=200)
    description: str = Field(default="", max_length=5000)
    start_date: date
    end_date: date
    registration_opens_at: datetime
    registration_closes_at: datetime
    quota: int = Field(ge=1, le=100000)
    hours: int = Field(ge=1, le=2000)
    whatsapp_link: str = Field(default="", max_length=300)
    requirements: RequirementsIn = Field(default_factory=RequirementsIn)
    min_attendance_percent: int = Field(default=80, ge=0, le=100)
    has_evaluation: bool = False
    pass_mark: int | None = Field(default=None, ge=0, le=100)


class TrainingPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str | None = Field(default=None, min_length=3, max_length=200)
    batch: int | None = Field(default=None, ge=1, le=1000)
    kind: str | None = Field(default=None, min_length=1, max_length=50)
    level: str | None = Field(default=None, min_length=1, max_length=50)
    mode: Literal["residential", "regional", "online"] | None = None
    venue: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=5000)
    start_date: date | None = None
    end_date: date | None = None
    registration_opens_at: datetime | None = None
    registration_closes_at: datetime | None = None
    quota: int | None = Field(default=None, ge=1, le=100000)
    hours: int | None = Field(default=None, ge=1, le=2000)
    whatsapp_link: str | None = Field(default=None, max_length=300)
    requirements: RequirementsIn | None = None
    min_attendance_percent: int | None = Field(default=None, ge=0, le=100)
    has_evaluation: bool | None = None
    pass_mark: int | None = Field(default=None, ge=0, le=100)


class ReasonIn(BaseModel):
    reason: str = Field(default="", max_length=500)


class BulkIn(BaseModel):
    enrollment_ids: list[uuid.UUID] = Field(min_length=1, max_length=500)
    action: Literal["verify", "reject"]
    reason: str = Field(default="", max_length=500)


class AttendanceRecord(BaseModel):
    enrollment_id: uuid.UUID
    present: bool


class AttendanceIn(BaseModel):
    day: date
    records: list[AttendanceRecord] = Field(max_length=2000)


class ScoreIn(BaseModel):
    score: int = Field(ge=0, le=100)


class ModuleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1, max_length=200)
    content: str = Field(default="", max_length=50000)
    link: str = Field(default="", max_length=500, pattern=r"^(https?://\S+)?$")
    position: int | None = Field(default=None, ge=0, le=10000)


class ModulePatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str | None = Field(default=None, min_length=1, max_length=200)
    content: str | None = Field(default=None, max_length=50000)
    link: str | None = Field(default=None, max_length=500, pattern=r"^(https?://\S+)?$")
    position: int | None = Field(default=None, ge=0, le=10000)


class QuestionIn(BaseModel):
    text: str = Field(min_length=1, max_length=2000)
    options: list[str] = Field(min_length=2, max_length=6)
    correct: int = Field(ge=0, le=5)


class QuizIn(BaseModel):
    pass_mark: int = Field(default=70, ge=0, le=100)
    max_attempts: int = Field(default=3, ge=1, le=20)
    questions: list[QuestionIn] = Field(max_length=200)


class AnswersIn(BaseModel):
    answers: dict[str, int] = Field(max_length=200)


class TestimonialIn(BaseModel):
    rating: int = Field(ge=1, le=5)
    text: str = Field(min_length=1, max_length=1000)


class ModerateIn(BaseModel):
    hidden: bool
