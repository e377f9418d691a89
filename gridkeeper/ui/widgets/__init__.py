"""Widgets and words shared by pages: short forms, vocabulary combo boxes."""
