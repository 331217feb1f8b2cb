"""Objects that run the app's work for the widgets: draft files (save, open, autosave), the export
of the queue, bulk create.
"""
