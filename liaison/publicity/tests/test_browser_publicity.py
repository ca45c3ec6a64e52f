"""In a real browser, at phone width for the public: an anonymous visitor asks the centre a question; the
centre admin answers it from the 待办 and publishes it as a FAQ; the visitor reads the answer by query code
and finds the FAQ, without the asker's name. And an article drafted with an image, previewed (the public
gets 404), published (in the list and the feed), withdrawn (404 again). axe finds no serious violation on
any public page."""

from __future__ import annotations

import pytest

from liaison.publicity.models import Article, Enquiry
from liaison.publicity.tests.conftest import png_upload
from liaison.testing.axe import serious_violations
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 780}


def _accessible(page) -> None:
    assert serious_violations(page) == [], page.url


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), page.url


def test_an_enquiry_is_answered_from_the_todo_and_published_as_a_faq(page, live_server, center_admin):
    base = live_server.url
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_viewport_size(PHONE)

    page.goto(f"{base}/publicity/enquiries/new/")
    _accessible(page)
    _fits(page)
    page.click('[data-testid="enquiry-submit"]')
    page.wait_for_selector('[data-testid="error-summary"]')
    assert "请填写称呼" in page.inner_text('[data-testid="error-summary"]')
    _accessible(page)
    page.fill("#id_name", "陈女士")
    page.fill("#id_phone", "13700001234")
    page.fill("#id_email", "chen@example.com")
    page.select_option("#id_topic", "entrust")
    page.fill("#id_question", "我们是外资企业，委托联络官需要准备哪些材料？")
    page.fill("#id_captcha_1", "PASSED")
    page.click('[data-testid="enquiry-submit"]')
    code = page.inner_text('[data-testid="enquiry-code"]').strip()
    assert Enquiry.objects.get().code == code
    _accessible(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, base, center_admin, "/")
    page.click('[data-testid="todo-link-publicity.enquiries"]')
    page.click(f"text={code}")
    page.wait_for_selector('[data-testid="answer-form"]')
    page.fill("#id_answer", "外资企业同样可以委托，请准备委托申请表和项目基本情况说明。")
    page.click('[data-testid="answer-submit"]')
    page.wait_for_selector('[data-state="answered"]')
    page.fill("#id_question", "外资企业委托联络官需要准备哪些材料？")
    page.click('[data-testid="faq-submit"]')
    page.wait_for_selector('[data-testid="faq-link"]')

    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/publicity/enquiries/status/")
    page.fill("#id_code", code)
    page.click('[data-testid="status-form"] button')
    page.wait_for_selector('[data-testid="enquiry-answer"]')
    assert "委托申请表" in page.inner_text('[data-testid="enquiry-answer"]')
    _accessible(page)
    page.goto(f"{base}/publicity/faq/")
    page.fill("#faq-q", "外资")
    page.click("form[role=search] button")
    page.click('[data-testid="faq-item"] summary')
    assert "委托申请表" in page.inner_text('[data-testid="faq-list"]')
    assert "陈女士" not in page.content() and "13700001234" not in page.content()
    _accessible(page)
    _fits(page)
    assert not errors


def test_an_article_is_drafted_previewed_published_and_withdrawn(page, live_server, center_admin, tmp_path):
    base = live_server.url
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, base, center_admin, "/publicity/manage/articles/")
    page.click('[data-testid="article-new"]')
    page.select_option("#id_kind", "case")
    page.fill("#id_title", "联络官帮办新能源项目七天拿证")
    page.fill("#id_summary", "一个服务案例")
    page.fill("#id_body", "联络官全程帮办")
    page.locator("#id_body").select_text()
    page.click('[data-editor-for] [data-wrap="p"]')
    page.click('[data-testid="article-save"]')
    page.wait_for_selector('[data-state="draft"]')
    article = Article.objects.get()
    assert article.body == "<p>联络官全程帮办</p>"

    photo = tmp_path / "site.png"
    photo.write_bytes(png_upload().read())
    page.set_input_files("#id_image", str(photo))
    page.fill("#id_alt", "项目现场")
    page.click('[data-testid="image-upload"]')
    page.wait_for_selector("[data-insert-image]")
    page.click("[data-insert-image]")
    page.click('[data-testid="article-save"]')
    page.wait_for_selector(".alert-success")
    article.refresh_from_db()
    assert '<img src="/publicity/images/' in article.body

    page.click('[data-testid="article-preview"]')
    page.wait_for_selector('[data-testid="preview-banner"]')
    page.wait_for_function("() => document.querySelector('[data-testid=article-body] img')?.complete")
    assert page.evaluate("document.querySelector('[data-testid=article-body] img').naturalWidth") == 40

    anonymous = page.context.browser.new_context()
    visitor = anonymous.new_page()
    visitor.set_viewport_size(PHONE)
    assert visitor.goto(f"{base}/publicity/articles/{article.pk}/").status == 404

    page.goto(f"{base}/publicity/manage/articles/{article.pk}/")
    page.click('[data-testid="article-publish"]')
    page.wait_for_selector('[data-state="published"]')

    visitor.goto(f"{base}/publicity/")
    visitor.click("text=联络官帮办新能源项目七天拿证")
    visitor.wait_for_selector('[data-testid="article-body"] img')
    visitor.wait_for_function("() => document.querySelector('[data-testid=article-body] img')?.complete")
    assert visitor.evaluate("document.querySelector('[data-testid=article-body] img').naturalWidth") == 40
    _accessible(visitor)
    _fits(visitor)
    visitor.goto(f"{base}/publicity/")
    _accessible(visitor)
    feed = visitor.request.get(f"{base}/publicity/feed/")
    assert "联络官帮办新能源项目七天拿证" in feed.text()

    page.fill("#id_reason", "数据需更新")
    page.click('[data-testid="article-withdraw"]')
    page.wait_for_selector('[data-state="withdrawn"]')
    assert visitor.goto(f"{base}/publicity/articles/{article.pk}/").status == 404
    assert "联络官帮办新能源项目七天拿证" not in visitor.request.get(f"{base}/publicity/feed/").text()
    anonymous.close()
    assert not errors
