"""Every public module says what it exports (``__all__``), and every name it lists exists."""

from __future__ import annotations

import importlib
import importlib.util

import pytest


def _modules() -> list[str]:
    """Every module of the package (``__main__`` ones included), found on disk."""
    from analysis.paths import PACKAGE_DIR

    names = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


MODULES = _modules()


@pytest.mark.parametrize("name", MODULES)
def test_module_defines_all_and_every_name_exists(name):
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    assert isinstance(exported, list) and exported, f"{name} has no __all__"
    assert len(exported) == len(set(exported)), f"{name}.__all__ lists a name twice"
    for item in exported:
        # A subpackage's __all__ may name its submodules, which `from ... import *` imports.
        exists = hasattr(module, item) or importlib.util.find_spec(f"{name}.{item}") is not None
        assert exists, f"{name}.__all__ names {item!r}, which it does not define"
        assert not item.startswith("_") or item == "__version__", f"{name}.__all__ exports private {item!r}"


@pytest.mark.parametrize("name", MODULES)
def test_public_functions_and_classes_are_exported(name):
    """A function or class defined in a module (not imported into it) without a leading _ is in __all__."""
    import inspect

    module = importlib.import_module(name)
    if module.__name__ != name or not hasattr(module, "__file__") or module.__file__.endswith("__init__.py"):
        return
    defined = {
        n for n, obj in vars(module).items()
        if not n.startswith("_") and (inspect.isfunction(obj) or inspect.isclass(obj))
        and getattr(obj, "__module__", None) == name
    }
    missing = sorted(defined - set(module.__all__))
    assert not missing, f"{name} defines {missing} but leaves them out of __all__"


def test_the_package_is_typed():
    from analysis.paths import PACKAGE_DIR

    assert (PACKAGE_DIR / "py.typed").is_file()


def test_help_of_extract_quotes_shows_arguments_returns_and_references():
    import pydoc

    from analysis import sourcing

    page = pydoc.render_doc(sourcing.extract_quotes, renderer=pydoc.plaintext)
    signature = next(ln for ln in page.splitlines() if ln.startswith("extract_quotes("))
    assert "corpus" in signature and "indirect" in signature and "headlines" in signature
    for section in ("Args:", "Returns:", "References:", "Example:"):
        assert section in page, section
    assert "Pareti" in page and "Newell" in page
