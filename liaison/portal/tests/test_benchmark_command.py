"""manage.py portal_benchmark times every public page against the bare layout and prints both the wall-clock
and the CPU-time figures with the verdict; the timings themselves are not asserted (no timed tests)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from liaison.portal.benchmark import PAGES

pytestmark = pytest.mark.django_db


def test_the_benchmark_prints_a_row_per_public_page_with_both_figures():
    out = StringIO()
    call_command("portal_benchmark", seconds=0.1, rounds=1, stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("bare_http") and "req/CPU-s" in lines[0]
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:-1]}
    assert set(rows) == set(PAGES)
    for figures in rows.values():
        cpu_rate, cpu_bare, cpu_ratio, rate, bare, ratio = figures
        assert float(cpu_rate) > 0 and float(cpu_bare) > 0 and float(rate) > 0 and float(bare) > 0
        assert cpu_ratio.endswith("%") and ratio.endswith("%")
    assert lines[-1].startswith("target >= 80% of bare_layout (per CPU-second):")


def test_out_of_range_arguments_are_refused():
    with pytest.raises(CommandError):
        call_command("portal_benchmark", seconds=0.01, rounds=1)
