"""A 2027 schedule for tests (made up in the shape of a State Council notice: 13 holiday days)."""

from __future__ import annotations

import datetime as dt

SCHEDULE_2027 = """\
# 国务院办公厅关于2027年部分节假日安排的通知（测试用）
2027-01-01 元旦 休
2027-01-31 春节调休 班
2027-02-06~2027-02-14 春节 休
2027-02-20 春节调休 班
2027-04-05 清明节 休
2027-05-01~2027-05-05 劳动节 休
2027-06-09 端午节 休
2027-09-15 中秋节 休
2027-10-01~2027-10-07 国庆节 休
2027-09-26 国庆节调休 班
2027-10-09 国庆节调休 班
"""

NOTICE_2027 = "国办发明电〔2026〕7号"


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
