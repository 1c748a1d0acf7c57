"""Benchmarks for prov (`make bench`): a synthetic-archive generator and a harness. Never part of `make test`."""
