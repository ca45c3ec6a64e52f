"""Nobody rewrites the trail through the application, and concurrent writers keep it linear."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection, connections, transaction
from django.db.models import ProtectedError

from liaison.audit.models import AppendOnlyError, AuditEvent
from liaison.audit.services.events import audit_record
from liaison.audit.services.verify import audit_chain_verify
from liaison.audit.tests.helpers import record


@pytest.mark.django_db
def test_saving_an_existing_event_is_refused(center_admin):
    (event,) = record(center_admin)
    event.summary = "改写"
    with pytest.raises(AppendOnlyError):
        event.save()
    assert AuditEvent.objects.get(seq=event.seq).summary == "修改第1次"


@pytest.mark.django_db
def test_deleting_an_event_is_refused(center_admin):
    (event,) = record(center_admin)
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert AuditEvent.objects.filter(seq=event.seq).exists()


@pytest.mark.django_db
def test_queryset_update_and_delete_are_refused(center_admin):
    record(center_admin, n=2)
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(seq=1).update(summary="改写")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.count() == 2
    assert audit_chain_verify().ok


@pytest.mark.django_db
def test_a_user_with_events_cannot_be_deleted(officer_user):
    record(officer_user)
    with pytest.raises(ProtectedError):
        officer_user.delete()
    assert AuditEvent.objects.get(seq=1).actor == officer_user


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_stay_one_linear_chain():
    threads_n, per_thread = (6, 5) if connection.vendor == "postgresql" else (1, 12)
    errors: list[BaseException] = []
    start = threading.Barrier(threads_n)

    def writer(worker: int) -> None:
        try:
            start.wait(timeout=10)
            for i in range(per_thread):
                with transaction.atomic():
                    audit_record(
                        actor=None, action="test.append", object_type="test", object_id=f"{worker}-{i}"
                    )
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    if connection.vendor == "postgresql":
        threads = [threading.Thread(target=writer, args=(w,)) for w in range(threads_n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    else:  # SQLite serialises writers anyway: append in sequence
        writer(0)
        close_old_connections()

    assert errors == []
    seqs = list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, threads_n * per_thread + 1))
    ids = set(AuditEvent.objects.values_list("object_id", flat=True))
    assert len(ids) == threads_n * per_thread
    report = audit_chain_verify()
    assert report.ok
    assert report.checked == threads_n * per_thread
