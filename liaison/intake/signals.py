"""Signals intake sends for the apps above it (which intake may not import).

`assignment_team_changed` is sent inside the dispatch transaction whenever a project's active officers
change, with `project_id`, `removed_officer_ids` and `added_officer_ids` (tracking moves the project's
figures on the officers' tallies). A receiver's exception rolls the dispatch back.
"""

from django.dispatch import Signal

assignment_team_changed = Signal()
