"""Sync: the Sync page, the status-bar indicator, the Conflicts page."""
