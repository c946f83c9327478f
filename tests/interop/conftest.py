"""The third-party readers the interop tests check exports with: the OMG BPMN 2.0 XSD (from the
SpiffWorkflow wheel), and bpmn-moddle, bpmnlint and mermaid in Node (``tests/node``, installed by
``make test``). Without them the tests skip, except under ``CI=true``, where they must run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

NODE_DIR = Path(__file__).resolve().parent.parent / "node"


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"interop checks must run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def bpmn_schema():
    """The OMG BPMN 2.0 XSD (with its DI, DC and semantic parts) as an lxml schema."""
    try:
        import SpiffWorkflow
        from lxml import etree
    except ImportError as error:
        _missing(f"the BPMN XSD comes with SpiffWorkflow and lxml (the test extra): {error}")
    path = Path(SpiffWorkflow.__file__).parent / "bpmn" / "parser" / "schema" / "BPMN20.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture(scope="session")
def node_check():
    """``check(items) -> results``: run tests/node/check.mjs over ``[{kind, text}, ...]`` in one Node process."""
    node = shutil.which("node")
    if node is None or not (NODE_DIR / "node_modules" / "bpmnlint").is_dir():
        _missing("Node packages missing: run 'make test' (npm ci --prefix tests/node)")

    def check(items: list[dict]) -> list[dict]:
        done = subprocess.run([node, str(NODE_DIR / "check.mjs")], input=json.dumps(items), text=True,
                              capture_output=True, timeout=240, check=True)
        return json.loads(done.stdout)

    return check
