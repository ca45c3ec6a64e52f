"""Validation of official codes: unified social credit code (GB 32100-2015), national project code."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
USCC_FIRST = set("123456789ANY")
PROJECT_CODE_RE = re.compile(r"^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$")


def uscc_check_character(first17: str) -> str:
    """The GB 32100-2015 check character for the first 17 characters."""
    total = sum(USCC_ALPHABET.index(ch) * weight for ch, weight in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def validate_uscc(value: str) -> str:
    """Return the normalised code or raise ValidationError with a Chinese message.

    Unlike `stdnum.cn.uscc`, codes whose first characters are letters (rural collectives N…,
    others Y…) are accepted, as the standard allows.
    """
    code = (value or "").strip().upper()
    if len(code) != 18:
        raise ValidationError(_("统一社会信用代码应为18位，当前为%(n)d位。") % {"n": len(code)})
    bad = [ch for ch in code if ch not in USCC_ALPHABET]
    if bad:
        raise ValidationError(
            _("统一社会信用代码含有不允许的字符“%(ch)s”（不使用I、O、S、V、Z）。") % {"ch": bad[0]}
        )
    if code[0] not in USCC_FIRST:
        raise ValidationError(_("统一社会信用代码第1位（登记管理部门代码）无效。"))
    if not code[2:8].isdigit():
        raise ValidationError(_("统一社会信用代码第3至8位应为行政区划代码（数字）。"))
    if uscc_check_character(code[:17]) != code[17]:
        raise ValidationError(_("统一社会信用代码校验位不正确，请核对。"))
    return code


def validate_project_code(value: str) -> str:
    """National project code (GB/T 40058-2021): format only, `YYMM-RRRRRR-NN-NN-NNNNNN`."""
    code = (value or "").strip()
    if not PROJECT_CODE_RE.match(code):
        raise ValidationError(
            _("项目代码格式应为“YYMM-RRRRRR-NN-NN-NNNNNN”（24位），例如 2411-530523-04-01-721668。")
        )
    month = int(code[2:4])
    if not 1 <= month <= 12:
        raise ValidationError(_("项目代码前4位应为赋码年月，月份无效。"))
    return code
