"""Test-wide fixtures: personas, and Playwright driving Debian's Chromium."""

from __future__ import annotations

import os

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.utils import translation

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + sync Playwright

from liaison.directory.roles import Role
from liaison.testing.migration_rows import migration_rows_restore
from liaison.testing.personas import make_department, make_user

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "zh-CN", "timezone_id": "Asia/Shanghai"}


@pytest.fixture(autouse=True)
def _source_language():
    """Every test starts in Chinese: a request made in English leaves English active in its thread."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: public-form counters and cached public pages do not leak."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _browser_plain_http(request, settings, tmp_path):
    """Browser tests: production settings force HTTPS and secure cookies; the live server speaks plain HTTP."""
    if request.node.get_closest_marker("browser") is not None:
        settings.SESSION_COOKIE_SECURE = False
        settings.CSRF_COOKIE_SECURE = False
        settings.MEDIA_ROOT = tmp_path


@pytest.fixture(autouse=True)
def _migration_rows(request):
    """Data-migration rows are back before every database test (a transactional test flushes them)."""
    uses_db = request.node.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    )
    if uses_db:
        request.getfixturevalue("_django_db_helper")
        migration_rows_restore()


@pytest.fixture
def department(db):
    return make_department("DRC", "区发展和改革局")


@pytest.fixture
def other_department(db):
    return make_department("NRB", "区自然资源局")


@pytest.fixture
def center_admin(db):
    return make_user("t_center_admin", roles=(Role.CENTER_ADMIN,), full_name="中心管理员")


@pytest.fixture
def center_leader(db):
    return make_user("t_center_leader", roles=(Role.CENTER_LEADER,), full_name="中心负责人")


@pytest.fixture
def supervisor(db):
    return make_user("t_supervisor", roles=(Role.SUPERVISOR,), full_name="纪检监督员")


@pytest.fixture
def system_admin(db):
    return make_user("t_system_admin", roles=(Role.SYSTEM_ADMIN,), full_name="系统管理员")


@pytest.fixture
def security_admin(db):
    return make_user("t_security_admin", roles=(Role.SECURITY_ADMIN,), full_name="安全管理员")


@pytest.fixture
def audit_admin(db):
    return make_user("t_audit_admin", roles=(Role.AUDIT_ADMIN,), full_name="审计管理员")


@pytest.fixture
def project_office(db):
    return make_user("t_project_office", roles=(Role.PROJECT_OFFICE,), full_name="项目办")


@pytest.fixture
def officer_user(db):
    return make_user("t_officer", roles=(Role.OFFICER,), full_name="联络官甲", mobile="13800001111")


@pytest.fixture
def dept_admin(db, department):
    return make_user(
        "t_dept_admin", roles=(Role.DEPARTMENT_ADMIN,), department=department, full_name="部门管理员"
    )


@pytest.fixture
def other_dept_admin(db, other_department):
    return make_user(
        "t_other_dept_admin",
        roles=(Role.DEPARTMENT_ADMIN,),
        department=other_department,
        full_name="他部门管理员",
    )


@pytest.fixture
def guide_user(db, department):
    return make_user(
        "t_guide",
        roles=(Role.GUIDE,),
        department=department,
        full_name="指导员甲",
        mobile="13900002222",
        office_phone="0871-63100001",
        post="科长",
    )


@pytest.fixture
def second_guide(db, department):
    return make_user(
        "t_guide2",
        roles=(Role.GUIDE,),
        department=department,
        full_name="指导员乙",
        mobile="13900003333",
        office_phone="0871-63100002",
        post="副科长",
    )


@pytest.fixture
def applicant(db):
    return make_user("t_applicant", roles=(Role.APPLICANT,), full_name="项目经办人")
