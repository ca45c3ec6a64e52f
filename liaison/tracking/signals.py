"""Events of a project item for the apps above (closure keeps the custody register and prompts completion;
evaluation invites the enterprise to evaluate the department's service).

Both are sent inside the transaction of the step, so a receiver's writes commit or roll back with it.
"""

from django.dispatch import Signal

# kwargs: project_item (with its result_* fields filled), actor
item_result_recorded = Signal()
# kwargs: project_item (now in a final state), actor
item_finished = Signal()
