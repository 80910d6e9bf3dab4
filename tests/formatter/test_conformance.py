"""Conformance with the official CSL processor test suite (citeproc-js is its reference).

Every fixture found in $CSL_TEST_SUITE, or else in ../shared/csl-test-suite/processor-tests/humans
beside the checkout, is run through our Processor and compared with its RESULT exactly, as
citeproc-js's test runner compares (see sergebib.formatter.csl_fixtures for the conventions).
`csl_expected_failures.toml` names the fixtures we are known to fail, each with its reason. The
ratchet: a listed fixture that passes fails the run (remove it from the list), and so does an
unlisted fixture that fails. The pass rate, overall and by category, is printed at the end of the
run (see conftest.py)."""

from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path

import pytest

from sergebib.formatter import csl_fixtures

FOLDER = csl_fixtures.folder()
PATHS = csl_fixtures.find_fixtures(FOLDER)
EXPECTED_FAILURES_FILE = Path(__file__).with_name("csl_expected_failures.toml")
EXPECTED_FAILURES: dict[str, str] = tomllib.loads(EXPECTED_FAILURES_FILE.read_text(encoding="utf-8"))
ABSENT = (f"CSL test suite not found: no fixtures in {FOLDER} "
          f"(set {csl_fixtures.ENV_VARIABLE} to the processor-tests/humans folder)")


def _diff(expected: str, actual: str) -> str:
    return "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(), "RESULT", "ours", lineterm=""))


@pytest.mark.skipif(not PATHS, reason=ABSENT)
@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_fixture(path: Path, conformance_results: dict[str, bool]) -> None:
    fixture = csl_fixtures.parse_fixture(path)
    result = csl_fixtures.outcome(fixture)
    conformance_results[fixture.name] = result.passed
    reason = EXPECTED_FAILURES.get(fixture.name)
    if result.passed:
        if reason is not None:
            pytest.fail(f"unexpected pass: {fixture.name} now passes; remove it from {EXPECTED_FAILURES_FILE.name} "
                        f"(it was listed as: {reason})", pytrace=False)
        return
    if reason is not None:
        pytest.xfail(reason)
    if result.error is not None:
        raise result.error
    pytest.fail(f"{fixture.name} differs from RESULT (not in {EXPECTED_FAILURES_FILE.name}):\n"
                + _diff(fixture.result, result.output or ""), pytrace=False)


@pytest.mark.skipif(not PATHS, reason=ABSENT)
@pytest.mark.skipif(csl_fixtures.ENV_VARIABLE in os.environ, reason="a fixture folder of one's own may hold a subset")
def test_expected_failures_name_existing_fixtures() -> None:
    stale = sorted(set(EXPECTED_FAILURES) - {p.stem for p in PATHS})
    assert not stale, f"{EXPECTED_FAILURES_FILE.name} names fixtures that do not exist: {stale}"


def test_every_expected_failure_has_a_reason() -> None:
    assert all(isinstance(r, str) and r.strip() for r in EXPECTED_FAILURES.values())
