"""Every transition tells the people concerned exactly once, in the app and by one email from the worker."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from liaison.intake.services.dispatch import assignment_dispatch, assignment_reassign
from liaison.intake.services.entrustments import entrustment_submit
from liaison.intake.services.review import entrustment_accept, entrustment_reject, entrustment_return
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    ensure_thresholds,
    fast_passwords,
    register_officer,
    request_in,
    world,
)
from liaison.notifications.models import Notification
from liaison.notifications.tasks import send_notification_email
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


@pytest.fixture
def second_admin(world):
    return make_user("t_center_admin_2", roles=("center_admin",), full_name="审核员乙")


@pytest.fixture
def colleague(world):
    """A second applicant account of the same enterprise: both hear of every decision."""
    return make_user(
        "t_applicant_2", roles=("applicant",), enterprise=world.applicant.enterprise, full_name="项目负责人"
    )


def recipients(kind: str) -> list[int]:
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_a_submission_tells_every_centre_admin_once(world, second_admin):
    entrustment = request_in("draft", applicant=world.applicant, admin=world.center_admin)
    entrustment_submit(actor=world.applicant, entrustment=entrustment, accept_terms=True)
    assert recipients("entrustment.submitted") == sorted([world.center_admin.pk, second_admin.pk])


@pytest.mark.parametrize(
    ("kind", "decide"),
    [
        ("entrustment.returned", lambda a, e: entrustment_return(actor=a, entrustment=e, missing=["图纸"])),
        ("entrustment.accepted", lambda a, e: entrustment_accept(actor=a, entrustment=e)),
        ("entrustment.rejected", lambda a, e: entrustment_reject(actor=a, entrustment=e, reason="不符合")),
    ],
    ids=["returned", "accepted", "rejected"],
)
def test_each_decision_tells_every_applicant_of_the_enterprise_once(world, colleague, kind, decide):
    entrustment = request_in("submitted", applicant=world.applicant, admin=world.center_admin)
    decide(world.center_admin, entrustment)
    assert recipients(kind) == sorted([world.applicant.pk, colleague.pk])
    assert not Notification.objects.filter(kind=kind, recipient__in=[world.other_applicant]).exists()


def test_dispatch_and_reassignment_tell_the_officers_and_the_enterprise(world, colleague):
    second = register_officer(world.center_admin, "t_o2")
    project = request_in("accepted", applicant=world.applicant, admin=world.center_admin).project

    assignment_dispatch(actor=world.center_admin, project=project, lead=world.officer, assistants=[second])
    assignment_reassign(actor=world.center_admin, project=project, lead=second, reason="调整")

    enterprise = [world.applicant.pk, colleague.pk]
    assert recipients("assignment.dispatched") == sorted([world.officer.user_id, second.user_id, *enterprise])
    assert recipients("assignment.reassigned") == sorted([world.officer.user_id, second.user_id, *enterprise])


def test_a_rolled_back_and_retried_acceptance_notifies_once(world):
    entrustment = request_in("submitted", applicant=world.applicant, admin=world.center_admin)
    with pytest.raises(Rollback), transaction.atomic():
        entrustment_accept(actor=world.center_admin, entrustment=entrustment)
        raise Rollback
    assert recipients("entrustment.accepted") == []

    entrustment_accept(actor=world.center_admin, entrustment=entrustment)
    with pytest.raises(Exception, match="已由"):  # a double click: refused, nobody told twice
        entrustment_accept(actor=world.center_admin, entrustment=entrustment)

    assert recipients("entrustment.accepted") == [world.applicant.pk]


def test_a_retried_dispatch_notifies_once(world):
    project = request_in("accepted", applicant=world.applicant, admin=world.center_admin).project
    with pytest.raises(Rollback), transaction.atomic():
        assignment_dispatch(actor=world.center_admin, project=project, lead=world.officer)
        raise Rollback
    assignment_dispatch(actor=world.center_admin, project=project, lead=world.officer)
    assert recipients("assignment.dispatched") == sorted([world.officer.user_id, world.applicant.pk])


def test_a_resubmission_after_a_return_is_a_new_event_and_notifies_again(world):
    entrustment = request_in("returned", applicant=world.applicant, admin=world.center_admin)
    entrustment_submit(actor=world.applicant, entrustment=entrustment, accept_terms=True)
    assert recipients("entrustment.submitted") == [world.center_admin.pk, world.center_admin.pk]
    keys = set(Notification.objects.filter(kind="entrustment.submitted").values_list("event_key", flat=True))
    assert len(keys) == 2


# The worker commits and closes its connection, as it does in production: these tests commit for real.


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_each_email_once_even_when_run_again(world, colleague):
    ensure_thresholds(world.center_admin)
    entrustment = request_in("submitted", applicant=world.applicant, admin=world.center_admin)
    run_worker()
    mail.outbox.clear()

    entrustment_accept(actor=world.center_admin, entrustment=entrustment)

    run_worker()
    run_worker()
    for note in Notification.objects.filter(kind="entrustment.accepted"):
        send_notification_email.enqueue(note.pk)  # a duplicate job, as a retry would leave
    run_worker()

    sent = sorted(message.to[0] for message in mail.outbox)
    assert sent == sorted([world.applicant.email, colleague.email])
    subject = mail.outbox[0].subject
    assert "申请已受理" in subject and "WH-" in subject
    assert Notification.objects.filter(kind="entrustment.accepted", email_sent_at__isnull=True).count() == 0


@pytest.mark.django_db(transaction=True)
def test_no_email_is_queued_when_the_transition_rolls_back(world):
    ensure_thresholds(world.center_admin)
    entrustment = request_in("submitted", applicant=world.applicant, admin=world.center_admin)
    run_worker()
    mail.outbox.clear()
    with pytest.raises(Rollback), transaction.atomic():
        entrustment_reject(actor=world.center_admin, entrustment=entrustment, reason="不符合")
        raise Rollback
    run_worker()
    assert mail.outbox == []
