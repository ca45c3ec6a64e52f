"""Demo published documents, through the product's services: the centre's working system, published."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from liaison.portal.defaults import INTERNAL_SLUG, seed_published_documents
from liaison.portal.models import DocumentVersion, PublishedDocument
from liaison.portal.services.documents import document_version_create, document_version_publish

WORKING_SYSTEM = """一、首问负责。项目单位来电、来访咨询联络官服务的，首位接待人员负责解答或引导至责任人，不得推诿。
二、一次性告知。受理委托申请时一次性告知所需材料；材料不全的，一次性书面告知需补充的全部内容。
三、限时办结。中心审查委托申请、确认办结或终止，均在平台公布的工作日时限内完成。
四、服务公开。办事流程、办事指南、承诺时限和服务数据在门户网站公开，接受社会监督。
五、廉洁服务。联络官代办服务不收取任何费用，不得接受项目单位的宴请和财物。
六、评价与整改。每一项服务接受项目单位评价；差评逐一核实、整改并回访。
"""


def build_portal_demo(admin: Any, log: Callable[[str], None]) -> None:
    seed_published_documents(PublishedDocument, DocumentVersion)
    document = PublishedDocument.objects.get(slug=INTERNAL_SLUG)
    if document.versions.exists():
        return
    version = document_version_create(
        actor=admin, document=document, body=WORKING_SYSTEM, issued_on=dt.date(2026, 1, 5), note="首次公开"
    )
    document_version_publish(actor=admin, version=version)
    log("portal: the centre's working system published (v1)")
