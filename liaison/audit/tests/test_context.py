"""Who acted, in which role and from where: taken from the request by the middleware."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings

from liaison.audit.middleware import ACTIVE_ROLE_SESSION_KEY, AuditContextMiddleware
from liaison.audit.models import AuditEvent
from liaison.audit.services.events import audit_record
from liaison.audit.services.verify import audit_chain_verify

pytestmark = pytest.mark.django_db


def _run(request: HttpRequest, actor: object) -> AuditEvent:
    """Pass `request` through the middleware to a view that records one event."""

    def view(req: HttpRequest) -> HttpResponse:
        audit_record(actor=actor, action="department.update", object_type="t", object_id=1)
        return HttpResponse("ok")

    AuditContextMiddleware(view)(request)
    return AuditEvent.objects.get()


def _request(path: str = "/catalogue/", role: str = "", **meta: str) -> HttpRequest:
    request = RequestFactory().post(path, **meta)
    request.session = SessionStore()
    if role:
        request.session[ACTIVE_ROLE_SESSION_KEY] = role
    return request


def test_the_ip_and_the_acting_role_from_the_session_are_recorded(supervisor):
    event = _run(_request(role="supervisor", REMOTE_ADDR="10.20.30.40"), supervisor)
    assert event.ip == "10.20.30.40"
    assert event.acting_role == "supervisor"
    assert event.source == "web"
    assert event.actor == supervisor
    # A user holding two roles who chose one of them: see
    # workcal/tests/test_views.py::test_adding_a_day_records_the_ip_and_the_acting_role.


def test_without_a_chosen_role_the_held_role_is_recorded(center_leader):
    event = _run(_request(REMOTE_ADDR="10.0.0.9"), center_leader)
    assert event.acting_role == "center_leader"


def test_without_an_actor_the_event_is_the_systems(client):
    event = _run(_request(REMOTE_ADDR="10.0.0.9"), None)
    assert (event.actor, event.actor_name, event.acting_role) == (None, "系统", "")


def test_a_role_in_the_session_that_the_user_does_not_hold_is_not_recorded(officer_user):
    event = _run(_request(role="center_admin", REMOTE_ADDR="10.0.0.9"), officer_user)
    assert event.acting_role == "officer"


def test_api_requests_are_marked_as_api(officer_user):
    event = _run(_request("/api/v1/calendar/overrides", REMOTE_ADDR="10.0.0.9"), officer_user)
    assert event.source == "api"


@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_the_forwarded_address_is_honoured_only_from_a_trusted_proxy(officer_user):
    proxied = _run(_request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"), officer_user)
    assert proxied.ip == "203.0.113.7"


def test_no_forwarded_header_is_believed_by_default(officer_user):
    event = _run(_request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"), officer_user)
    assert event.ip == "127.0.0.1"


@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_a_forged_forwarded_header_from_a_client_is_ignored(officer_user):
    event = _run(_request(REMOTE_ADDR="198.51.100.2", HTTP_X_FORWARDED_FOR="203.0.113.7"), officer_user)
    assert event.ip == "198.51.100.2"


@override_settings(TRUSTED_PROXIES=["10.1.1.1"])
def test_garbage_in_the_forwarded_header_is_stored_as_no_ip_rather_than_failing(officer_user):
    event = _run(_request(REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="not-an-ip"), officer_user)
    assert event.ip is None


def test_ipv6_addresses_are_stored_in_canonical_form_so_the_hash_still_verifies(officer_user):
    event = _run(_request(REMOTE_ADDR="2001:DB8:0:0::1"), officer_user)
    assert event.ip == "2001:db8::1"
    assert audit_chain_verify().ok
