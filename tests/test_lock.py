"""The lock files hold everything the code imports, pinned within pyproject.toml's ranges, with hashes."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def pins(lock: str) -> dict[str, list[tuple[str, str | None]]]:
    """Each package of a lock file: its versions, each with its environment marker."""
    found: dict[str, list[tuple[str, str | None]]] = {}
    for line in (ROOT / lock).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            found.setdefault(canonicalize_name(match[1]), []).append((match[2], match[3]))
    return found


RUNTIME, TEST = pins("requirements.lock"), pins("requirements-test.lock")
#: Modules of this repository itself: the package, the tests, the benchmarks' helpers.
OURS = {"blueprint", "tests", "__future__", *(path.stem for path in (ROOT / "bench").glob("*.py"))}


def imported_distributions(*paths: Path) -> dict[str, set[str]]:
    """The distributions whose modules the Python files under ``paths`` import, and by which files."""
    owners = packages_distributions()
    found: dict[str, set[str]] = {}
    files = [f for path in paths for f in ([path] if path.is_file() else sorted(path.rglob("*.py")))
             if "node_modules" not in f.parts]  # npm packages the interop checks install ship .py tools
    for file in files:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in OURS:
                    continue
                for dist in owners.get(top, [f"<no distribution installs '{top}'>"]):
                    found.setdefault(canonicalize_name(dist), set()).add(str(file.relative_to(ROOT)))
    return found


def test_the_app_lock_holds_every_package_the_package_and_the_app_import():
    imported = imported_distributions(ROOT / "blueprint", ROOT / "app.py")
    assert {"pyyaml", "networkx", "streamlit"} <= imported.keys()  # the walk sees imports at all
    missing = {dist: sorted(files) for dist, files in imported.items() if dist not in RUNTIME}
    assert not missing, missing


def test_the_test_lock_holds_every_package_the_tests_and_benchmarks_import():
    imported = imported_distributions(ROOT / "tests", ROOT / "bench", ROOT / "blueprint", ROOT / "app.py")
    assert {"pytest", "hypothesis"} <= imported.keys()
    missing = {dist: sorted(files) for dist, files in imported.items() if dist not in TEST}
    assert not missing, missing


def _declared(*extras: str) -> list[Requirement]:
    project = PYPROJECT["project"]
    requirements = [*project["dependencies"], *PYPROJECT["build-system"]["requires"]]
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    return [Requirement(r) for r in requirements]


@pytest.mark.parametrize("lock, extras", [("requirements.lock", ("app",)),
                                          ("requirements-test.lock", ("app", "test", "lock"))])
def test_each_declared_dependency_is_pinned_within_its_range(lock, extras):
    locked = pins(lock)
    for requirement in _declared(*extras):
        versions = locked.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement.name} is declared in pyproject.toml but not in {lock}: run `make lock`"
        for version, _marker in versions:
            assert requirement.specifier.contains(version, prereleases=True), (requirement, version)


def test_requirements_txt_installs_the_app_lock():
    # The product's requirements.txt is the app lock for `pip install -r`: it pins nothing itself.
    lines = [line for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines == ["-r requirements.lock"]


def test_the_app_lock_agrees_with_the_test_lock():
    # `make run` and `make test` must run the same versions of what both install.
    for name, versions in RUNTIME.items():
        assert TEST.get(name) == versions, name


def test_this_environment_is_one_the_locks_cover():
    here = {dist: versions for dist, versions in TEST.items()
            if any(marker is None or Marker(marker).evaluate() for _v, marker in versions)}
    assert "streamlit" in here and "pyyaml" in here


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-test.lock"])
def test_every_pin_carries_hashes(lock):
    text = (ROOT / lock).read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    pinned = [block for block in blocks if PIN.match(block.splitlines()[0])]
    assert len(pinned) == sum(len(v) for v in pins(lock).values()) > 10
    for block in pinned:
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", block), block.splitlines()[0]
