"""Build step of the wheel (hatchling's custom build hook, see pyproject.toml).

The notebooks go into the wheel as package data (``analysis/notebooks/``) *without their stored
outputs*: the main job re-executes them on the corpus it is given, and the stored outputs quote
the bundled articles, whose texts belong to their publishers and are not republished in the wheel
(nor is ``corpus/``). Cell sources, tags and metadata are kept as they are.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def strip_outputs(notebook: dict) -> dict:
    """The notebook with every code cell's outputs and execution count emptied."""
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return notebook


class NotebooksWithoutOutputs(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the notebooks of the checkout itself
        self._tmp = Path(tempfile.mkdtemp(prefix="samestory-notebooks-"))
        for path in sorted((Path(self.root) / "notebooks").glob("*.ipynb")):
            notebook = strip_outputs(json.loads(path.read_text(encoding="utf-8")))
            target = self._tmp / path.name
            target.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            build_data["force_include"][str(target)] = f"analysis/notebooks/{path.name}"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
