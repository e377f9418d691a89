"""Organisations and satisfaction (issue 23): the bodies that govern a compound and how residents judge them.

- committees: owners' committees (业委会) by term, members, the Party organisation, 一肩挑, coverage figures
- supervision: property companies, contracts and changes of company, inspections, the quarterly evaluation
- surveys: satisfaction surveys per compound and the series over time with its events
- teams: clubs and volunteer teams, their activities, hours and households served
- terms: the words of the area; errors: what it refuses

No Qt, no SQL: queries live in store/organisations.py.
"""
