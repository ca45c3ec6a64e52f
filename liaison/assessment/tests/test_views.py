"""Who sees which result (Art. 20, 6): the centre and the supervisors all; a department's administrator
its guides and its department; an officer or a guide their own — only once published; an enterprise and
another department's guide 404. The period's Excel sheet, its Word and PDF report, the method page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.assessment.documents import build_template
from liaison.assessment.models import SubjectKind
from liaison.assessment.services.periods import period_compute
from liaison.assessment.tests.support import published_method, published_period, staffed, this_quarter
from liaison.intake.tests.test_views_support import docx_text, pdf_text
from liaison.testing.xlsx import sheet_lines, sheet_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(world, department, other_department):
    other_guide = staffed(world, department, other_department)
    period = published_period(world)
    return world, period, other_guide, department, other_department


def _rows(client, user, period):
    client.force_login(user)
    response = client.get(reverse("assessment:period", args=[period.pk]))
    assert response.status_code == 200
    return {(r.subject_kind, r.label) for r in response.context["rows"]}


def _result(period, kind, subject_id):
    return period.results.get(subject_kind=kind, subject_id=subject_id)


def test_the_centre_and_the_supervisor_see_every_result(client, scene):
    world, period, *_ = scene
    for user in (world.center_admin, world.center_leader, world.supervisor):
        kinds = {k for k, _label in _rows(client, user, period)}
        assert kinds == {SubjectKind.OFFICER, SubjectKind.GUIDE, SubjectKind.DEPARTMENT}


def test_an_officer_sees_only_their_own_result(client, scene):
    world, period, *_ = scene
    rows = _rows(client, world.officer_user, period)
    assert rows == {(SubjectKind.OFFICER, period.results.get(user=world.officer_user).label)}
    mine = period.results.get(user=world.officer_user)
    assert client.get(reverse("assessment:result", args=[mine.pk])).status_code == 200
    others = period.results.exclude(pk=mine.pk)
    assert others.exists()
    for r in others:
        assert client.get(reverse("assessment:result", args=[r.pk])).status_code == 404


def test_a_department_admin_sees_its_guides_and_its_department(client, scene):
    world, period, _other_guide, department, other_department = scene
    rows = _rows(client, world.department_admin, period)
    assert rows == {(SubjectKind.GUIDE, world.guide.display_name), (SubjectKind.DEPARTMENT, department.name)}
    foreign = _result(period, SubjectKind.DEPARTMENT, other_department.pk)
    assert client.get(reverse("assessment:result", args=[foreign.pk])).status_code == 404


def test_an_enterprise_and_another_departments_guide_get_404(client, scene):
    world, period, other_guide, department, _other = scene
    guide_result = _result(period, SubjectKind.GUIDE, world.guide.pk)
    department_result = _result(period, SubjectKind.DEPARTMENT, department.pk)
    client.force_login(world.applicant)
    assert client.get(reverse("assessment:period", args=[period.pk])).status_code == 404
    assert client.get(reverse("assessment:result", args=[guide_result.pk])).status_code == 404
    assert client.get(reverse("assessment:periods")).status_code == 404
    client.force_login(other_guide)
    assert client.get(reverse("assessment:result", args=[guide_result.pk])).status_code == 404
    assert client.get(reverse("assessment:result", args=[department_result.pk])).status_code == 404
    own = _result(period, SubjectKind.GUIDE, other_guide.pk)
    assert client.get(reverse("assessment:result", args=[own.pk])).status_code == 200


def test_a_period_not_yet_published_is_the_centres_only(client, world, department, other_department):
    staffed(world, department, other_department)
    period = this_quarter(world.center_leader, published_method(world.center_leader))
    period_compute(actor=world.center_leader, period=period)
    for user in (world.officer_user, world.guide, world.department_admin):
        client.force_login(user)
        assert client.get(reverse("assessment:period", args=[period.pk])).status_code == 404
    client.force_login(world.supervisor)
    assert client.get(reverse("assessment:period", args=[period.pk])).status_code == 200


def test_the_results_page_reads_a_fixed_number_of_queries(client, scene, django_assert_max_num_queries):
    world, period, *_ = scene
    client.force_login(world.center_admin)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("assessment:period", args=[period.pk]))
    assert response.status_code == 200


def test_the_excel_export_holds_what_the_filter_shows(client, scene):
    world, period, *_ = scene
    client.force_login(world.center_admin)
    url = reverse("assessment:period", args=[period.pk])
    response = client.get(url, {"kind": "guide", "export": "xlsx"})
    rows = sheet_rows(response)
    assert {r[1] for r in rows} == {world.guide.display_name, "他部门指导员"}
    header = sheet_lines(response)[2]
    assert header[:6] == ("类别", "考核对象", "所属部门", "计算得分", "调整后得分", "最终得分")
    assert "指导员·按时答复率（%）" in header
    client.force_login(world.officer_user)
    own = sheet_rows(client.get(url, {"export": "xlsx"}))
    assert [r[1] for r in own] == [period.results.get(user=world.officer_user).label]


def test_the_word_report_and_its_pdf_list_the_results_the_reader_may_see(client, scene, tmp_path):
    world, period, *_ = scene
    client.force_login(world.center_leader)
    docx = client.get(reverse("assessment:period_report", args=[period.pk, "docx"]))
    assert docx.status_code == 200
    text = docx_text(docx.content)
    assert f"{period.code} 考核结果通报" in text
    for r in period.results.all():
        assert r.label in text
    pdf = client.get(reverse("assessment:period_report", args=[period.pk, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    extracted = pdf_text(pdf.content, tmp_path)
    assert "考核结果通报" in extracted and world.guide.display_name in extracted
    client.force_login(world.officer_user)
    own = docx_text(client.get(reverse("assessment:period_report", args=[period.pk, "docx"])).content)
    assert world.guide.display_name not in own
    assert client.get(reverse("assessment:period_report", args=[period.pk, "exe"])).status_code == 404


def test_the_method_renders_as_a_page_and_as_word(client, world):
    method = published_method(world.center_leader)
    client.force_login(world.officer_user)
    page = client.get(reverse("assessment:method", args=[method.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "事项按时办结率" in body
    assert "得分 = 100 − 每件 10 分 × 件数" in body
    assert "第 1 版" in body
    word = docx_text(client.get(reverse("assessment:method_docx", args=[method.pk])).content)
    assert method.title in word and "依据实施细则第二十四条制定" in word and "按时答复率" in word


def test_a_draft_method_is_hidden_from_the_assessed(client, world):
    from liaison.assessment.services.methods import method_create

    draft = method_create(
        actor=world.center_leader, title="草案", explanation="说明", weights={"officer.load": 1}
    )
    client.force_login(world.officer_user)
    assert client.get(reverse("assessment:method", args=[draft.pk])).status_code == 404
    assert client.get(reverse("assessment:method_new")).status_code == 404


def test_the_leader_edits_a_method_on_the_page_and_bad_weights_answer_400(client, world):
    client.force_login(world.center_leader)
    url = reverse("assessment:method_new")
    assert client.get(url).status_code == 200
    bad = client.post(url, {"title": "办法", "explanation": "说明", "w_officer.load": "abc"})
    assert bad.status_code == 400 and "权重须为" in bad.content.decode()
    ok = client.post(url, {"title": "办法", "explanation": "说明", "w_officer.load": "10"})
    assert ok.status_code == 302


@pytest.mark.parametrize(
    "build", [build_template.build_method_template, build_template.build_report_template]
)
def test_the_committed_template_is_what_the_build_script_writes(tmp_path, build):
    import zipfile

    def body(path):
        with zipfile.ZipFile(path) as archive:
            return archive.read("word/document.xml")

    committed = build.__defaults__[0]
    fresh = build(tmp_path / committed.name)
    assert body(fresh) == body(committed), "rebuild: python -m " + build_template.__name__


def test_the_officers_record_shows_their_published_results(client, scene):
    world, period, *_ = scene
    client.force_login(world.officer_user)
    html = client.get(reverse("officers:officer_detail", args=[world.officer.pk])).content.decode()
    assert 'data-testid="officer-assessment"' in html and period.code in html
