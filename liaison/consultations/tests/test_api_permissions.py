"""Who reaches which consultation through the API: every role, reading and acting.

A guide sees what was addressed to them or forwarded through them; a department admin their
department's; the enterprise only what was relayed to it; anybody else gets 404. Those who see a
consultation but may not take a step get 403 with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from liaison.consultations.models import Consultation
from liaison.consultations.services.relay import consultation_relay
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.services.routing import consultation_forward
from liaison.consultations.tests.builders import reply_form
from liaison.consultations.tests.test_api_support import Caller, footprint, reply_body, state_of
from liaison.directory.roles import Role
from liaison.intake.tests.test_services_support import register_officer
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db


@dataclass
class Three:
    addressed: Consultation  # waiting on desk.guide
    forwarded: Consultation  # desk.guide forwarded it to other_guide, not yet accepted
    relayed: Consultation  # answered by desk.guide and relayed to the enterprise


@pytest.fixture
def three(desk) -> Three:
    addressed = desk.raise_(subject="待回复的咨询")
    forwarded = consultation_forward(
        actor=desk.guide,
        consultation=desk.raise_(subject="转办的咨询"),
        to_item=desk.other_item,
        note="属自然资源局",
    )
    relayed = desk.raise_(subject="已转告的咨询")
    consultation_reply(actor=desk.guide, consultation=relayed, form=reply_form())
    consultation_relay(actor=desk.officer, consultation=relayed)
    return Three(addressed, forwarded, relayed)


@pytest.fixture
def people(desk, world, department) -> dict[str, Any]:
    return {
        "center_admin": world.center_admin,
        "center_leader": world.center_leader,
        "supervisor": world.supervisor,
        "project_office": world.project_office,
        "officer": desk.officer,
        "other_officer": register_officer(world.center_admin, "t_other_officer").user,
        "guide": desk.guide,
        "other_guide": desk.other_guide,
        "outsider_guide": make_user("t_guide_outsider", roles=(Role.GUIDE,), department=department),
        "department_admin": world.department_admin,
        "other_department_admin": desk.other_department_admin,
        "applicant": world.applicant,
        "other_applicant": world.other_applicant,
    }


# role -> (sees addressed, sees forwarded, sees relayed)
VISIBILITY = {
    "center_admin": (True, True, True),
    "center_leader": (True, True, True),
    "supervisor": (True, True, True),
    "project_office": (True, True, True),
    "officer": (True, True, True),
    "other_officer": (False, False, False),
    "guide": (True, True, True),  # addressed to them, forwarded through them, answered by them
    "other_guide": (False, True, False),  # only what was forwarded to them
    "outsider_guide": (False, False, False),
    "department_admin": (True, True, True),  # DRC: its item's, and forwarded away from its item
    "other_department_admin": (False, True, False),  # NRB: only what was forwarded to its item
    "applicant": (False, False, True),  # only what was relayed
    "other_applicant": (False, False, False),
}


@pytest.mark.parametrize("role", sorted(VISIBILITY))
def test_each_role_reads_exactly_its_consultations(three, people, role):
    caller = Caller(people[role])
    rows = [three.addressed, three.forwarded, three.relayed]
    expected = dict(zip(rows, VISIBILITY[role], strict=True))
    for consultation, sees in expected.items():
        response = caller.get(f"/{consultation.pk}")
        assert response.status_code == (200 if sees else 404), (role, consultation.subject)
        if not sees:
            assert response.json()["detail"] == "咨询不存在或您无权查看。"
    listed = {row["id"] for row in caller.get("/").json()["items"]}
    assert listed == {c.pk for c, sees in expected.items() if sees}


def test_the_enterprise_reads_only_the_relayed_replies(desk, three, people):
    consultation_reply(
        actor=desk.guide,
        consultation=three.relayed,
        form=reply_form(opinion="补充：请同时提供地形图", supplementary_reason="企业变更方案"),
    )
    seen = Caller(people["officer"]).get(f"/{three.relayed.pk}").json()
    assert [r["seq"] for r in seen["replies"]] == [1, 2]
    applicant = Caller(people["applicant"])
    waiting = applicant.get(f"/{three.relayed.pk}")  # the second reply is not relayed yet
    assert waiting.status_code == 200 and [r["seq"] for r in waiting.json()["replies"]] == [1]
    assert waiting.json()["can_confirm_read"] is False and waiting.json()["transitions"] == []
    hidden = applicant.get(f"/{three.relayed.pk}/replies/{three.relayed.replies.get(seq=2).pk}/document.docx")
    assert hidden.status_code == 404
    consultation_relay(actor=desk.officer, consultation=three.relayed, text="补充告知已转告")
    detail = applicant.get(f"/{three.relayed.pk}").json()
    assert [r["seq"] for r in detail["replies"]] == [1, 2] and detail["relay_count"] == 2
    assert detail["roles"] == ["applicant"] and [t["name"] for t in detail["transitions"]] == ["confirm"]
    # the officials' working record stays inside: events, the forwarding chain, contact notes
    assert detail["events"] == [] and detail["chain"] == [] and detail["contact_notes"] == ""
    assert seen["events"] != []


def _refused(caller: Caller, path: str, body: dict[str, Any] | None, status: int) -> dict[str, Any]:
    response = caller.post(path, body)
    assert response.status_code == status, (path, response.json())
    return response.json()


@pytest.mark.parametrize(
    ("role", "which", "step", "body", "status"),
    [
        ("officer", "addressed", "reply", reply_body(), 403),
        ("department_admin", "addressed", "reply", reply_body(), 403),
        ("center_admin", "addressed", "reply", reply_body(), 403),
        ("other_guide", "addressed", "reply", reply_body(), 404),
        ("outsider_guide", "addressed", "forward", {"to_item": 1, "note": "转"}, 404),
        ("applicant", "addressed", "reply", reply_body(), 404),
        ("guide", "forwarded", "reply", reply_body(), 403),  # forwarded through: reads, no longer answers
        ("guide", "forwarded", "accept-forward", None, 403),
        ("other_department_admin", "forwarded", "accept-forward", None, 403),
        ("other_guide", "forwarded", "reply", reply_body(), 400),  # accept it first
        ("other_officer", "addressed", "withdraw", {"reason": "撤回"}, 404),
        ("guide", "addressed", "withdraw", {"reason": "撤回"}, 403),
        ("officer", "relayed", "confirm-read", None, 403),
        ("other_applicant", "relayed", "confirm-read", None, 404),
        ("applicant", "relayed", "relay", {"text": "自己转告"}, 403),
        ("department_admin", "relayed", "close", {}, 403),
        ("applicant", "relayed", "reply", reply_body(), 403),
        ("supervisor", "addressed", "urge", {}, 403),
        ("other_officer", "relayed", "follow-up", {"action": "陪同"}, 404),
    ],
)
def test_steps_are_refused_to_roles_that_may_not_take_them(three, people, *, role, which, step, body, status):
    consultation = getattr(three, which)
    before, state = footprint(), state_of(consultation)
    answer = _refused(Caller(people[role]), f"/{consultation.pk}/{step}", body, status)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in answer["detail"])
    assert footprint() == before and state_of(consultation) == state


def test_the_forwarded_guide_accepts_and_then_answers(three, people):
    other = Caller(people["other_guide"])
    url = f"/{three.forwarded.pk}"
    assert [t["name"] for t in other.get(url).json()["transitions"]] == ["forward", "accept_forward"]
    assert other.post(url + "/accept-forward").status_code == 200
    assert other.post(url + "/reply", reply_body()).status_code == 201
    first_contact = Caller(people["guide"]).get(url).json()
    assert first_contact["roles"] == ["reader"] and first_contact["transitions"] == []
    assert first_contact["first_contact_name"] == "指导员甲" and first_contact["guide_name"] == "指导员丙"


def test_the_inbox_is_the_guides_own_waiting_list(three, people):
    guide = Caller(people["guide"]).get("/inbox").json()
    assert [r["id"] for r in guide["items"]] == [three.addressed.pk]
    other = Caller(people["other_guide"]).get("/inbox").json()
    assert [r["id"] for r in other["items"]] == [three.forwarded.pk]
    assert other["items"][0]["state"] == "forwarded" and other["items"][0]["light"] in {"green", "yellow"}
    refused = Caller(people["officer"]).get("/inbox")
    assert refused.status_code == 403 and refused.json()["detail"] == "只有专职指导员有待回复列表。"


def test_the_reply_document_follows_the_reply_visibility(three, people):
    reply = three.relayed.replies.get()
    path = f"/{three.relayed.pk}/replies/{reply.pk}/document.docx"
    for role, status in (
        ("department_admin", 200),
        ("supervisor", 200),
        ("other_department_admin", 404),
        ("other_guide", 404),
        ("other_officer", 404),
    ):
        assert Caller(people[role]).get(path).status_code == status, role
