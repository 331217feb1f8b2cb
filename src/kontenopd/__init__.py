"""KontenOPD: konten media sosial OPD yang rapi, resmi, dan luring."""

__version__ = "0.1.0"
