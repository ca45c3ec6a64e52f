"""The system's check of the complainant's choice of track: a keyword list per track. When a business
complaint's text uses integrity words (money, gifts, favours, charging for the free service of Art. 3,
relatives…), the form asks the complainant to confirm or to switch; nothing is changed silently."""

from __future__ import annotations

INTEGRITY_WORDS = (
    "红包",
    "好处费",
    "收费",
    "费用",
    "吃请",
    "宴请",
    "请吃",
    "回扣",
    "礼品",
    "礼金",
    "送礼",
    "购物卡",
    "索要",
    "索取",
    "报销",
    "亲属",
    "亲戚",
    "介绍费",
    "辛苦费",
    "感谢费",
    "入股",
    "利益输送",
    "吃拿卡要",
    "收钱",
    "给钱",
    "转账",
)
BUSINESS_WORDS = (
    "拖延",
    "推诿",
    "态度",
    "一次性告知",
    "多次往返",
    "额外材料",
    "补充材料",
    "指导错误",
    "超时",
    "不回复",
    "没人接",
)


def words_in(text: str, words: tuple[str, ...]) -> list[str]:
    return [w for w in words if w in (text or "")]


def integrity_words_in(text: str) -> list[str]:
    """The integrity words a text contains (empty: nothing to ask)."""
    return words_in(text, INTEGRITY_WORDS)
