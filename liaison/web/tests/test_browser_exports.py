"""In a real browser: the centre admin filters the enquiry list and exports it; past EXPORT_SYNC_MAX rows the
export is offered in the background; 我的导出 shows it queued, then — asking again by itself while the
worker writes — done, and the downloaded file holds exactly the filtered rows."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from liaison.core.xlsx import HEADER_ROW
from liaison.publicity.models import Enquiry
from liaison.publicity.tests.support import enquiry
from liaison.testing.axe import serious_violations
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LIST = "/publicity/manage/enquiries/"


def test_a_large_export_is_written_in_the_background_and_downloaded(
    page: Page, live_server, settings, tmp_path, center_admin
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.EXPORT_SYNC_MAX = 10
    for n in range(15):
        enquiry(question=f"外资项目第{n}问")
    for n in range(5):
        enquiry(question=f"收费标准第{n}问")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    base = live_server.url
    sign_in(page, base, center_admin, LIST)
    page.fill("#list-q", "外资")
    page.click('[data-testid="list-search-submit"]')
    page.click('[data-testid="list-export"]')
    expect(page.get_by_test_id("export-offer-total")).to_contain_text("共 15 条")
    assert serious_violations(page) == [], page.url
    page.click('[data-testid="export-start"]')
    page.wait_for_url(f"{base}/exports/")
    job = page.locator('[data-testid="export-job"]')
    expect(job).to_have_attribute("data-state", "queued")
    assert serious_violations(page) == [], page.url

    call_command("db_worker", "--batch", "--no-startup-delay")  # the page is not reloaded: it asks again

    expect(job).to_have_attribute("data-state", "done", timeout=15_000)
    expect(job.get_by_test_id("export-progress")).to_contain_text("15 / 15")
    with page.expect_download() as info:
        job.get_by_test_id("export-download").click()
    download = info.value
    assert download.suggested_filename.startswith("公众咨询清单-") and download.suggested_filename.endswith(
        ".xlsx"
    )
    sheet = load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active  # the path has no .xlsx
    codes = [row[0] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    assert sorted(codes) == sorted(
        Enquiry.objects.filter(question__contains="外资").values_list("code", flat=True)
    )
    page.click('[data-testid="bell"]')
    expect(page.locator("text=导出已完成：公众咨询清单")).to_be_visible()
    assert errors == []
