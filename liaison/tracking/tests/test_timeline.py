"""The enterprise's timeline: everything that happened and what is next, per stage, in plain Chinese."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from liaison.tracking.selectors.timeline import project_timeline
from liaison.tracking.services.materials import material_file_upload, material_request_revision
from liaison.tracking.services.plans import plan_confirm
from liaison.tracking.tests.builders import draft, item_of, pdf
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def story(track):
    w = track.world
    draft(w, track.project, START)
    plan_confirm(actor=w.officer_user, project=track.project, reason="与企业商定")
    driver = track.driver
    driver.to(item_of(track.project, "A"), "approved")
    driver.to(item_of(track.project, "B"), "supplement_requested")
    c = item_of(track.project, "C")
    driver.to(c, "preparing")
    material_request_revision(
        actor=w.guide, submission=c.materials.get(seq=1), reason="缺少盖章", due_on=timezone.localdate()
    )
    return track


def texts(entries):
    return [e.text for e in entries]


def test_the_general_part_tells_the_request_the_dispatch_and_the_plan_versions(story):
    general = texts(project_timeline(project=story.project).general)
    assert general[:3] == [
        "项目单位提交了委托代办申请",
        "中心受理了委托代办申请",
        "中心派任联络官 联络官甲（主办联络官）",
    ]
    assert "联络官起草了服务方案" in general
    assert "服务方案第 1 版确认，预计 2026年11月09日 全部办结" in general


def test_each_stage_tells_its_steps_and_materials_in_order(story):
    stages = {s.stage: s for s in project_timeline(project=story.project).stages}
    land = texts(stages["approval_land"].entries)
    assert land[:5] == [
        "联络官开始准备“事项A”的申报材料",
        "上传材料“A申请表”（第 1 版）",
        "联络官向区发展和改革局申报“事项A”",
        "区发展和改革局受理“事项A”",
        "“事项A”已办结",
    ]
    assert any(t.startswith("区发展和改革局要求补正“事项B”（办理时限暂停计算）：1. 补充说明") for t in land)
    license_ = texts(stages["construction_license"].entries)
    assert "指导员要求修改材料“C申请表”：缺少盖章" in license_


def test_what_is_next_is_said_per_stage_and_the_enterprises_to_dos_are_listed(story):
    timeline = project_timeline(project=story.project)
    stages = {s.stage: s for s in timeline.stages}
    assert stages["approval_land"].next_steps == ["等待项目单位补正“事项B”（办理时限暂停）"]
    assert stages["construction_license"].next_steps == ["正在准备“事项C”的申报材料（必需材料还缺 0 份）"]
    assert stages["construction_permit"].next_steps == ["计划于 2026年10月29日 开始准备“事项D”"]
    assert [s.stage for s in timeline.stages] == [
        "approval_land",
        "construction_license",
        "construction_permit",
        "completion",
    ]
    assert any("补正：事项B" in line for line in timeline.to_do)
    assert any("修改材料：C申请表" in line for line in timeline.to_do)


def test_an_item_under_review_says_when_it_is_due(track):
    draft(track.world, track.project, START)
    driver = track.driver
    driver.days = [D(2026, 9, 21), D(2026, 9, 22), D(2026, 9, 28)]
    driver.to(item_of(track.project, "A"), "accepted")
    stages = {s.stage: s for s in project_timeline(project=track.project).stages}
    assert (
        stages["approval_land"].next_steps[0] == "区发展和改革局正在审查“事项A”，应于 2026年10月10日 前办结"
    )


def test_the_timeline_costs_a_fixed_number_of_queries(story, django_assert_max_num_queries):
    material_file_upload(
        actor=story.world.applicant, submission=item_of(story.project, "D").materials.get(seq=1), upload=pdf()
    )
    with django_assert_max_num_queries(9):
        project_timeline(project=story.project)
