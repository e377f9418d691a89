"""The desktop front end (Qt only): pages call use cases, never SQL."""
