"""Reading the schedule the centre pastes from the State Council notice."""

from __future__ import annotations

import pytest

from liaison.core.errors import DomainError
from liaison.workcal.schedule_text import parse_schedule_text
from liaison.workcal.tests.helpers import SCHEDULE_2027, d


def test_lines_ranges_names_and_kinds_are_read():
    parsed = parse_schedule_text(SCHEDULE_2027)
    assert (d("2027-01-01"), "元旦") in parsed.holidays
    assert len([h for h in parsed.holidays if h[1] == "国庆节"]) == 7
    assert len([h for h in parsed.holidays if h[1] == "春节"]) == 9
    assert parsed.workdays == [
        (d("2027-01-31"), "春节调休"),
        (d("2027-02-20"), "春节调休"),
        (d("2027-09-26"), "国庆节调休"),
        (d("2027-10-09"), "国庆节调休"),
    ]


def test_names_are_optional_and_full_width_spaces_and_slashes_are_accepted():
    parsed = parse_schedule_text(
        "2027/1/1　休\n\n  2027-02-20 班  \n# comment\n2027-10-01至2027-10-03 国庆 假"
    )
    assert parsed.holidays[0] == (d("2027-01-01"), "")
    assert parsed.workdays == [(d("2027-02-20"), "")]
    assert [h[0] for h in parsed.holidays[1:]] == [d("2027-10-01"), d("2027-10-02"), d("2027-10-03")]


def test_every_bad_line_is_reported_with_its_number():
    text = "\n".join(
        [
            "2027-01-01 元旦 休",  # 1: fine
            "2027-13-01 错误 休",  # 2: no such date
            "2027-01-02 元旦",  # 3: no kind word
            "元旦 休",  # 4: no date
            "2027-10-07~2027-10-01 国庆 休",  # 5: reversed range
            "2027-02-30 班",  # 6: no such date
            "2027-01-01",  # 7: too short
        ]
    )
    with pytest.raises(DomainError) as caught:
        parse_schedule_text(text)
    errors = caught.value.details
    assert [e.split("：")[0] for e in errors] == ["第2行", "第3行", "第4行", "第5行", "第6行", "第7行"]
    assert "2027-13-01" in errors[0]
    assert "“休”或“班”" in errors[1]
    assert "结束日期早于开始日期" in errors[3]
    assert caught.value.field == "text"


def test_an_empty_paste_is_refused():
    with pytest.raises(DomainError, match="没有读到任何日期"):
        parse_schedule_text("\n# 只有注释\n")


def test_an_overlong_range_is_refused():
    with pytest.raises(DomainError, match="超过31天"):
        parse_schedule_text("2027-01-01~2027-03-01 太长 休")
