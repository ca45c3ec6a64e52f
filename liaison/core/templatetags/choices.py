"""`{{ obj|choice_label:"field" }}`: what `obj.get_<field>_display()` shows, for lists.

Django's `get_FOO_display` builds a dictionary of the field's choices on every call, hashing each lazy
label (one translation lookup per choice); a list page calling it per row per column pays that hundreds
of times. Here the value -> label mapping is built once per field and one label is translated per call.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django import template
from django.db.models import Field
from django.utils.encoding import force_str

register = template.Library()


@cache
def _labels(field: Field[Any, Any]) -> dict[Any, Any]:
    return {value: label for value, label in field.flatchoices}


@register.filter
def choice_label(obj: Any, field_name: str) -> Any:
    field = obj._meta.get_field(field_name)
    value = getattr(obj, field.attname)
    try:
        label = _labels(field).get(value, value)
    except TypeError:  # an unhashable value: as Django does, show it as it is
        label = value
    return force_str(label, strings_only=True)
