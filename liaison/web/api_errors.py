"""Pydantic's English validation messages, told again in the user's language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    messages = {
        "missing": _("此项为必填项。"),
        "string_too_long": _("内容过长，最多 %(n)s 个字符。") % {"n": ctx.get("max_length", "")},
        "string_too_short": _("内容过短，至少 %(n)s 个字符。") % {"n": ctx.get("min_length", "")},
        "int_parsing": _("请输入整数。"),
        "int_type": _("请输入整数。"),
        "float_parsing": _("请输入数字。"),
        "decimal_parsing": _("请输入数字。"),
        "bool_parsing": _("请输入是或否（true/false）。"),
        "date_from_datetime_parsing": _("日期格式应为 YYYY-MM-DD。"),
        "date_parsing": _("日期格式应为 YYYY-MM-DD。"),
        "datetime_parsing": _("时间格式不正确。"),
        "greater_than_equal": _("不能小于 %(n)s。") % {"n": ctx.get("ge", "")},
        "greater_than": _("必须大于 %(n)s。") % {"n": ctx.get("gt", "")},
        "less_than_equal": _("不能大于 %(n)s。") % {"n": ctx.get("le", "")},
        "enum": _("取值无效，可选：%(v)s。") % {"v": ctx.get("expected", "")},
        "literal_error": _("取值无效，可选：%(v)s。") % {"v": ctx.get("expected", "")},
        "json_invalid": _("请求体不是有效的JSON。"),
        "model_attributes_type": _("请求体格式不正确。"),
        "list_type": _("应为列表。"),
        "too_long": _("最多 %(n)s 项。") % {"n": ctx.get("max_length", "")},
        "string_type": _("应为文本。"),
    }
    return messages.get(kind, _("取值无效。"))


def translate_validation_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for error in errors:
        loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path", "payload", "form")]
        out.append({"field": ".".join(loc), "message": _message(error), "type": error.get("type", "")})
    return out
