"""Admin: the online class editor (Si-Jawara+): materials (modules) and the evaluation quiz."""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from fastapi import APIRouter, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.upstream import UpstreamResponse
from gateway.web.common import form_text, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import admin_menu
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.training_client import SERVICE, check_id, ensure_ok, items_of, training

router = APIRouter(include_in_schema=False)


def quiz_text(questions: list[dict]) -> str:
    blocks = []
    for q in questions:
        lines = [q.get("text", "")]
        lines += [("* " if i == q.get("correct") else "- ") + o for i, o in enumerate(q.get("options") or [])]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def parse_quiz(text: str) -> tuple[list[dict], str | None]:
    questions = []
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    for n, block in enumerate(blocks, 1):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        options, correct = [], []
        for line in lines[1:]:
            if line[:2] in ("- ", "* "):
                if line[0] == "*":
                    correct.append(len(options))
                options.append(line[2:].strip())
        if not lines or not 2 <= len(options) <= 6 or len(correct) != 1:
            return [], t("tr_quiz_parse_error", n=n)
        questions.append({"text": lines[0], "options": options, "correct": correct[0]})
    return questions, None


async def class_editor_page(request: Request, user: WebUser, training_id: str, *,
                            status_code: int = 200, alert: str | None = None,
                            quiz_values: dict | None = None) -> Response:
    """The class editor: modules with their files and the quiz (409 for a class not online)."""
    found = ensure_ok(request, await training(request, "GET", f"/admin/trainings/{training_id}",
                                              user=user))
    if found.get("mode") != "online":
        return page(request, "admin_training/class.html", status_code=409, user=user, nav="jadwal",
                    menu=admin_menu(), title=t("tr_class_editor"), tr=found, modules=[], quiz=None,
                    alert=t("tr_not_online"), quiz_values={})
    mods, quiz = await asyncio.gather(
        training(request, "GET", f"/admin/trainings/{training_id}/modules", user=user),
        training(request, "GET", f"/admin/trainings/{training_id}/quiz", user=user))
    q = ensure_ok(request, quiz)
    values = quiz_values or {"pass_mark": str(q.get("pass_mark", 70)),
                             "max_attempts": str(q.get("max_attempts", 3)),
                             "questions": quiz_text(items_of(q, "questions"))}
    return page(request, "admin_training/class.html", status_code=status_code, user=user,
                nav="jadwal", menu=admin_menu(), title=t("tr_class_editor"), tr=found,
                modules=items_of(ensure_ok(request, mods)), quiz=q, alert=alert,
                quiz_values=values)


@router.get("/admin/pelatihan/{training_id}/kelas")
async def class_editor(training_id: str, request: Request) -> Response:
    check_id(training_id)
    user = await require_admin(request)
    return await class_editor_page(request, user, training_id)


def _module_body(form) -> dict:
    body = {"title": form_text(form, "title"), "content": form_text(form, "content"),
            "link": form_text(form, "link")}
    position = form_text(form, "position")
    if position.isdigit():
        body["position"] = int(position)
    return body


async def class_change(request: Request, user: WebUser, training_id: str,
                       call: Awaitable[UpstreamResponse], flash: str) -> Response:
    """A change of the class editor posted: back to the editor, with the service's message on failure."""

    async def again(r: Rejection) -> Response:
        return await class_editor_page(request, user, training_id, status_code=r.status, alert=r.alert())

    return await submit_form(request, SERVICE, call, flash=flash,
                             then=f"/admin/pelatihan/{training_id}/kelas", again=again)


@router.post("/admin/pelatihan/{training_id}/kelas/materi")
async def add_module(training_id: str, request: Request) -> Response:
    check_id(training_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    call = training(request, "POST", f"/admin/trainings/{training_id}/modules", user=user,
                    json=_module_body(form))
    return await class_change(request, user, training_id, call, "tr_module_saved")


@router.post("/admin/pelatihan/{training_id}/kelas/materi/{module_id}")
async def edit_module(training_id: str, module_id: str, request: Request) -> Response:
    check_id(training_id, module_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    if form_text(form, "aksi") == "hapus":
        call = training(request, "DELETE", f"/admin/modules/{module_id}", user=user)
        return await class_change(request, user, training_id, call, "tr_module_deleted")
    call = training(request, "PATCH", f"/admin/modules/{module_id}", user=user, json=_module_body(form))
    return await class_change(request, user, training_id, call, "tr_module_saved")


@router.post("/admin/pelatihan/{training_id}/kelas/evaluasi")
async def save_quiz(training_id: str, request: Request) -> Response:
    check_id(training_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    values = {k: form_text(form, k) for k in ("pass_mark", "max_attempts", "questions")}
    questions, error = parse_quiz(values["questions"])
    if error or not values["pass_mark"].isdigit() or not values["max_attempts"].isdigit():
        return await class_editor_page(request, user, training_id, status_code=422,
                                       alert=error or t("tr_bad_number"), quiz_values=values)

    async def again(r: Rejection) -> Response:
        return await class_editor_page(request, user, training_id, status_code=r.status,
                                       alert=r.alert(), quiz_values=values)

    return await submit_form(request, SERVICE,
                             training(request, "PUT", f"/admin/trainings/{training_id}/quiz", user=user,
                                      json={"pass_mark": int(values["pass_mark"]),
                                            "max_attempts": int(values["max_attempts"]),
                                            "questions": questions}),
                             flash="tr_quiz_saved", then=f"/admin/pelatihan/{training_id}/kelas",
                             again=again)
