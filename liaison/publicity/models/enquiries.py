"""Enquiries anyone may send the centre before entrusting (Art. 12), the FAQs made of the answers worth
sharing, and the centre's answer period."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class EnquiryTopic(models.TextChoices):
    SCOPE = "scope", _("服务范围与条件")
    ENTRUST = "entrust", _("委托申请与材料")
    PROCESS = "process", _("服务流程与时限")
    APPROVAL = "approval", _("审批事项办理")
    OTHER = "other", _("其他")


class EnquiryState(models.TextChoices):
    OPEN = "open", _("待答复")
    ANSWERED = "answered", _("已答复")
    CLOSED = "closed", _("不予答复")


class Enquiry(models.Model):
    """A question from the public; the asker's name and contacts are never shown on a public page."""

    code = models.CharField(_("查询码"), max_length=16, unique=True)
    name = models.CharField(_("称呼"), max_length=50)
    phone = models.CharField(_("电话"), max_length=20, blank=True)
    email = models.EmailField(_("电子邮箱"), max_length=120, blank=True)
    topic = models.CharField(_("咨询类别"), max_length=10, choices=EnquiryTopic.choices)
    question = models.TextField(_("咨询内容"), max_length=2000)
    state = models.CharField(
        _("状态"), max_length=10, choices=EnquiryState.choices, default=EnquiryState.OPEN, db_index=True
    )
    due_on = models.DateField(_("答复期限"), null=True, blank=True)
    answer = models.TextField(_("答复"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    is_sample = models.BooleanField(_("示例数据"), default=False)
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("咨询")
        verbose_name_plural = _("咨询")

    def __str__(self) -> str:
        return f"{self.code} · {self.get_topic_display()}"


class FaqState(models.TextChoices):
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class Faq(models.Model):
    """A published question and answer; its wording is the centre's, never the asker's identity."""

    topic = models.CharField(_("咨询类别"), max_length=10, choices=EnquiryTopic.choices)
    question = models.CharField(_("问题"), max_length=300)
    answer = models.TextField(_("答复"), max_length=4000)
    state = models.CharField(
        _("状态"), max_length=10, choices=FaqState.choices, default=FaqState.PUBLISHED, db_index=True
    )
    enquiry = models.OneToOneField(
        Enquiry, on_delete=models.SET_NULL, null=True, blank=True, related_name="faq"
    )
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(_("发布时间"))
    is_sample = models.BooleanField(_("示例数据"), default=False)

    class Meta:
        ordering = ["topic", "-published_at", "-id"]
        verbose_name = _("常见问题")
        verbose_name_plural = _("常见问题")

    def __str__(self) -> str:
        return self.question


class PublicitySettings(models.Model):
    """The centre's answer period for enquiries (working days); warning/repeat days are the engine's."""

    answer_days = models.PositiveSmallIntegerField(
        _("咨询答复期限（工作日）"), default=5, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )

    class Meta:
        verbose_name = _("宣传与咨询设置")
        verbose_name_plural = _("宣传与咨询设置")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
