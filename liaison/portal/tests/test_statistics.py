"""The public statistics against a hand-computed example, the small-cell rule, the satisfaction figures
taken from evaluation (never recomputed), and the CSV/JSON downloads."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from liaison.evaluation.figures import FigureRow
from liaison.portal import statistics_data
from liaison.portal.statistics import ItemTimes, StatisticsInputs, compute_statistics, suppress_parts

STAGES = [
    ("approval_land", "立项"),
    ("construction_license", "建设许可"),
    ("construction_permit", "施工许可"),
]
MONTHS = [dt.date(2026, 10, 1), dt.date(2026, 11, 1), dt.date(2026, 12, 1)]


def example() -> StatisticsInputs:
    """10 projects: 5 in service, 4 completed, 1 terminated; 4 approved items (3 + 1 by stage)."""
    return StatisticsInputs(
        served=10,
        in_service=5,
        completed=4,
        terminated=1,
        items_approved=4,
        item_times=[
            ItemTimes("approval_land", 4, 5),
            ItemTimes("approval_land", 6, 5),
            ItemTimes("approval_land", 5, 10),
            ItemTimes("construction_license", 9, 20),
        ],
        stages=STAGES,
        approved_by_stage={"approval_land": 3, "construction_license": 1},
        months=MONTHS,
        served_by_month={MONTHS[0]: 6, MONTHS[1]: 4},
        approved_by_month={MONTHS[2]: 4},
        evaluations=8,
        satisfaction_rate=Decimal("87.5"),
        bad_reviews=1,
        rectifications=1,
        rectified_on_time=1,
        returned=0,
    )


def test_the_totals_match_the_hand_computed_example():
    stats = compute_statistics(example())
    t = stats.totals
    assert (t["served"].text, t["in_service"].text) == ("10", "5")
    # terminated (1) is withheld, and completed (4) with it: 10 − 5 − 4 would give the terminated one away
    assert (t["completed"].text, t["terminated"].text) == ("<3", "<3")
    assert t["completed"].value is None and t["terminated"].suppressed
    assert t["items_approved"].text == "4"
    # (4 + 6 + 5 + 9) / 4 = 6.0 working days against (5 + 5 + 10 + 20) / 4 = 10.0 promised
    assert (t["average_days"].value, t["average_promised_days"].value) == (Decimal("6.0"), Decimal("10.0"))


def test_a_stage_of_one_item_is_withheld_with_its_averages_and_the_stage_that_would_reveal_it():
    by_stage = {r["key"]: r for r in compute_statistics(example()).by_stage}
    assert by_stage["construction_license"]["approved"].text == "<3"
    assert by_stage["construction_license"]["average_days"].suppressed
    # 4 shown in total − 0 in the third stage: approval_land's 3 would reveal the single item, so it goes too
    assert by_stage["approval_land"]["approved"].text == "<3"
    assert by_stage["approval_land"]["average_days"].suppressed
    assert by_stage["construction_permit"]["approved"].text == "0"
    assert by_stage["construction_permit"]["average_days"].text == "—"


def test_months_and_satisfaction_follow_the_same_rule():
    stats = compute_statistics(example())
    assert [(m["label"], m["served"].text, m["approved"].text) for m in stats.by_month] == [
        ("2026-10", "6", "0"),
        ("2026-11", "4", "0"),
        ("2026-12", "0", "4"),
    ]
    s = stats.satisfaction
    assert s["evaluations"].text == "8" and s["satisfaction_rate"].text == "87.5%"
    assert s["bad_reviews"].text == "<3"
    assert s["rectifications"].suppressed and s["returned"].suppressed  # derived from the withheld count


def test_a_rate_over_fewer_than_three_evaluations_is_withheld():
    data = example()
    data.evaluations, data.satisfaction_rate = 2, Decimal("100.0")
    assert compute_statistics(data).satisfaction["satisfaction_rate"].text == "<3"


@pytest.mark.parametrize(
    ("parts", "shown", "expected"),
    [
        ([0, 0, 0], True, ["0", "0", "0"]),
        ([3, 4, 5], True, ["3", "4", "5"]),
        ([1, 2, 7], True, ["<3", "<3", "7"]),
        ([1, 5, 7], True, ["<3", "<3", "7"]),
        ([1, 5, 7], False, ["<3", "5", "7"]),
        ([1, 0, 7], True, ["<3", "0", "<3"]),
        ([2, 0, 0], False, ["<3", "0", "0"]),
    ],
)
def test_the_suppression_of_the_parts_of_a_total(parts, shown, expected):
    assert [c.text for c in suppress_parts(parts, shown)] == expected


@pytest.mark.django_db
def test_two_dispatched_projects_are_published_as_fewer_than_three(case):
    data = statistics_data.statistics_inputs()
    assert (data.served, data.in_service, data.completed) == (2, 2, 0)
    html = Client().get(reverse("portal:statistics")).content.decode()
    assert 'data-testid="total-served">&lt;3<' in html


@pytest.mark.django_db
def test_the_satisfaction_figures_are_evaluations_own(monkeypatch):
    row = FigureRow(key="all", levels={5: 6, 4: 2, 1: 2}, bad_reviews=2, rectifications=2, returned=1)
    monkeypatch.setattr(statistics_data, "satisfaction_figures", lambda dimension: [row])
    data = statistics_data.statistics_inputs()
    assert (data.evaluations, data.satisfaction_rate, data.bad_reviews) == (10, Decimal("80.0"), 2)


@pytest.mark.django_db
def test_the_complaints_slot_shows_the_counts_it_is_given(monkeypatch):
    monkeypatch.setattr(statistics_data, "complaint_counts", lambda: {"received": 7, "concluded": 2})
    html = Client().get(reverse("portal:statistics")).content.decode()
    assert 'data-testid="complaints-table"' in html and "收到投诉" in html


@pytest.mark.django_db
def test_the_statistics_download_as_csv_and_json_with_the_same_suppressed_figures(case):
    client = Client()
    response = client.get("/portal/statistics.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    served = next(r for r in rows if r["section"] == "totals" and r["measure"] == "served")
    assert (served["display"], served["value"], served["suppressed"]) == ("<3", "", "1")
    data = client.get("/portal/statistics.json").json()
    assert data["suppression"]["threshold"] == 3
    served_json = next(r for r in data["rows"] if r["section"] == "totals" and r["measure"] == "served")
    assert served_json["value"] is None and served_json["display"] == "<3"
    assert data["as_of"] == rows[0]["as_of"]
