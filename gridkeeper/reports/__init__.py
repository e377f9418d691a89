"""Report figures (domain layer: no Qt, no openpyxl). One function per report; the Excel
workbooks (gridkeeper/io/report_xlsx.py) and the dashboard page show the same numbers."""
