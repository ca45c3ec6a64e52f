"""Events of tracking, for the apps above (the evaluation of a department's service listens here)."""

from django.dispatch import Signal

# Sent inside the transaction that moves an item into a final state; kwargs: project_item, actor.
item_finished = Signal()
