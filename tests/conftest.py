"""Shared fixtures: every test gets its own data dir; Qt runs offscreen; the clock is set.

The suite runs as of a fixed day (DEFAULT_DAY), never the real one, so it passes
on any day. `--as-of YYYY-MM-DD` (or GRIDKEEPER_TODAY in the environment) runs it
as of another day; HARD_DAYS are the days the date-sensitive tests also run at.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

# Set before anything imports Qt: tests never need a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
if not os.environ.get("XDG_RUNTIME_DIR"):  # Qt warns without one (and fails strict tests)
    import tempfile

    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="xdg-")
os.environ.pop("GRIDKEEPER_DATA_DIR", None)
os.environ.pop("GRIDKEEPER_PASSPHRASE", None)

from gridkeeper import clock  # noqa: E402
from gridkeeper.store import Store, keyfile, open_store  # noqa: E402

# Argon2id at its real cost (half a second) for every encrypted profile a test makes would add minutes;
# the parameters travel in each key file, so these open as well as real ones. tests/store/test_keyfile.py
# checks the real DEFAULT. Command-line subprocesses use the real cost.
keyfile.params_for_new_keys = keyfile.KdfParams(memory_kib=64, iterations=1, lanes=1)
# The same for enrolment codes: the invite says what it used, so joining still derives like the admin.
from gridkeeper.sync import crypto as _sync_crypto  # noqa: E402

_sync_crypto.CODE_KDF_MEMORY_KIB, _sync_crypto.CODE_KDF_ITERATIONS = 64, 1

#: A Wednesday in the middle of a month, with a full month behind it.
DEFAULT_DAY = date(2026, 5, 20)

#: The days a date-sensitive test also runs at: a month's 1st and 7th, the last day of a year with an
#: ISO week 53 (2026) and the next new year's day (still in that week), a leap day, a Sunday, a Monday.
HARD_DAYS = (
    date(2027, 3, 1),
    date(2026, 12, 7),
    date(2026, 12, 31),
    date(2027, 1, 1),
    date(2028, 2, 29),
    date(2026, 11, 29),
    date(2026, 11, 30),
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--as-of", metavar="YYYY-MM-DD", type=date.fromisoformat, default=None,
                     help="run the suite as of this day (default: GRIDKEEPER_TODAY, else %s)" % DEFAULT_DAY)


def pytest_configure(config: pytest.Config) -> None:
    day = config.getoption("--as-of")
    if day is None:
        setting = os.environ.get(clock.ENV, "").strip()
        day = date.fromisoformat(setting.split("T")[0]) if setting else DEFAULT_DAY
    clock.set_today(day)  # also exported, so the command-line processes tests start agree


#: Test files whose outcome cannot depend on the day, with why. .ci/run leaves them out of its
#: runs as of the hard days (-m "not dateless"), which keeps its three runs inside 15 minutes;
#: the main run keeps them all. A file that reads the app's clock in any way does not belong here.
DATELESS: dict[str, str] = {
    "tests/server/": "the server's protocol, sealing and load; the TLS certificate is dated by the machine",
    "tests/sync/test_convergence.py": "merge order of random edits; logical clocks, not days",
    "tests/sync/test_folder.py": "files on the share: names, sizes, hostile folders",
    "tests/sync/test_blobs_sync.py": "photos sealed and checked on the share",
    "tests/io/test_roster_fuzz.py": "hostile workbooks: the reader's bounds",
    "tests/io/test_roster_hostile_cells.py": "cell normalisation",
    "tests/io/test_roster_limits.py": "file and sheet size limits",
    "tests/io/test_roster_read.py": "reading sheets to cells",
    "tests/io/test_roster_formulas.py": "formulas refused",
    "tests/test_phone.py": "the numbering plan",
    "tests/test_pinyin.py": "search keys of names",
    "tests/test_building_list.py": "building lists like 1-12幢",
    "tests/test_ids.py": "identifiers",
    "tests/test_layers.py": "imports between layers",
    "tests/test_import_cycles.py": "import cycles",
    "tests/test_installer.py": "the installer script",
    "tests/test_bundle_version.py": "version strings",
    "tests/store/test_encryption.py": "SQLCipher conversion and keys",
    "tests/store/test_searchkeys.py": "search keys",
    "tests/e2e/test_cli_fresh.py": "messages without a profile",
    "tests/e2e/test_cli_selftest.py": "the self-test of an installed app",
    "tests/ui/test_translations.py": "the catalogues",
    "tests/ui/test_chinese_words.py": "the catalogues' words and punctuation",
    "tests/ui/test_qt_binding.py": "the Qt binding's reference counts",
    "tests/ui/test_lock.py": "the idle lock's timer",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.startswith(tuple(DATELESS)):
            item.add_marker(pytest.mark.dateless)


def pytest_report_header(config: pytest.Config) -> str:
    return f"as of {clock.today()} (the app's clock; --as-of to change)"


@pytest.fixture(params=HARD_DAYS, ids=str)
def hard_day(request: pytest.FixtureRequest) -> Iterator[date]:
    """The clock moved to each of HARD_DAYS in turn, for one test."""
    with clock.moved_to(request.param):
        yield request.param


@pytest.fixture(params=("as-of", *HARD_DAYS), ids=str)
def any_day(request: pytest.FixtureRequest) -> Iterator[date]:
    """The suite's day (DEFAULT_DAY or --as-of), then each of HARD_DAYS, with the clock on it."""
    day = clock.today() if request.param == "as-of" else request.param
    with clock.moved_to(day):
        yield day


def clock_on(day: date) -> Callable[[], Iterator[None]]:
    """An autouse fixture for a module whose tests are written for one day (TODAY = date(...)):
    the clock reads that day, so what the pages stamp with "now" falls on it too."""

    @pytest.fixture(autouse=True)
    def _clock_on_day() -> Iterator[None]:
        with clock.moved_to(day):
            yield

    return _clock_on_day


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "profile"
    root.mkdir()
    return root


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = open_store(data_dir)
    yield s
    s.close()


_demo_dirs: dict[date, Path] = {}


def small_demo_at(factory: pytest.TempPathFactory, day: date) -> Path:
    """The small demo street with its history up to `day`, generated once per day and session."""
    if day not in _demo_dirs:
        from gridkeeper import demo

        root = factory.mktemp(f"demo-small-{day}")
        s = open_store(root)
        demo.generate(s, size="small", seed=1, today=day)
        s.close()
        _demo_dirs[day] = root
    return _demo_dirs[day]


def writable_copy(source: Path, target: Path) -> Iterator[Store]:
    import shutil

    shutil.copytree(source, target)
    s = open_store(target)
    yield s
    s.close()


@pytest.fixture(scope="session")
def small_demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One generated small demo profile as of the suite's day, shared read-only by tests (copy it to write)."""
    return small_demo_at(tmp_path_factory, clock.today())


@pytest.fixture
def demo_store(small_demo_dir: Path, tmp_path: Path) -> Iterator[Store]:
    """A private, writable copy of the small demo profile."""
    yield from writable_copy(small_demo_dir, tmp_path / "demo")


@pytest.fixture
def hard_demo(hard_day: date, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Store]:
    """A writable small demo whose history ends on each of HARD_DAYS, with the clock on that day."""
    yield from writable_copy(small_demo_at(tmp_path_factory, hard_day), tmp_path / "demo")


@pytest.fixture
def any_day_demo(any_day: date, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Store]:
    """A writable small demo whose history ends on the suite's day, then on each of HARD_DAYS."""
    yield from writable_copy(small_demo_at(tmp_path_factory, any_day), tmp_path / "demo")
