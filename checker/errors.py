"""Errors the library raises; ``checker.cli`` turns them into messages and exit codes."""


class CheckerError(Exception):
    """Base class of every error the checker raises on purpose."""


class InputError(CheckerError):
    """An input file cannot be used: missing, empty, binary, undecodable, too large, not English."""

    def __init__(self, message: str, *, path: str = "", cause: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.cause = cause or "input"


class ModelError(CheckerError):
    """The spaCy pipeline is missing or is not the expected kind."""


class ConfigError(CheckerError):
    """A configuration value or a lexicon file is wrong."""


class UsageError(CheckerError):
    """The command was asked something it cannot do (no source given for a draft, ...)."""


class EngineError(CheckerError):
    """The engine that runs a batch cannot start: Dask not installed, no scheduler, no worker."""


class OutputError(CheckerError):
    """An output file cannot be written: a folder in the way, no permission, a full disk, or a
    target that is not a regular file (a FIFO, a device)."""

    def __init__(self, message: str, *, path: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.cause = "output"


class TooSlow(BaseException):
    """Raised inside a check that ran past its time budget (``checker.budget``).

    A ``BaseException``, like ``KeyboardInterrupt``, so that no ``except Exception`` on the
    way swallows it; ``checker.budget.time_budget`` turns it into an ``InputError``.
    """
