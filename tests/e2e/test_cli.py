"""The command line as a contract (architecture.md, "The command line"), driven as a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import gridkeeper
from gridkeeper import clock

pytestmark = pytest.mark.e2e

REPO = Path(gridkeeper.__file__).resolve().parent.parent


def _env(tmp_home: Path, **extra: str) -> dict[str, str]:
    """The caller's environment without GridKeeper settings, and a private home.

    The home matters: without a data dir the CLI falls back to the user data
    folder, which must never be the real one of whoever runs the tests.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRIDKEEPER_") or k == "GRIDKEEPER_TODAY"}
    env.update(HOME=str(tmp_home), XDG_DATA_HOME=str(tmp_home / "xdg-data"))  # the suite's clock stays
    env.update(extra)
    return env


def gk(
    *args: str, data_dir: Path | None, home: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-m", "gridkeeper"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return subprocess.run(
        [*cmd, *args], capture_output=True, env=env or _env(home), cwd=REPO, timeout=120
    )


def gk_many(*calls: tuple[tuple[str, ...], Path | None, dict[str, str]]) -> list[subprocess.CompletedProcess[bytes]]:
    """Several independent CLI runs at once (each is mostly interpreter start-up)."""
    procs = []
    for args, data_dir, env in calls:
        cmd = [sys.executable, "-m", "gridkeeper"]
        if data_dir is not None:
            cmd += ["--data-dir", str(data_dir)]
        procs.append(
            (cmd + list(args), subprocess.Popen(
                cmd + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO
            ))
        )
    out = []
    for cmd, proc in procs:
        stdout, stderr = proc.communicate(timeout=120)
        out.append(subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr))
    return out


def data_of(root: Path) -> str:
    """The canonical dump, in process: to check that a command left the data alone."""
    import io

    from gridkeeper.store import dump, open_store

    store = open_store(root)
    try:
        buf = io.StringIO()
        dump.write(store, buf)
    finally:
        store.close()
    return buf.getvalue()


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def seed3(tmp_path_factory: pytest.TempPathFactory, home: Path) -> tuple[Path, subprocess.CompletedProcess[bytes]]:
    """`demo --size small --seed 3 --json` run once; tests copy the folder before writing to it."""
    root = tmp_path_factory.mktemp("cli") / "seed3"
    proc = gk("demo", "--size", "small", "--seed", "3", "--json", data_dir=root, home=home)
    return root, proc


def _ok(proc: subprocess.CompletedProcess[bytes]) -> bytes:
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    return proc.stdout


def _dump(root: Path | None, home: Path, env: dict[str, str] | None = None) -> bytes:
    return _ok(gk("dump", data_dir=root, home=home, env=env))


def test_version(home: Path) -> None:
    proc = gk("--version", data_dir=None, home=home)
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == f"gridkeeper {gridkeeper.__version__}"


def test_demo_json_prints_one_object_with_the_counts(seed3: tuple[Path, subprocess.CompletedProcess[bytes]], home: Path) -> None:
    root, proc = seed3
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode("utf-8")
    assert out.endswith("\n") and out.count("\n") == 1  # one line, nothing else on stdout
    payload = json.loads(out)
    assert isinstance(payload, dict)
    assert (payload["size"], payload["seed"]) == ("small", 3)
    assert payload["households"] == 300
    assert payload["persons"] > payload["households"]
    assert Path(payload["data_dir"]) == root.resolve()
    data = json.loads(_dump(root, home))
    assert len(data["household"]) == payload["households"]
    assert len(data["person"]) == payload["persons"]
    assert len(data["cadre"]) == payload["cadres"] and len(data["grid"]) == payload["grids"]
    assert len(data["community"]) == payload["communities"] and len(data["building"]) == payload["buildings"]


def test_demo_refuses_a_profile_that_holds_data(
    seed3: tuple[Path, subprocess.CompletedProcess[bytes]], tmp_path: Path, home: Path
) -> None:
    root = tmp_path / "again"
    shutil.copytree(seed3[0], root)
    before = _dump(root, home)
    proc = gk("demo", "--seed", "4", "--json", data_dir=root, home=home)
    assert proc.returncode == 2
    assert proc.stdout == b""  # an error is not a JSON result
    err = proc.stderr.decode()
    assert "already holds data" in err and "Traceback" not in err
    assert _dump(root, home) == before


def test_same_seed_dumps_byte_identical_and_another_seed_differs(
    seed3: tuple[Path, subprocess.CompletedProcess[bytes]], small_demo_dir: Path, tmp_path: Path, home: Path
) -> None:
    other = tmp_path / "elsewhere" / "seed3"
    seed1 = tmp_path / "seed1"  # the session's demo, seed 1 (copied: it is shared read-only)
    shutil.copytree(small_demo_dir, seed1)
    env = _env(home)
    made, first, third = gk_many(
        (("demo", "--size", "small", "--seed", "3"), other, env),
        (("dump",), seed3[0], env),
        (("dump",), seed1, env),
    )
    assert made.returncode == 0, made.stderr.decode()
    assert "300 households" in made.stdout.decode()  # the human summary without --json
    second = _dump(other, home)
    assert _ok(first) == second
    assert json.loads(second)["household"]
    assert _ok(third) != second


