"""Signals for apps above the catalogue (which may not be imported from here)."""

from django.dispatch import Signal

# Sent inside the transaction that changes an item's guide: item, previous_guide (or None), new_guide, actor.
guide_assignment_changed = Signal()
