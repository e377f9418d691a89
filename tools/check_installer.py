#!/usr/bin/env python3
"""Check installer/gridkeeper.iss against the bundle, on any system: Inno Setup itself runs only on Windows.

    python3 tools/check_installer.py [--iss installer/gridkeeper.iss] [--bundle dist/GridKeeper]

Every file the script takes from the bundle ([Files] Source, SetupIconFile) exists in it, and
every file it points to in the installed folder ({app}\\… in [Icons], [Run], UninstallDisplayIcon)
is one it installs; the messages files it names exist. And the promises the issue makes: per-user
(PrivilegesRequired=lowest), one fixed AppId (upgrades), and nothing that deletes at uninstall
([UninstallDelete]) or names the profile's folder. Standard library only. Exit 0 when all hold.
On Linux the bundle's executable has no .exe: GridKeeper.exe is looked for as GridKeeper.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sections(text: str) -> dict[str, list[str]]:
    """Section name (lower case) -> its lines, without comments and blank lines."""
    found: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        heading = re.fullmatch(r"\[(\w+)\]", line)
        if heading:
            current = heading.group(1).lower()
            found.setdefault(current, [])
        else:
            found.setdefault(current, []).append(line)
    return found


def defines(lines: list[str]) -> dict[str, str]:
    """#define NAME "text" (plain strings only; computed ones are left out)."""
    return {m.group(1): m.group(2) for line in lines if (m := re.fullmatch(r'#define\s+(\w+)\s+"([^"]*)"', line))}


def expand(value: str, names: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: names.get(m.group(1), m.group(0)), value)


def params(line: str) -> dict[str, str]:
    """Name: "value"; Name: value … of one entry line."""
    return {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3).strip()
            for m in re.finditer(r'(\w+):\s*(?:"([^"]*)"|([^;]*))', line)}


def _on_disk(windows_path: str, iss_dir: Path) -> Path:
    path = (iss_dir / windows_path.replace("\\", "/")).resolve()
    if sys.platform != "win32" and path.suffix.lower() == ".exe" and not path.exists():
        path = path.with_suffix("")
    return path


def problems(iss: Path, bundle: Path) -> list[str]:
    text = iss.read_text(encoding="utf-8-sig")
    parts = sections(text)
    names = defines(parts.get("", []))
    setup = {k.lower(): v for k, _, v in (line.partition("=") for line in parts.get("setup", []))}
    bundle = bundle.resolve()
    found: list[str] = []
    installed: set[str] = set()  # paths under {app}, lower case, backslashes

    for line in parts.get("files", []):
        entry = {k: expand(v, names) for k, v in params(line).items()}
        source, dest = entry.get("source", ""), entry.get("destdir", "")
        path = _on_disk(source, iss.parent)
        if bundle not in (path, *path.parents):
            found.append(f"[Files] takes {source} from outside the bundle {bundle}")
        if path.name == "*":
            if not path.parent.is_dir() or not any(path.parent.iterdir()):
                found.append(f"[Files] {source}: {path.parent} is missing or empty")
            installed.add(dest.lower() + "\\*")
        elif not path.is_file():
            found.append(f"[Files] {source}: {path} does not exist")
        else:
            installed.add(f"{dest}\\{Path(source.replace(chr(92), '/')).name}".lower())

    icon = expand(setup.get("setupiconfile", ""), names)
    if not icon or not _on_disk(icon, iss.parent).is_file():
        found.append(f"SetupIconFile {icon or '(none)'} does not exist")

    def installs(target: str) -> bool:
        target = target.lower()
        return target in installed or any(t.endswith("\\*") and target.startswith(t[:-1]) for t in installed)

    targets = [("UninstallDisplayIcon", expand(setup.get("uninstalldisplayicon", ""), names))]
    for section in ("icons", "run"):
        targets += [(f"[{section.capitalize()}]", expand(params(line).get("filename", ""), names))
                    for line in parts.get(section, [])]
    for where, target in targets:
        if target.startswith("{app}") and not installs(target):
            found.append(f"{where} points to {target}, which [Files] does not install")

    for line in parts.get("languages", []):
        for name in params(line).get("messagesfile", "").split(","):
            if name and not name.startswith("compiler:") and not (iss.parent / name).is_file():
                found.append(f"[Languages] messages file {name} does not exist")

    if setup.get("privilegesrequired", "").lower() != "lowest":
        found.append("PrivilegesRequired is not lowest: the install would need an administrator")
    if not re.fullmatch(r"\{\{[0-9A-Fa-f-]{36}\}", setup.get("appid", "")):
        found.append("AppId is not one fixed GUID: an upgrade would not find the installed version")
    if "uninstalldelete" in parts:
        found.append("[UninstallDelete] is there: the uninstaller removes only what it installed")
    code = "\n".join(line for lines in parts.values() for line in lines).lower()
    for folder in ("{localappdata}\\gridkeeper", "{userappdata}", "{userdocs}"):
        if folder in code:
            found.append(f"the script names {folder}: the profile's folder is never the installer's")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--iss", type=Path, default=ROOT / "installer" / "gridkeeper.iss")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "GridKeeper")
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"no bundle in {args.bundle}: build it first (python3 dev.py bundle)")
        return 2
    found = problems(args.iss, args.bundle)
    for problem in found:
        print(problem)
    print(f"{args.iss.name}: " + ("every file it names is in the bundle" if not found else f"{len(found)} problems"))
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
