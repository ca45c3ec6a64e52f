"""Centre-wide figures kept beside the roll-ups they sum, so that the centre overview reads a few small
tables whatever the number of projects (issue 16).

Each row is a sum over the projects' `ProjectRollup` rows sharing a key; only date-independent facts are
stored (the lights are still derived at read time from the due dates and today's thresholds). They are
changed by atomic increments (`liaison.tracking.services.tallies`) in the same transaction as the
roll-ups, and recomputed by `manage.py rollups_check`. Counters are signed so that a decrement applied
before its row exists cannot violate a constraint; a row whose counters reach zero may stay. The
references carry no database constraint: a foreign-key check takes a key-share lock on the officer's row
at commit, which deadlocks with a dispatch that holds that row locked and waits for the project's
roll-up (derived rows; `rollups_check` repairs them).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectItemCounts(models.Model):
    """The counters a group of projects' roll-ups sum to: how many projects, and their items by state."""

    n_projects = models.IntegerField(default=0)
    items_total = models.IntegerField(default=0)
    items_open = models.IntegerField(default=0)
    items_running = models.IntegerField(default=0)
    items_paused = models.IntegerField(default=0)
    items_undated = models.IntegerField(default=0)

    class Meta:
        abstract = True


class RollupShapeTally(ProjectItemCounts):
    """Projects grouped by the date-independent shape of their roll-up: the stage in progress, the
    earliest running due date and which kinds of item they have; with their item counts summed."""

    key = models.CharField(max_length=40, unique=True)  # the shape below, spelled out (NULLs included)
    stage_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    earliest_due = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("项目汇总分布")
        verbose_name_plural = _("项目汇总分布")

    def __str__(self) -> str:
        return f"{self.key}: {self.n_projects}"


class DueTally(models.Model):
    """Running items (clock not paused) per catalogue item and due date, over all projects."""

    approval_item = models.ForeignKey(
        "catalogue.ApprovalItem", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    due_on = models.DateField()
    n = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("到期事项计数")
        verbose_name_plural = _("到期事项计数")
        constraints = [models.UniqueConstraint(fields=["approval_item", "due_on"], name="due_tally_key")]
        indexes = [models.Index(fields=["due_on"], name="due_tally_due_on")]

    def __str__(self) -> str:
        return f"{self.approval_item_id} {self.due_on}: {self.n}"


class OfficerTally(ProjectItemCounts):
    """An officer's active projects and those projects' roll-ups summed."""

    officer = models.OneToOneField(
        "officers.Officer",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="tracking_tally",
        db_constraint=False,
    )

    class Meta:
        verbose_name = _("联络官事项汇总")
        verbose_name_plural = _("联络官事项汇总")

    def __str__(self) -> str:
        return f"{self.officer_id}: {self.n_projects}"


class OfficerDueTally(models.Model):
    """Running items of an officer's active projects per due date."""

    officer = models.ForeignKey(
        "officers.Officer", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    due_on = models.DateField()
    n = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("联络官到期事项计数")
        verbose_name_plural = _("联络官到期事项计数")
        constraints = [models.UniqueConstraint(fields=["officer", "due_on"], name="officer_due_tally_key")]

    def __str__(self) -> str:
        return f"{self.officer_id} {self.due_on}: {self.n}"


REGISTERED_PROJECTS = "registered_projects"


class CentreCount(models.Model):
    """A count over the centre kept beside the rows: `registered_projects` (intake's `project_registered`)."""

    name = models.CharField(max_length=40, unique=True)
    n = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("中心计数")
        verbose_name_plural = _("中心计数")

    def __str__(self) -> str:
        return f"{self.name}: {self.n}"
