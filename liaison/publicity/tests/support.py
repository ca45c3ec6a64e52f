"""Publicity's test data, always through the services."""

from __future__ import annotations

from typing import Any

from liaison.publicity.models import Article, Enquiry
from liaison.publicity.services.articles import article_create, article_publish
from liaison.publicity.services.enquiries import enquiry_submit

ASKER = {"name": "李女士", "phone": "13912345678", "email": "asker@example.com"}


def draft(actor: Any, title: str = "联络官全程帮办项目落地", body: str = "<p>正文内容</p>") -> Article:
    return article_create(actor=actor, kind="case", title=title, summary="一个服务案例", body=body)


def published(actor: Any, title: str = "联络官全程帮办项目落地") -> Article:
    return article_publish(actor=actor, article_id=draft(actor, title).pk)


def enquiry(**overrides: Any) -> Enquiry:
    values = {**ASKER, "topic": "entrust", "question": "委托联络官需要准备哪些材料？"} | overrides
    return enquiry_submit(**values)
