"""The one exception of the .docx editor."""


class EditError(Exception):
    """The package cannot be edited safely; nothing is written."""
