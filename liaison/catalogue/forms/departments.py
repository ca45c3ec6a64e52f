"""The department form (create and edit)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.catalogue.forms._bootstrap import BootstrapMixin


class DepartmentForm(BootstrapMixin, forms.Form):
    code = forms.CharField(label=_("部门编码"), max_length=32)
    name = forms.CharField(label=_("部门名称"), max_length=100)
    short_name = forms.CharField(label=_("简称"), max_length=40, required=False)
    address = forms.CharField(label=_("办公地址"), max_length=200, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=40, required=False)
    sort_order = forms.IntegerField(label=_("排序"), min_value=0, max_value=100000, initial=100)


class DepartmentEditForm(DepartmentForm):
    is_active = forms.BooleanField(label=_("启用"), required=False)
