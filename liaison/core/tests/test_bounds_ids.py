"""id_or_none: a posted id that no row can have is None, never an overflow in the query."""

import pytest

from liaison.core.bounds import BIGINT_MAX, id_or_none


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7", 7),
        (" 12 ", 12),
        (7, 7),
        (str(BIGINT_MAX), BIGINT_MAX),
        (str(BIGINT_MAX + 1), None),
        ("9" * 30, None),
        ("0", None),
        ("-3", None),
        ("x", None),
        ("", None),
        (None, None),
    ],
)
def test_posted_ids(value, expected):
    assert id_or_none(value) == expected
