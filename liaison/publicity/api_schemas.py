"""The request and response schemas of /api/v1/publicity (names unique across the API)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema


class PublicityArticleOut(Schema):
    id: int
    kind: str
    title: str
    summary: str
    body: str
    state: str
    published_at: dt.datetime | None
    is_sample: bool


class PublicityArticleIn(Schema):
    kind: Literal["news", "case"]
    title: str = Field(max_length=120)
    summary: str = Field(default="", max_length=300)
    body: str = Field(max_length=50_000)


class PublicityWithdrawIn(Schema):
    reason: str = Field(default="", max_length=200)


class PublicityFaqOut(Schema):
    id: int
    topic: str
    topic_label: str
    question: str
    answer: str
    published_at: dt.datetime
    is_sample: bool


class PublicityEnquiryOut(Schema):
    id: int
    code: str
    name: str
    phone: str
    email: str
    topic: str
    question: str
    state: str
    due_on: dt.date | None
    light: str
    answer: str
    actions: list[str]


class PublicityAnswerIn(Schema):
    answer: str = Field(max_length=4000)


class PublicityCloseIn(Schema):
    reason: str = Field(max_length=500)


class PublicityFaqIn(Schema):
    topic: Literal["scope", "entrust", "process", "approval", "other"]
    question: str = Field(max_length=300)
    answer: str = Field(max_length=4000)
