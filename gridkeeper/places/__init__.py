"""Places and people: households, members and their history, who uses the laptop, the
roster import that fills them, and the audit of revealed personal data."""
