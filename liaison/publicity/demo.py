"""Demo publicity, through the product's services, every row marked as sample data: two published
articles (a news item and a case story) and a draft; enquiries answered (two published as FAQs), open
(one overdue) and closed; a FAQ withdrawn."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from liaison.directory.models import User
from liaison.publicity.editors import editor_add
from liaison.publicity.models import Article, Enquiry, Faq
from liaison.publicity.services.articles import article_create, article_publish
from liaison.publicity.services.enquiries import enquiry_answer, enquiry_close, enquiry_submit
from liaison.publicity.services.faqs import faq_publish, faq_step

ARTICLES = [
    (
        "news",
        "五华区政务服务联络官服务平台上线运行（示例）",
        "项目单位可在线委托联络官，全程跟踪审批进度。",
        "<p>为进一步优化营商环境，区政务服务中心上线政务服务联络官服务平台。</p>"
        "<h2>主要功能</h2><ul><li>在线委托与派任</li><li>审批事项进度跟踪</li><li>好差评与回访</li></ul>"
        "<p>联络官服务<strong>免费提供</strong>，欢迎项目单位咨询。</p>",
    ),
    (
        "case",
        "联络官帮办新能源项目 20 个工作日完成前期审批（示例）",
        "一个服务案例：首问负责、一次性告知，并联推进。",
        "<p>某新能源项目委托联络官后，联络官梳理出 6 个审批事项，逐项咨询专职指导员。</p>"
        "<p>通过并联推进，前期审批在 20 个工作日内完成。</p>",
    ),
]
QUESTIONS = [
    (
        "scope",
        "赵先生",
        "13800001111",
        "zhao@example.com",
        "外资项目可以申请联络官服务吗？",
        "可以。符合《办法》第八条条件的项目均可委托，与投资主体性质无关。",
        "外资项目可以申请联络官服务吗？",
    ),
    (
        "entrust",
        "钱女士",
        "",
        "qian@example.com",
        "委托联络官要交哪些材料？",
        "请提交委托申请表（含项目基本情况）和单位授权书，材料不齐的中心一次性告知。",
        "委托联络官需要提交哪些材料？",
    ),
    (
        "process",
        "孙先生",
        "0871-63310000",
        "",
        "联络官服务收费吗？",
        "联络官服务免费提供。",
        "联络官服务收费吗？",
    ),
]
OPEN = [
    ("approval", "周女士", "13900002222", "", "施工许可办理一般需要多久？"),
    ("other", "吴先生", "", "wu@example.com", "项目建成后联络官还会回访吗？"),
]


def build_publicity_demo(admin: User, log: Callable[[str], None]) -> None:
    editor_add(admin)
    made = []
    for kind, title, summary, body in ARTICLES:
        article = article_create(actor=admin, kind=kind, title=title, summary=summary, body=body)
        made.append(article_publish(actor=admin, article_id=article.pk).pk)
    draft = article_create(
        actor=admin, kind="news", title="联络官培训会召开（草稿，示例）", body="<p>草稿内容，待补充图片。</p>"
    )
    Article.objects.filter(pk__in=[*made, draft.pk]).update(is_sample=True)

    faqs = []
    for topic, name, phone, email, question, answer, wording in QUESTIONS:
        e = enquiry_submit(name=name, phone=phone, email=email, topic=topic, question=question)
        Enquiry.objects.filter(pk=e.pk).update(is_sample=True)
        e.refresh_from_db()
        enquiry_answer(actor=admin, enquiry_id=e.pk, answer=answer)
        faqs.append(faq_publish(actor=admin, enquiry_id=e.pk, topic=topic, question=wording, answer=answer))
    faq_step(actor=admin, faq_id=faqs[-1].pk, name="withdraw")
    faq_step(actor=admin, faq_id=faqs[-1].pk, name="republish")
    opened = []
    for topic, name, phone, email, question in OPEN:
        opened.append(enquiry_submit(name=name, phone=phone, email=email, topic=topic, question=question))
    # One open enquiry overdue, so the red light and the reminder show in the demo.
    Enquiry.objects.filter(pk=opened[0].pk).update(due_on=timezone.localdate() - dt.timedelta(days=2))
    spam = enquiry_submit(name="某某", phone="13900003333", email="", topic="other", question="广告推广")
    enquiry_close(actor=admin, enquiry_id=spam.pk, reason="与联络官服务无关。")
    Enquiry.objects.update(is_sample=True)
    Faq.objects.update(is_sample=True)
    log(f"publicity: {len(made)} articles published, 1 draft, {len(faqs)} FAQs, {len(opened)} open enquiries")
