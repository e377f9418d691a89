"""Sync: hybrid logical clock and the change log it orders (transports come later)."""
