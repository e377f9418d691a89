"""Care: the Today page, the household file's care forms, volunteers."""
