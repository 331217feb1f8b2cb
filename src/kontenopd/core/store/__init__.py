"""What the app keeps between sessions: autosave and recovery, recent files, the export queue."""
