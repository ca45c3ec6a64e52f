"""Who sees which consultation: every role, through the one visibility filter and the per-object roles."""

from __future__ import annotations

import pytest

from liaison.consultations.policies import (
    RecordsScope,
    consultation_roles,
    records_scope,
    visible_consultations,
)
from liaison.consultations.selectors.consultations import consultation_detail
from liaison.consultations.services.relay import consultation_relay
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.services.routing import consultation_forward
from liaison.consultations.tests.builders import reply_form
from liaison.core.errors import NotFound
from liaison.directory.roles import Role
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db


def _sees(user, c) -> bool:
    return visible_consultations(user).filter(pk=c.pk).exists()


def test_visibility_by_role(desk, world, department):
    mine = desk.raise_()
    forwarded = consultation_forward(
        actor=desk.guide, consultation=desk.raise_(), to_item=desk.other_item, note="属自然资源局"
    )
    outsider_guide = make_user("t_guide_x", roles=(Role.GUIDE,), department=department)
    expectations = {
        world.center_admin: (True, True),
        world.center_leader: (True, True),
        world.supervisor: (True, True),
        world.project_office: (True, True),
        desk.officer: (True, True),
        desk.guide: (True, True),  # addressed, and forwarded through them
        desk.other_guide: (False, True),  # only what was forwarded to them
        outsider_guide: (False, False),
        world.department_admin: (True, True),  # DRC: the item's, and forwarded from its item
        desk.other_department_admin: (False, True),
        world.applicant: (False, False),  # nothing relayed yet
        world.other_applicant: (False, False),
    }
    for user, (sees_mine, sees_forwarded) in expectations.items():
        assert (_sees(user, mine), _sees(user, forwarded)) == (sees_mine, sees_forwarded), user.username


def test_enterprise_sees_only_what_was_relayed(desk, world):
    c = desk.raise_()
    consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    assert not _sees(world.applicant, c)
    with pytest.raises(NotFound):
        consultation_detail(world.applicant, c.pk)
    consultation_relay(actor=desk.officer, consultation=c)
    assert _sees(world.applicant, c) and not _sees(world.other_applicant, c)
    detail = consultation_detail(world.applicant, c.pk)
    assert [t.name for t in detail.transitions] == ["confirm"]
    assert len(detail.replies) == 1


def test_enterprise_does_not_see_a_supplement_before_it_is_relayed(desk, world):
    c = desk.raise_()
    consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    consultation_relay(actor=desk.officer, consultation=c)
    consultation_reply(actor=desk.guide, consultation=c, form=reply_form(opinion="补充说明"))
    c.refresh_from_db()
    # the state went back to "replied": the enterprise no longer acts, but still may read what it was told
    assert Role.APPLICANT not in consultation_roles(world.applicant, c)


def test_readers_do_not_act(desk, world):
    c = consultation_forward(actor=desk.guide, consultation=desk.raise_(), to_item=desk.other_item, note="转")
    detail = consultation_detail(desk.guide, c.pk)  # the first contact follows but the receiver acts
    assert detail.transitions == []
    detail = consultation_detail(desk.other_guide, c.pk)
    assert {t.name for t in detail.transitions} == {"forward", "accept_forward"}
    assert consultation_detail(world.supervisor, c.pk).transitions == []
    assert {t.name for t in consultation_detail(desk.officer, c.pk).transitions} == {"withdraw"}


def test_records_scope_by_role(desk, world):
    """One predicate decides what each role reads of the reply records (the page and the API use it)."""
    whole = RecordsScope(whole_district=True)
    expectations = {
        world.center_admin: whole,
        world.center_leader: whole,
        world.supervisor: whole,
        world.project_office: whole,
        world.department_admin: RecordsScope(department_id=world.department_admin.department_id),
        desk.guide: RecordsScope(department_id=desk.guide.department_id, guide_id=desk.guide.pk),
        desk.officer: None,
        world.applicant: None,
    }
    for user, scope in expectations.items():
        assert records_scope(user) == scope, user.username
    assert not records_scope(desk.guide).reads_departments
