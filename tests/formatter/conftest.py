"""Collects the conformance runner's results and prints the CSL test-suite pass rate, overall and
by category, in pytest's terminal summary."""

from __future__ import annotations

import pytest

from sergebib.formatter import csl_fixtures

_RESULTS = pytest.StashKey[dict[str, bool]]()


@pytest.fixture
def conformance_results(request: pytest.FixtureRequest) -> dict[str, bool]:
    return request.config.stash.setdefault(_RESULTS, {})


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ANN001, ANN201
    # a wrapper, so that the table comes after pytest's own short summary (the -ra lines)
    yield
    results = config.stash.get(_RESULTS, None)
    if not results:
        return
    terminalreporter.section("CSL test suite: pass rate")
    terminalreporter.write_line(f"fixtures from {csl_fixtures.folder()}")
    terminalreporter.write_line(csl_fixtures.rate_table(results))
