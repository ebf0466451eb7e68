"""The evaluation quiz of an online class: shuffled per attempt, scored in percent. Pure."""
from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    options: tuple[str, ...]
    correct: int  # index into options


def shuffled_paper(questions: list[Question], rng: random.Random) -> list[dict]:
    """Questions and their options in a random order; option ids are the original indexes."""
    order = list(questions)
    rng.shuffle(order)
    paper = []
    for q in order:
        opts = list(enumerate(q.options))
        rng.shuffle(opts)
        paper.append({"id": q.id, "text": q.text, "options": [{"id": i, "text": t} for i, t in opts]})
    return paper


def score(questions: list[Question], answers: dict[str, int]) -> int:
    """Percent of correct answers, rounded down; unanswered questions count as wrong."""
    if not questions:
        return 100
    right = sum(1 for q in questions if answers.get(q.id) == q.correct)
    return right * 100 // len(questions)
