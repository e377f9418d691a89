"""A division report in a few lines of the user's language: the preview's dry run and the summary say
the same things, one in the future, one in the past."""

from __future__ import annotations

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.places.division import DivisionReport
from gridkeeper.ui.division_wizard.reasons import counts
from gridkeeper.ui.roster_wizard.common import _translate

_NEW = {
    False: QT_TRANSLATE_NOOP("DivisionSummary", "To be created — communities: {communities} · grids: {grids} · "
                                                "compounds: {compounds} · buildings: {buildings} · cadres: {cadres} · "
                                                "stints: {stints}"),
    True: QT_TRANSLATE_NOOP("DivisionSummary", "Created — communities: {communities} · grids: {grids} · compounds: "
                                               "{compounds} · buildings: {buildings} · cadres: {cadres} · stints: "
                                               "{stints}"),
}
_MOVES = {
    False: QT_TRANSLATE_NOOP("DivisionSummary", "To be put in a grid: {placed} · to move to another grid: {moved} · "
                                                "to leave their grid: {places} · stints to end: {stints} · other "
                                                "changes: {other}"),
    True: QT_TRANSLATE_NOOP("DivisionSummary", "Put in a grid: {placed} · moved to another grid: {moved} · left "
                                               "their grid: {places} · stints ended: {stints} · other changes: "
                                               "{other}"),
}


def lines(report: DivisionReport, *, done: bool) -> list[str]:
    """What the import does (done=False) or did (done=True): new rows, moves, releases, other changes."""
    n = counts(report)
    return [
        _translate("DivisionSummary", _NEW[done]).format(
            communities=n["new_community"], grids=n["new_grid"], compounds=n["new_compound"],
            buildings=n["new_building"], cadres=n["new_cadre"], stints=n["new_assignment"]),
        _translate("DivisionSummary", _MOVES[done]).format(
            placed=n["placed"], moved=n["moved"], places=n["released_place"], stints=n["released_stint"],
            other=n["other"]),
    ]
