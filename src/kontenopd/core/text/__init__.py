"""Text on a card: fonts and their coverage, Indonesian line breaking, fitting and drawing text."""
