"""The dependency lists agree: pyproject.toml, environment.yml and the lock file."""

from __future__ import annotations

import re
import tomllib

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


def environment_names() -> set[str]:
    names, in_deps = set(), False
    for line in (PROJ_ROOT / "environment.yml").read_text().splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        m = re.match(r"\s*-\s+(\S+)", line)
        if in_deps and m and not m.group(1).startswith("-") and m.group(1) != "pip:":
            names.add(_name(m.group(1)))
    return names - {"python", "pip"}


def lock_pins() -> dict[str, str]:
    pins = {}
    for line in (PROJ_ROOT / "requirements-lock.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"requirements-lock.txt: {line!r} is not pinned with =="
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
