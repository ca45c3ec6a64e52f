"""Signal receivers: an item's guide changed → its open consultations move to the new guide."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from liaison.catalogue.signals import guide_assignment_changed
from liaison.consultations.services.routing import consultations_reroute


@receiver(guide_assignment_changed, dispatch_uid="consultations_reroute_on_guide_change")
def _reroute(
    sender: Any, *, item: Any, previous_guide: Any, new_guide: Any, actor: Any, **kwargs: Any
) -> None:
    consultations_reroute(actor=actor, approval_item=item, previous_guide=previous_guide, new_guide=new_guide)
