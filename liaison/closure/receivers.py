"""Closure listens to tracking (a lower app): an approved item's result document enters the custody
register in the same transaction; an item's final step may make the project ready for completion."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from liaison.closure.services.handover import completion_ready_notify, custody_result_record
from liaison.tracking.models import ProjectItem
from liaison.tracking.signals import item_finished, item_result_recorded


def on_result_recorded(sender: Any, *, project_item: ProjectItem, actor: Any, **kwargs: Any) -> None:
    custody_result_record(project_item=project_item, actor=actor)


def on_item_finished(sender: Any, *, project_item: ProjectItem, actor: Any, **kwargs: Any) -> None:
    # After commit: a completion prepared or a termination confirmed in the same transaction (which close
    # the open items themselves) then finds the service no longer running and says nothing.
    project_id, item_id = project_item.project_id, project_item.pk
    transaction.on_commit(lambda: completion_ready_notify(project_id, item_id))


def connect() -> None:
    item_result_recorded.connect(on_result_recorded, dispatch_uid="closure.custody_result")
    item_finished.connect(on_item_finished, dispatch_uid="closure.completion_ready")
