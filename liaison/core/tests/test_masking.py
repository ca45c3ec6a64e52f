"""Masking of personal data for roles that do not need it."""

from __future__ import annotations

import pytest

from liaison.core.masking import mask_id_number, mask_phone


@pytest.mark.parametrize(
    ("phone", "shown"),
    [
        ("13812341234", "138****1234"),
        (" 13900002222 ", "139****2222"),
        ("0871-63100001", "0871-****0001"),  # office numbers keep the area code and the last four
        ("087163100001", "0871****0001"),
        ("+8613812341234", "+86138****1234"),
        ("1234", "****"),
        ("", ""),
        (None, ""),
    ],
)
def test_phones_keep_only_their_ends(phone, shown):
    assert mask_phone(phone) == shown


def test_a_masked_mobile_hides_the_middle_four_digits():
    masked = mask_phone("13812345678")
    assert "2345" not in masked
    assert masked.count("*") == 4


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        ("530102199001011234", "530102********1234"),
        ("53010219900101123X", "530102********123X"),
        ("530102900101123", "530102*****1123"),  # the old 15-digit card
        ("1234567890", "**********"),
        ("", ""),
        (None, ""),
    ],
)
def test_id_numbers_keep_the_region_and_the_last_four(number, shown):
    assert mask_id_number(number) == shown


def test_a_masked_id_number_hides_the_birth_date():
    assert "19900101" not in mask_id_number("530102199001011234")
