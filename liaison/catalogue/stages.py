"""The four approval stages of Art. 2."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    APPROVAL_LAND = "approval_land", _("立项及备案用地规划许可阶段")
    CONSTRUCTION_LICENSE = "construction_license", _("建设许可阶段")
    CONSTRUCTION_PERMIT = "construction_permit", _("施工许可阶段")
    COMPLETION = "completion", _("竣工验收阶段")


STAGE_ORDER = {stage.value: index for index, stage in enumerate(Stage)}
