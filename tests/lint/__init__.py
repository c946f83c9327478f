"""Tests of the linter: one module per rule, plus config, comments, formats, CLI and API."""

import pytest

# Show the compared values when an assertion in the shared helpers fails.
pytest.register_assert_rewrite(f"{__name__}.helpers")
