"""Import a household roster: file, sheet, columns, preview, import, summary.

Reading, checking and importing run as Jobs off the UI thread (a 50,000-row
roster takes seconds); pages only show what the jobs hand back. The wizard
calls the import use case and the roster reader, never SQL.
"""

from gridkeeper.ui.roster_wizard.common import ERROR_ROW_TINT, ERROR_TINT, WARNING_ROW_TINT, WARNING_TINT
from gridkeeper.ui.roster_wizard.wizard import RosterWizard

__all__ = ["ERROR_ROW_TINT", "ERROR_TINT", "WARNING_ROW_TINT", "WARNING_TINT", "RosterWizard"]
