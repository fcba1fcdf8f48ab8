"""The dependency lists agree: pyproject.toml, environment.yml and the lock file."""

from __future__ import annotations

import re
import tomllib

import pytest

from analysis.paths import PROJ_ROOT


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\[ ]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def pyproject_names() -> set[str]:
    data = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text())["project"]
    specs = data["dependencies"] + [s for extra in data["optional-dependencies"].values() for s in extra]
    names = {_name(s) for s in specs}
    if "dask" in names:  # dask[distributed] is conda's dask + distributed
        names.add("distributed")
    return names


def environment_specs() -> dict[str, str]:
    """environment.yml's packages (conda's and the pip section's), each with its spec after the name."""
    specs, in_deps = {}, False
    for line in (PROJ_ROOT / "environment.yml").read_text().splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        m = re.match(r"\s*-\s+(\S+)", line)
        if in_deps and m and m.group(1) != "pip:":
            assert not m.group(1).startswith("-"), f"environment.yml: {line.strip()!r} (conda cannot install that)"
            spec = m.group(1)
            specs[_name(spec)] = spec[len(_name(spec)):]
    return {k: v for k, v in specs.items() if k not in {"python", "pip"}}


def environment_names() -> set[str]:
    return set(environment_specs())


def lock_pins(path=PROJ_ROOT / "requirements-lock.txt") -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"{path.name}: {line!r} is not pinned with =="
            pins[_name(name)] = version
    return pins


def test_environment_yml_lists_the_same_packages_as_pyproject():
    assert environment_names() == pyproject_names()


def test_every_dependency_is_pinned_in_the_lock():
    pins = lock_pins()
    missing = sorted(pyproject_names() - set(pins))
    assert not missing, f"not in requirements-lock.txt: {missing}; run `make lock`"


def test_lock_matches_the_installed_versions():
    """The environment running the tests is the locked one (so stored outputs reproduce)."""
    from importlib.metadata import PackageNotFoundError, version

    for name, pinned in lock_pins().items():
        if name in pyproject_names():
            try:
                assert version(name) == pinned, f"{name}: installed {version(name)}, locked {pinned}"
            except PackageNotFoundError:
                raise AssertionError(f"{name} is locked but not installed; run `make install`") from None


def test_readme_figures_are_the_computed_ones(corpus):
    """Numbers the README states about the bundled corpus are the ones the code computes."""
    readme = (PROJ_ROOT / "README.md").read_text()
    removed = int(re.search(r"On the seeds it removes (\d+) lines", readme).group(1))
    sentences = int(re.search(r"On the five seeds it\s+gives (\d+) sentences", readme).group(1))
    assert removed == len(corpus.audit)
    assert sentences == len(corpus.sentences())


def test_readme_names_every_notebook():
    from analysis.site.report import notebook_paths

    readme = (PROJ_ROOT / "README.md").read_text()
    for path in notebook_paths():
        assert f"notebooks/{path.name}" in readme, path.name


# --- Binder and conda: the lock's versions ---------------------------------------------------


def test_environment_yml_pins_the_locks_versions():
    pins = lock_pins()
    for name, spec in environment_specs().items():
        assert spec == f"=={pins[name]}", f"environment.yml: {name}{spec}, the lock has {name}=={pins[name]}"
    assert "-e ." not in (PROJ_ROOT / "environment.yml").read_text().replace("pip install --no-deps -e .", "")


def test_binder_installs_the_lock_and_then_the_package_without_dependencies():
    binder = PROJ_ROOT / ".binder"
    assert lock_pins(binder / "requirements.txt") == lock_pins(), "copy requirements-lock.txt to .binder/ (make lock does)"
    post = (binder / "postBuild").read_text()
    commands = [ln for ln in post.splitlines() if ln.strip() and not ln.startswith("#")]
    assert any("pip install" in ln and "--no-deps" in ln for ln in commands), post
    assert (binder / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"
    runtime = (binder / "runtime.txt").read_text().strip()
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text())["project"]
    assert runtime == "python-" + project["requires-python"].removeprefix(">="), runtime


# --- The installed package: a console command, package data, no corpus, outputs outside -------


def pyproject() -> dict:
    return tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text())


def test_console_command_and_version():
    import analysis

    data = pyproject()
    assert data["project"]["scripts"] == {"samestory": "analysis.__main__:main"}
    assert "version" in data["project"]["dynamic"]
    assert data["tool"]["hatch"]["version"]["path"] == "analysis/__init__.py"
    assert re.fullmatch(r"\d+\.\d+\.\d+", analysis.__version__)
    changelog = (PROJ_ROOT / "CHANGELOG.md").read_text()
    assert f"## {analysis.__version__} " in changelog, "CHANGELOG.md has no section for this version"


