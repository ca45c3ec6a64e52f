"""The chain becomes keyed (HMAC with settings.AUDIT_HMAC_KEY): an existing trail is first verified with
the old unkeyed hash — a broken one is not re-sealed, the migration stops — then every event is re-sealed
in order. SQLite gets the append-only triggers PostgreSQL has had since 0003."""

from django.conf import settings
from django.db import migrations

from liaison.audit.hashing import GENESIS_HASH, event_hash, unkeyed_hash

SQLITE_CREATE = [
    """CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
    """CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS audit_event_no_update;", "DROP TRIGGER IF EXISTS audit_event_no_delete;"]
PG_TRIGGER = "audit_event_no_update_delete"


def reseal(apps, schema_editor):
    Event = apps.get_model("audit", "AuditEvent")
    Head = apps.get_model("audit", "AuditChainHead")
    events = list(Event.objects.order_by("seq"))
    prev = GENESIS_HASH
    for event in events:
        if event.prev_hash != prev or unkeyed_hash(event) != event.hash:
            raise RuntimeError(f"audit chain broken at #{event.seq}: verify it before keying (audit_verify)")
        prev = event.hash
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":  # re-run on a database that has them already (tests): lifted, then made again
            for sql in SQLITE_DROP:
                cursor.execute(sql)
        if vendor == "postgresql" and events:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # ALTER TABLE needs no deferred checks pending
            cursor.execute(f"ALTER TABLE audit_auditevent DISABLE TRIGGER {PG_TRIGGER}")
        prev = GENESIS_HASH
        for event in events:
            event.prev_hash = prev
            event.hash = event_hash(event, settings.AUDIT_HMAC_KEY)
            cursor.execute(
                "UPDATE audit_auditevent SET prev_hash = %s, hash = %s WHERE id = %s", [prev, event.hash, event.pk]
            )
            prev = event.hash
        if vendor == "postgresql" and events:
            cursor.execute(f"ALTER TABLE audit_auditevent ENABLE TRIGGER {PG_TRIGGER}")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    if events:
        Head.objects.filter(pk=1).update(last_seq=events[-1].seq, last_hash=prev)
    if vendor == "sqlite":
        for sql in SQLITE_CREATE:
            schema_editor.execute(sql)


def unseal(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in SQLITE_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_personal_data_view")]
    operations = [migrations.RunPython(reseal, unseal)]
