"""Whole jobs that write posts: the export of a queue, bulk create from a spreadsheet, the contact
sheet.
"""
