"""The Reports page: this month's figures, charts, the monthly pack."""
