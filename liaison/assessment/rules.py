"""How an indicator's raw value becomes a 0–100 score: each rule is data with the text the method page
prints, so the page and the computation can never disagree.

- RATE: a percentage is its own score (95.5% scores 95.50); a subject without data has no score.
- PENALTY: 100 minus `per` points for each counted event, never below 0; no event scores 100.
- RELATIVE: the value against the highest of the same kind (100 × value ÷ highest); 0 when all are 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext as _

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def two_places(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Rate:
    """A percentage (0–100) is its own score; no data stays no data."""

    missing_is_zero: bool = False

    def score(self, raw: Decimal | int | None, peers: list[Decimal | int]) -> Decimal | None:
        if raw is None:
            return None
        return two_places(min(HUNDRED, max(Decimal(0), Decimal(raw))))

    def text(self) -> str | Promise:
        return _("得分 = 比率（百分数）；无数据的不计分，权重在其余有数据的指标间重新分配")


@dataclass(frozen=True)
class Penalty:
    """100 minus `per` for each event, never below 0 (a count: no event is a real 0, scored 100)."""

    per: int = 10
    missing_is_zero: bool = True

    def score(self, raw: Decimal | int | None, peers: list[Decimal | int]) -> Decimal | None:
        n = Decimal(raw or 0)
        return two_places(max(Decimal(0), HUNDRED - n * self.per))

    def text(self) -> str | Promise:
        return _("得分 = 100 − 每件 %(per)s 分 × 件数，最低 0 分") % {"per": self.per}


@dataclass(frozen=True)
class Relative:
    """The value against the highest of the same kind in the period: 100 × value ÷ highest."""

    missing_is_zero: bool = True

    def score(self, raw: Decimal | int | None, peers: list[Decimal | int]) -> Decimal | None:
        top = max((Decimal(p) for p in peers), default=Decimal(0))
        if not top:
            return Decimal("0.00")
        return two_places(HUNDRED * Decimal(raw or 0) / top)

    def text(self) -> str | Promise:
        return _("得分 = 本人数值 ÷ 同类最高数值 × 100")


Rule = Rate | Penalty | Relative
