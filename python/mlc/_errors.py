"""The exceptions of mlc. Messages are the ones the `mlc` command prints for the same error."""


class Error(Exception):
    """Base class of every mlc error."""


class FormatError(Error):
    """The artifact is not valid: truncated, corrupted (a checksum differs), or not an artifact;
    also raised on unpickling when the artifact's sha256 is no longer the pickled one."""


class FileError(Error, OSError):
    """A file cannot be opened or read (the message names it)."""


class InputError(Error, ValueError):
    """Bad input: the wrong number of columns, an unsupported dtype, a non-contiguous array
    with ``copy=False``, a token id beyond the vocabulary, text for a model without a
    tokenizer, ..."""


class UnknownModelError(Error, LookupError):
    """No model of that name in the artifact (the message lists some that exist)."""

    def __str__(self) -> str:  # LookupError would quote the message
        return str(self.args[0]) if self.args else ""


class CompileError(Error):
    """The compiler refused the models (the message names file, tree or layer)."""


class TransformError(Error):
    """A batch transform job stopped (``on_error="fail"``, or an input or output file)."""
