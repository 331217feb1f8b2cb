"""Qt-side models: the open document with its undo commands, the export queue."""
