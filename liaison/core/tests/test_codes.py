"""Official codes: the unified social credit code (GB 32100-2015) and the national project code."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from stdnum.cn import uscc as stdnum_uscc

from liaison.core.codes import uscc_check_character, validate_project_code, validate_uscc

# Published codes of real organisations (checked against python-stdnum as an independent oracle).
REAL_CODES = ["91350100M000100Y43", "91110000802100433B", "915300007194052520"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code):
    assert stdnum_uscc.is_valid(code)
    assert validate_uscc(code) == code


@pytest.mark.parametrize(
    "first17",
    [
        "N2530102MA6K00012",  # a rural collective economic organisation (registered by agriculture)
        "N3530102MA6K0ABC1",
        "Y1530102MA6K00025",  # other registering authorities
        "A1530102MA6K00036",
        "11530102015150220",  # an organ of the state
        "5153010209876543X",  # a social organisation
        "93530102MA6K0RTU9",
    ],
)
def test_codes_starting_with_any_allowed_authority_validate_with_their_computed_check_character(first17):
    check = uscc_check_character(first17)
    assert check == stdnum_uscc.calc_check_digit(first17)
    assert validate_uscc(first17 + check) == first17 + check
    wrong = next(c for c in "0123456789ABCDEFGHJKLMNPQRTUWXY" if c != check)
    with pytest.raises(ValidationError, match="校验位不正确"):
        validate_uscc(first17 + wrong)


def test_the_code_is_trimmed_and_upper_cased():
    assert validate_uscc("  91350100m000100y43 ") == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "统一社会信用代码应为18位，当前为0位。"),
        (None, "统一社会信用代码应为18位，当前为0位。"),
        ("91350100M000100Y4", "统一社会信用代码应为18位，当前为17位。"),
        ("91350100M000100Y433", "统一社会信用代码应为18位，当前为19位。"),
        ("91350100M000100I43", "统一社会信用代码含有不允许的字符“I”（不使用I、O、S、V、Z）。"),
        ("91350100O000100Y43", "统一社会信用代码含有不允许的字符“O”（不使用I、O、S、V、Z）。"),
        ("9135010SM000100Y43", "统一社会信用代码含有不允许的字符“S”（不使用I、O、S、V、Z）。"),
        ("91350100V000100Y43", "统一社会信用代码含有不允许的字符“V”（不使用I、O、S、V、Z）。"),
        ("91350100Z000100Y43", "统一社会信用代码含有不允许的字符“Z”（不使用I、O、S、V、Z）。"),
        ("91350100M00010-Y43", "统一社会信用代码含有不允许的字符“-”（不使用I、O、S、V、Z）。"),
        ("91350100M000１00Y43", "统一社会信用代码含有不允许的字符“１”（不使用I、O、S、V、Z）。"),
        ("01350100M000100Y43", "统一社会信用代码第1位（登记管理部门代码）无效。"),
        ("B1350100M000100Y43", "统一社会信用代码第1位（登记管理部门代码）无效。"),
        ("913501A0M000100Y43", "统一社会信用代码第3至8位应为行政区划代码（数字）。"),
        ("91350100M000100Y44", "统一社会信用代码校验位不正确，请核对。"),
    ],
)
def test_each_kind_of_invalid_code_gets_its_own_message(value, message):
    with pytest.raises(ValidationError) as caught:
        validate_uscc(value)
    assert caught.value.messages == [message]


def test_a_project_code_in_the_national_format_is_accepted():
    assert validate_project_code(" 2411-530523-04-01-721668 ") == "2411-530523-04-01-721668"
    assert validate_project_code("2012-530102-48-01-000001") == "2012-530102-48-01-000001"


@pytest.mark.parametrize(
    "value",
    [
        "",
        None,
        "241153052304017216682",  # no dashes
        "2411-530523-04-01-72166",  # serial too short
        "2411-53052-04-01-721668",  # region too short
        "2411-530523-4-01-721668",
        "24A1-530523-04-01-721668",
        "2411—530523—04—01—721668",  # full-width dashes
        "2411-530523-04-01-721668-1",
    ],
)
def test_a_malformed_project_code_is_refused_with_the_expected_format(value):
    with pytest.raises(ValidationError, match="YYMM-RRRRRR-NN-NN-NNNNNN"):
        validate_project_code(value)


@pytest.mark.parametrize("value", ["2413-530523-04-01-721668", "2400-530523-04-01-721668"])
def test_a_project_code_with_an_impossible_month_is_refused(value):
    with pytest.raises(ValidationError, match="月份无效"):
        validate_project_code(value)
