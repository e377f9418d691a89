"""gridkeeper/console.py: a GUI executable without streams (the Windows bundle) prints and reads without failing."""

from __future__ import annotations

import sys

import pytest

from gridkeeper import console


def test_missing_streams_become_harmless_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdin", None)
    console.attach()
    print("nowhere")  # would raise on None
    assert sys.stderr.write("x") == 1
    assert not sys.stdin.isatty() and sys.stdin.read() == ""  # the CLI then asks for no passphrase


def test_streams_that_exist_are_left_alone() -> None:
    before = (sys.stdout, sys.stderr, sys.stdin)
    console.attach()
    assert (sys.stdout, sys.stderr, sys.stdin) == before