def test_version_and_help_of_the_command(capsys):
    import analysis
    from analysis.__main__ import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip().endswith(analysis.__version__)
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    for command in ("report", "validate", "scale", "execute"):
        assert f"samestory {command}" in text or f"analysis {command}" in text, command
    assert "examples:" in text and "--corpus" in text


def test_the_wheel_carries_notebooks_and_guide_but_not_the_corpus():
    wheel = pyproject()["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["packages"] == ["analysis"]
    assert wheel["force-include"] == {"docs": "analysis/docs"}
    assert wheel["hooks"]["custom"]["path"] == "hatch_build.py"
    hook = (PROJ_ROOT / "hatch_build.py").read_text()
    assert '"analysis/notebooks/' in hook or "analysis/notebooks/" in hook
    sdist = pyproject()["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    assert not any("corpus" in item for item in sdist)
    assert "not in the wheel" in (PROJ_ROOT / "README.md").read_text()


def test_without_a_bundled_corpus_one_line_says_what_to_do(tmp_path, monkeypatch):
    from analysis import paths
    from analysis.corpus import load_corpus
    from analysis.errors import CorpusError, CorpusNotFoundError

    monkeypatch.setattr(paths, "BUNDLED_CORPUS", tmp_path / "no-corpus")
    with pytest.raises(CorpusNotFoundError) as err:
        load_corpus()
    message = str(err.value)
    assert "\n" not in message and "pass a corpus folder" in message and "--corpus" in message
    assert isinstance(err.value, CorpusError)


def test_outputs_never_go_inside_an_installed_package(tmp_path, monkeypatch):
    from analysis import paths

    assert paths.IN_CHECKOUT  # the tests run from the repository
    assert paths.default_output_dir() == paths.PROJ_ROOT / "outputs"
    monkeypatch.setattr(paths, "IN_CHECKOUT", False)
    monkeypatch.chdir(tmp_path)
    assert paths.default_output_dir() == tmp_path / "outputs"
    assert paths.output_dir() == tmp_path / "outputs" and (tmp_path / "outputs").is_dir()


def test_report_without_notebooks_makes_no_folder(corpus, tmp_path):
    from analysis.errors import ReportError
    from analysis.site.report import run_report

    empty = tmp_path / "no-notebooks"
    empty.mkdir()
    with pytest.raises(ReportError, match="No notebooks found"):
        run_report(corpus.path, tmp_path / "site", notebooks_dir=empty, progress=None)
    assert not (tmp_path / "site").exists()


def test_execute_refuses_to_rewrite_an_installed_package(monkeypatch):
    from analysis.errors import ReportError
    from analysis.site import report

    monkeypatch.setattr(report, "IN_CHECKOUT", False)
    with pytest.raises(ReportError, match="repository checkout"):
        report.execute_in_place(progress=None)


def test_project_documents():
    license_text = (PROJ_ROOT / "LICENSE").read_text()
    assert license_text.startswith("MIT License") and "Same Story contributors" in license_text
    assert pyproject()["project"]["license"] == "MIT"
    contributing = (PROJ_ROOT / "CONTRIBUTING.md").read_text()
    for topic in ("cleaning rule", "lexicon", "notebook", "test", "bundled"):
        assert topic in contributing.lower(), topic


def test_citation_cff_is_valid_cff_1_2_0():
    """The keys CFF 1.2.0 requires, with the types its schema gives them."""
    import yaml  # PyYAML is in the lock (jupyter-events needs it)

    import analysis

    cff = yaml.safe_load((PROJ_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert isinstance(cff["message"], str) and isinstance(cff["title"], str)
    assert isinstance(cff["authors"], list) and cff["authors"]
    assert all(isinstance(a, dict) and ("name" in a or "family-names" in a) for a in cff["authors"])
    assert str(cff["version"]) == analysis.__version__
    assert cff["license"] == "MIT" and cff["type"] == "software"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(cff["date-released"]))
    allowed = {
        "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi", "identifiers",
        "keywords", "license", "license-url", "message", "preferred-citation", "references", "repository",
        "repository-artifact", "repository-code", "title", "type", "url", "version",
    }
    assert set(cff) <= allowed, sorted(set(cff) - allowed)
