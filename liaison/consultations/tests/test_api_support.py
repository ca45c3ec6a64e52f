"""Helpers of the /api/v1/consultations tests: calls as a signed-in user, request bodies. This module holds no tests."""

from __future__ import annotations

from typing import Any

from django.test import Client

from liaison.audit.models import AuditEvent
from liaison.consultations.models import (
    Consultation,
    ConsultationEvent,
    FollowUp,
    Forwarding,
    OpinionReply,
    ReadReceipt,
    ReplyMaterial,
)
from liaison.directory.services.tokens import api_token_create
from liaison.notifications.models import Notification
from liaison.tracking.models import MaterialSubmission

BASE = "/api/v1/consultations"


class Caller:
    """Its own test client signed in as one user: a browser session, or a Bearer token with `token=True`."""

    def __init__(self, user: Any, *, token: bool = False) -> None:
        self.client = Client()
        self.headers: dict[str, str] = {}
        if token:
            _row, secret = api_token_create(user=user, name="对接", scope="write")
            self.headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
        else:
            self.client.force_login(user)

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(BASE + path, params, **self.headers)

    def post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return self.client.post(BASE + path, body or {}, content_type="application/json", **self.headers)

    def put(self, path: str, body: dict[str, Any]) -> Any:
        return self.client.put(BASE + path, body, content_type="application/json", **self.headers)


def reply_body(**overrides: Any) -> dict[str, Any]:
    """The opinion-reply form as JSON, complete (two conditions, two materials)."""
    body: dict[str, Any] = {
        "opinion": "符合办理条件，请按清单准备材料后申报。",
        "legal_basis": "《中华人民共和国城乡规划法》第三十七条",
        "conditions": ["已取得国有土地使用权", "符合控制性详细规划"],
        "materials": [
            {"name": "建设用地规划许可申请表", "form": "original", "copies": 1, "issuing_body": "项目单位"},
            {
                "name": "国有土地使用权出让合同",
                "form": "copy",
                "copies": 2,
                "how_to_obtain": "自然资源局档案室",
            },
        ],
        "procedure": "申请—受理—审查—决定—送达",
        "time_limit": "受理后5个工作日",
        "fees": "不收费",
        "contact": "区政务服务中心二楼 12 号窗口，张工 0871-12345678",
        "signer_name": "指导员甲",
        "signer_post": "科员",
    }
    body.update(overrides)
    return body


def raise_body(desk: Any, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "project_id": desk.project.pk,
        "subject": "用地规划许可办理咨询",
        "situation": "项目已取得土地，拟申请建设用地规划许可。",
        "requests": "请告知需要准备的全部材料和办理时限。",
        "channel": "phone",
        "project_items": [desk.project_item().pk],
    }
    body.update(overrides)
    return body


def footprint() -> dict[str, int]:
    """Everything a refused call must leave as it was."""
    models: list[Any] = [
        Consultation,
        ConsultationEvent,
        Forwarding,
        OpinionReply,
        ReplyMaterial,
        ReadReceipt,
        FollowUp,
        MaterialSubmission,
        Notification,
    ]
    counts = {m.__name__: m.objects.count() for m in models}
    return counts | {"AuditEvent": AuditEvent.objects.changes().count()}  # the refusal itself is recorded


def state_of(consultation: Consultation) -> tuple[str, int, int]:
    fresh = Consultation.objects.get(pk=consultation.pk)
    return fresh.state, fresh.guide_id, fresh.relay_count
