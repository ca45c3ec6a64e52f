"""Signals of the lowest layer, for the apps above it to listen to."""

from __future__ import annotations

import django.dispatch

# A background export finished (done or failed): `job` (an ExportJob), `seen` (the personal data it showed
# unmasked, a `liaison.core.personal_data.Seen` or None). Sent by the worker after the job's row is saved,
# inside the requester's language. notifications tells the user; audit logs the personal data shown.
export_job_finished = django.dispatch.Signal()
# A background export was queued: `job` (an ExportJob). Sent inside the transaction that created it, so a
# receiver's write (audit's trail entry) stands or falls with the job.
export_job_requested = django.dispatch.Signal()
