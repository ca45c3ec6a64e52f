"""Benchmark data: a large, realistic dataset written with bulk_create (see docs/performance.md)."""
