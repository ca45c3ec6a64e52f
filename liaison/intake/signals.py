"""Signals intake sends for the apps above it (which intake may not import).

`assignment_team_changed` is sent inside the dispatch transaction whenever a project's active officers
change, with `project_id`, `removed_officer_ids` and `added_officer_ids` (tracking moves the project's
figures on the officers' tallies). `project_registered` is sent inside the acceptance transaction when a project is registered (gets
its service number), with `project_id` (tracking counts the registered projects).
A receiver's exception rolls the sender's transaction back.
"""

from django.dispatch import Signal

assignment_team_changed = Signal()
project_registered = Signal()
