# SPDX-License-Identifier: EUPL-1.2
"""Rules about where code lives, checked on every test run."""

import ast
import re
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
PACKAGE = REPOSITORY / "src" / "wijkaanpak"
WEB_MODULES = sorted(
    path
    for path in PACKAGE.rglob("*.py")
    if path.name in {"views.py", "api.py", "serializers.py", "forms.py"}
)
GPL_PEERS = {"pabutools", "sortition_algorithms"}


def direct_writes(tree: ast.AST) -> list[str]:
    """Return ``obj.save()``, ``.delete()`` and ``X.objects.create()`` calls."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, owner = node.func.attr, node.func.value
        on_manager = isinstance(owner, ast.Attribute) and owner.attr == "objects"
        if method in {"save", "delete", "bulk_create", "bulk_update"} or (
            on_manager and method in {"create", "update", "get_or_create"}
        ):
            found.append(f"line {node.lineno}: .{method}()")
    return found


def imported_modules(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    "path", WEB_MODULES, ids=lambda path: f"{path.parent.name}/{path.name}"
)
def test_web_layer_writes_only_through_services(path: Path) -> None:
    # Services are where the role check, the audit record and the transaction
    # live; a write from a view would skip all three.
    writes = direct_writes(ast.parse(path.read_text(encoding="utf-8")))
    assert not writes, f"{path} writes directly; call a service: {writes}"


def test_the_package_never_imports_the_gpl_peers() -> None:
    # pabutools and sortition-algorithms are GPL: we measure against them in
    # tests and benchmarks, and the EUPL package must not depend on them.
    offenders = [
        str(path.relative_to(REPOSITORY))
        for path in PACKAGE.rglob("*.py")
        if imported_modules(ast.parse(path.read_text(encoding="utf-8"))) & GPL_PEERS
    ]
    assert not offenders


def test_every_source_file_names_its_licence() -> None:
    missing = [
        str(path.relative_to(REPOSITORY))
        for folder in ("src", "tests", "benchmarks")
        for path in (REPOSITORY / folder).rglob("*.py")
        if "/migrations/" not in str(path)
        and "SPDX-License-Identifier: EUPL-1.2"
        not in path.read_text(encoding="utf-8")[:200]
    ]
    assert not missing


def test_every_setting_read_from_the_environment_is_documented() -> None:
    settings_text = (PACKAGE / "web" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r'environ\.get\(\s*"([A-Z_]+)"', settings_text))
    read |= set(re.findall(r'_flag\(\s*"([A-Z_]+)"', settings_text))
    documented = set(
        re.findall(
            r"^\| `([A-Z_]+)` \|",
            (REPOSITORY / "docs" / "configuration.md").read_text(encoding="utf-8"),
            flags=re.MULTILINE,
        )
    )
    assert read, "found no settings read from the environment"
    assert read == documented, (
        f"undocumented: {sorted(read - documented)}; "
        f"documented but unused: {sorted(documented - read)}"
    )
