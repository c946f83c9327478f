"""The linter among other tools: pre-commit runs the hook, code scanning reads the SARIF.

Each test runs the real third-party client on the real output: pre-commit from the package index,
the SARIF 2.1.0 JSON schema as its authors publish it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from blueprint.cli import main

from ..conftest import ROOT
from .helpers import fixture

ERRORS = fixture("missing-handoff", "invalid-support-returns-to-customer.yaml")
#: The SARIF 2.1.0 schema (draft-04 JSON Schema). Source: the npm package @microsoft/jest-sarif
#: 1.0.0-beta.0 (MIT, by Microsoft's SARIF team), file lib/schemas/sarif-2.1.0-rtm.5.json, unchanged.
SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
NOT_A_BLUEPRINT = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: make test}]\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    """A git repository with a blueprint, a CI workflow (YAML, not a blueprint) and pre-commit set up."""
    path = tmp_path / "repo"
    (path / "blueprints").mkdir(parents=True)
    (path / ".github" / "workflows").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "fault-report.zh.yaml", path / "blueprints")
    (path / ".github" / "workflows" / "ci.yml").write_text(NOT_A_BLUEPRINT, encoding="utf-8")
    git(path, "init", "-q")
    return path


def pre_commit(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    # The hook exactly as .pre-commit-hooks.yaml defines it; `system` runs the `blueprint` installed
    # here instead of building a fresh environment from the index for it.
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    config = {"repos": [{"repo": "local", "hooks": [{**hook, "language": "system"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_hook_passes_in_a_repository_that_uses_pre_commit(repo, tmp_path):
    done = pre_commit(repo, tmp_path)
    # .pre-commit-config.yaml and the workflow are YAML the hook is given, and not blueprints.
    assert done.returncode == 0, done.stdout + done.stderr
    assert "blueprint lint" in done.stdout and "Passed" in done.stdout


def test_the_hook_still_fails_on_a_broken_blueprint(repo, tmp_path):
    shutil.copy(ERRORS, repo / "blueprints" / "broken.yaml")
    done = pre_commit(repo, tmp_path)
    assert done.returncode == 1
    assert "blueprints/broken.yaml" in done.stdout and "(missing-handoff)" in done.stdout
    assert ".pre-commit-config.yaml" not in done.stdout and "ci.yml" not in done.stdout


def test_lint_of_a_directory_skips_yaml_that_is_not_a_blueprint_and_says_so_when_verbose(repo, capsys,
                                                                                       monkeypatch):
    # A blueprint in flow style is still one: no `blueprint:` at the start of a line.
    (repo / "flow.yaml").write_text("{blueprint: 1, title: t, steps: [{id: a, lane: customer}]}\n",
                                    encoding="utf-8")
    monkeypatch.chdir(repo)
    assert main(["lint", "-f", "parsable", "."]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("flow.yaml:1:34: [error] step 'a' has no 'label' (schema)") and err == ""
    (repo / "flow.yaml").unlink()
    assert main(["lint", "-f", "parsable", "."]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err == ""
    # Hidden directories are not searched: a workflow in a plain one, to be found and skipped.
    shutil.copy(repo / ".github" / "workflows" / "ci.yml", repo / "blueprints" / "ci.yml")
    assert main(["lint", "--verbose", "-f", "parsable", "."]) == 0
    out, err = capsys.readouterr()
    assert err == f"blueprint: skipped {os.path.join('.', 'blueprints', 'ci.yml')}: no top-level " \
                  "'blueprint:' key, not a blueprint\n"
    assert main(["lint", "--verbose", "--locale", "zh", "blueprints"]) == 0
    assert "跳过" in capsys.readouterr().err


def test_a_file_named_on_the_command_line_is_linted_whatever_it_holds(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    assert main(["lint", "-f", "parsable", ".github/workflows/ci.yml"]) == 1
    assert "(schema)" in capsys.readouterr().out
    assert main(["lint", "--skip-non-blueprints", "-f", "parsable", ".github/workflows/ci.yml"]) == 0


def sarif_of(args: list[str], capsys) -> dict:
    assert main(["lint", "-f", "sarif", *args]) == 1
    log = json.loads(capsys.readouterr().out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def test_sarif_is_valid_and_has_what_code_scanning_reads(repo, capsys, monkeypatch):
    shutil.copy(ERRORS, repo / "broken.yaml")
    (repo / "blueprints" / "sub").mkdir()
    monkeypatch.chdir(repo / "blueprints" / "sub")
    log = sarif_of(["../../broken.yaml"], capsys)
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    names = [rule["name"] for rule in driver["rules"]]
    assert "MissingHandoff" in names and len(set(names)) == len(names)
    for rule in driver["rules"]:
        assert rule["name"] != rule["id"] and rule["name"][0].isupper() and "-" not in rule["name"]
    assert run["automationDetails"]["id"] == "blueprint-lint/"
    # Run from a subdirectory on ../../broken.yaml: the URI is still relative to the repository's root.
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "broken.yaml", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"


def test_sarif_base_dir_is_the_root_when_given_and_files_outside_it_are_absolute(repo, tmp_path, capsys,
                                                                                monkeypatch):
    shutil.copy(ERRORS, repo / "blueprints" / "broken.yaml")
    outside = tmp_path / "elsewhere.yaml"
    shutil.copy(ERRORS, outside)
    monkeypatch.chdir(repo)
    log = sarif_of(["--base-dir", "blueprints", "blueprints/broken.yaml", str(outside)], capsys)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    assert {"uri": "broken.yaml", "uriBaseId": "%SRCROOT%"} in uris
    assert {"uri": outside.resolve().as_uri()} in uris


def test_the_schema_catches_what_it_should():
    # The validation above is not vacuous: a result without a message is refused.
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "r"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
