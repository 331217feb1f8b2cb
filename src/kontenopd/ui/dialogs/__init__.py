"""Dialogs: first-start wizard, profile, recovery, guide, day-two tips, bulk create, progress."""
