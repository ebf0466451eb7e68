"""Pure helpers of the survey pages: the IPA diagram as inline SVG, the questionnaire editor's form."""
from __future__ import annotations

from starlette.datastructures import FormData

from gateway.web.admin_survey.content import side_from_form
from gateway.web.admin_survey.ipa_svg import ipa_svg
from gateway.web.shared.survey_client import skm_answers, skm_choices


def test_ipa_svg_draws_nine_points_and_both_axes():
    points = [{"unsur": n, "performance_value": 2.5 + n / 10, "importance_value": 3.9 - n / 20} for n in range(1, 10)]
    svg = str(ipa_svg({"points": points, "x_axis_value": 3.0, "y_axis_value": 3.65}, "IPA <x>", "Kinerja", "Penting"))
    assert svg.startswith("<svg") and svg.count("<circle") == 9 and svg.count('stroke-dasharray') == 2
    assert "IPA &lt;x&gt;" in svg and "U9" in svg
    assert str(ipa_svg(None, "t", "x", "y")) == ""


def test_editor_reads_one_side_of_the_questionnaire():
    fields = [("performance.1.text", " Bagaimana? "), ("performance.1.a1", "Tidak"), ("performance.1.a4", "Sangat")]
    side = side_from_form(FormData(fields), "performance")
    assert len(side) == 9 and side[0] == {"unsur": 1, "text": "Bagaimana?", "example": "",
                                          "answers": ["Tidak", "", "", "Sangat"]}
    assert side[8]["unsur"] == 9


def test_skm_answers_keep_only_known_fields_and_choices_become_pairs():
    out = skm_answers(FormData([("p1", "4"), ("evil", "x"), ("name", "  Sri ")]))
    assert out["p1"] == "4" and out["name"] == "Sri" and "evil" not in out and out["i9"] == ""
    assert skm_choices({"choices": {"education": ["S1"]}}) == {"education": [("S1", "S1")], "occupation": []}
