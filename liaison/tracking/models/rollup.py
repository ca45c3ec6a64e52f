from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectRollup(models.Model):
    """What a project's items add up to, kept beside them so that dashboards over thousands of projects
    read one small row per project instead of every item.

    Only facts that do not depend on today's date are stored (counts by kind of state, the stage in
    progress, the earliest due date of the items whose clock runs); the lights are still derived at
    read time by comparing `earliest_due` with today's thresholds. Rewritten in the same transaction as
    every change to a project's items (`liaison.tracking.services.rollups.rollups_refresh`), which also moves
    the centre's tallies (`models.tally`) by the difference.
    """

    project = models.OneToOneField(
        "intake.Project", on_delete=models.CASCADE, primary_key=True, related_name="tracking_rollup"
    )
    items_total = models.PositiveIntegerField(default=0)
    items_open = models.PositiveIntegerField(default=0)  # not in a final state (paused included)
    items_running = models.PositiveIntegerField(default=0)  # open and the clock runs (not paused)
    items_paused = models.PositiveIntegerField(default=0)  # waiting for the enterprise's supplement
    items_undated = models.PositiveIntegerField(default=0)  # running without a due date
    stage_rank = models.PositiveSmallIntegerField(null=True, blank=True)  # first stage with an open item
    earliest_due = models.DateField(null=True, blank=True)  # of the running items
    # "<approval item id>|<due date>" -> running items: what this project adds to the due tallies
    due_counts = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("项目事项汇总")
        verbose_name_plural = _("项目事项汇总")

    def __str__(self) -> str:
        return f"{self.project_id}: {self.items_open}/{self.items_total} open"
