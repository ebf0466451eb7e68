"""Response schemas of online classes: the participant's class and quiz, the admin's modules and quiz."""
from __future__ import annotations

from balai_platform.responses import Items, PublicModel


class ModuleFilePublic(PublicModel):
    id: str
    filename: str
    content_type: str
    size: int
    url: str


class ModuleProgress(PublicModel):
    """A module of the participant's class: its material files and whether it is done."""

    id: str
    position: int
    title: str
    content: str
    link: str
    completed: bool
    files: list[ModuleFilePublic]


class QuizState(PublicModel):
    questions: int
    pass_mark: int
    max_attempts: int
    attempts_used: int
    best_score: int | None
    passed: bool
    open_attempt_id: str | None


class ClassView(PublicModel):
    enrollment_id: str
    status: str
    status_label: str
    modules: list[ModuleProgress]
    modules_done: int
    modules_total: int
    quiz: QuizState


class PaperOption(PublicModel):
    id: int
    text: str


class PaperQuestion(PublicModel):
    id: str
    text: str
    options: list[PaperOption]


class AttemptPublic(PublicModel):
    """A shuffled quiz paper (no correct answers)."""

    attempt_id: str
    number: int
    questions: list[PaperQuestion]


class AttemptResult(PublicModel):
    attempt_id: str
    score: int
    passed: bool
    pass_mark: int
    attempts_left: int
    completed: bool


class ModulePublic(PublicModel):
    """A class module; `files` is left out of the answer to an edit (routes exclude unset fields)."""

    id: str
    position: int
    title: str
    content: str
    link: str
    files: list[ModuleFilePublic] | None = None


ModuleList = Items[ModulePublic]


class QuestionAdmin(PublicModel):
    id: str
    text: str
    options: list[str]
    correct: int


class QuizAdmin(PublicModel):
    pass_mark: int
    max_attempts: int
    questions: list[QuestionAdmin]
