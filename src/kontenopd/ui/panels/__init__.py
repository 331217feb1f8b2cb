"""The main window's panels: template gallery, form, preview, captions, export queue, draft
browser, photo picker.
"""
