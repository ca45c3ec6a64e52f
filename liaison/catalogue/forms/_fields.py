"""Choice fields that treat an id no database key can hold as an invalid choice, not a crash."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from liaison.catalogue.selectors._ids import parse_pk


class SafeModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and parse_pk(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def clean(self, value: Any) -> Any:
        for item in value or ():
            if parse_pk(item) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": item}
                )
        return super().clean(value)