def test_the_data_dir_comes_from_the_environment_when_not_given(
    seed3: tuple[Path, subprocess.CompletedProcess[bytes]], tmp_path: Path, home: Path
) -> None:
    root = tmp_path / "from-env"
    shutil.copytree(seed3[0], root)
    empty = tmp_path / "empty"
    empty.mkdir()
    given, from_env, both = gk_many(
        (("dump",), root, _env(home)),
        (("dump",), None, _env(home, GRIDKEEPER_DATA_DIR=str(root))),
        (("dump",), root, _env(home, GRIDKEEPER_DATA_DIR=str(empty))),  # --data-dir wins
    )
    expected = _ok(given)
    assert json.loads(expected)["household"]
    assert _ok(from_env) == expected
    assert _ok(both) == expected


def test_dump_of_an_empty_folder_is_a_usage_error(tmp_path: Path, home: Path) -> None:
    root = tmp_path / "nothing-here"
    root.mkdir()
    proc = gk("dump", data_dir=root, home=home)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert "There is no profile" in proc.stderr.decode() or "还没有档案" in proc.stderr.decode()
    assert not (root / "gridkeeper.db").exists()  # dump never creates a profile


def test_an_encrypted_profile_needs_its_passphrase(tmp_path: Path, home: Path) -> None:
    from gridkeeper.store import open_store
    from tests.store.helpers import place

    root = tmp_path / "secret"
    store = open_store(root, passphrase="x")
    where = place(store)
    store.close()

    proc, wrong, right = gk_many(
        (("dump",), root, _env(home)),
        (("dump",), root, _env(home, GRIDKEEPER_PASSPHRASE="y")),
        (("dump",), root, _env(home, GRIDKEEPER_PASSPHRASE="x")),
    )
    assert proc.returncode == 2
    assert proc.stdout == b""
    err = proc.stderr.decode()
    assert "passphrase" in err.lower() and "encrypted" in err.lower()
    assert "Traceback" not in err

    assert wrong.returncode == 2
    assert wrong.stderr.decode() == f"The passphrase in GRIDKEEPER_PASSPHRASE is wrong for the profile in {root}.\n"

    data = json.loads(_ok(right))
    assert [h["id"] for h in data["household"]] == [where["household"]]
    assert data["compound"][0]["name"] == "阳光花园"


def test_a_bad_subcommand_is_a_usage_error(tmp_path: Path, home: Path) -> None:
    proc = gk("frobnicate", data_dir=tmp_path, home=home)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert b"invalid choice" in proc.stderr


def _profile_with(tmp_path: Path, what: str) -> Path:
    """A profile holding one row that is neither a household, a cadre nor a community."""
    from gridkeeper import ids
    from gridkeeper.store import open_store
    from gridkeeper.store.models import Person, Tag

    root = tmp_path / f"only-{what}"
    store = open_store(root)
    with store.write() as s:
        if what == "person":
            s.add(Person(id="p-floating", name="流动人口", id_number="330382199001011234"))
        else:
            s.add(Tag(id=ids.tag_id("独居"), name="独居"))
    store.close()
    return root


def test_demo_refuses_a_profile_holding_only_a_person(tmp_path: Path, home: Path) -> None:
    root = _profile_with(tmp_path, "person")
    before = data_of(root)
    proc = gk("demo", "--json", data_dir=root, home=home)
    assert proc.returncode == 2
    assert data_of(root) == before


def test_demo_refuses_a_profile_holding_only_a_tag(tmp_path: Path, home: Path) -> None:
    root = _profile_with(tmp_path, "tag")
    before = data_of(root)
    proc = gk("demo", data_dir=root, home=home)
    assert "Traceback" not in proc.stderr.decode()
    assert proc.returncode == 2
    assert data_of(root) == before


def test_a_dump_is_written_to_the_audit_log(seed3: tuple[Path, subprocess.CompletedProcess[bytes]], tmp_path: Path,
                                            home: Path) -> None:
    """Finding: `dump` printed every ID and phone number and left no audit entry."""
    root = tmp_path / "audited"
    shutil.copytree(seed3[0], root)
    def dumps() -> list[dict[str, str]]:
        audited = json.loads(_ok(gk("dump", "--with-audit", data_dir=root, home=home)))
        return [e for e in audited["auditlog"] if e["action"] == "dump"]

    before = dumps()
    first = json.loads(_dump(root, home))
    assert "auditlog" not in first  # left out by default: each dump adds to it
    after = dumps()
    assert len(after) == len(before) + 2  # the plain dump and the one that looked
    assert all(e["note"].startswith(f"{len(first['person'])} persons") for e in after)
    assert {e["at"][:10] for e in after} == {clock.today().isoformat()}
