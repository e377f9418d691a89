"""Meetings (三方联席会议), deliberation (邻里议事厅) and weekend duty (我与书记有约): issue 22.

meeting: attendees, the agenda with its carry-over, minutes, decisions that become list items.
deliberation: 党组织先议 → 三方协议 → 居民合议 → decision → implementation.
duty: the weekend roster, matters taken on duty, their outcome and answer, monthly counts.
The words and the errors are in terms. No Qt, no SQL: queries are in gridkeeper.store.meetings.
"""

from gridkeeper.meetings.terms import CONTEXT, KINDS, MeetingsError

__all__ = ["CONTEXT", "KINDS", "MeetingsError"]
