"""The Households page: search, the list, the household file and its forms."""
