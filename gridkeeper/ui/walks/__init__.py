"""The Night walks page and the new-walk form."""
