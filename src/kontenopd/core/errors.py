"""Errors a user can cause and fix. Messages are in Bahasa Indonesia, one line each."""

from __future__ import annotations


class KontenError(Exception):
    """Base for every error caused by user input (file, value, template).

    ``str(error)`` is a complete, one-line Indonesian message fit for the GUI and for
    the CLI's stderr.
    """


class PhotoError(KontenError):
    """A photo cannot be used (not an image, truncated, too large...)."""


class TemplateError(KontenError):
    """A template file is invalid. Carries the file and the offending key."""

    def __init__(self, message: str, *, file: str = "", key: str = "") -> None:
        self.file = file
        self.key = key
        where = file + (f" [{key}]" if key else "") if file else key
        super().__init__(f"{where}: {message}" if where else message)


class ValueInputError(KontenError):
    """A field value typed or passed by the user is not valid for its field."""


class ProfileError(KontenError):
    """A profile (brand kit) file is unreadable or invalid."""
