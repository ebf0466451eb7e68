"""Response schema of the app survey's questions."""
from __future__ import annotations

from balai_platform.responses import PublicModel


class AppQuestionPublic(PublicModel):
    key: str
    text: str
    kind: str


class AppSectionPublic(PublicModel):
    title: str
    description: str
    questions: list[AppQuestionPublic]


class AppSurveyPublic(PublicModel):
    sections: list[AppSectionPublic]
    suggestion_label: str
