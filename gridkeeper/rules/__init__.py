"""Value rules shared by areas: ID numbers, phones, pinyin keys, sensitive tags."""
