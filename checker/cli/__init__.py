"""The command line: thin commands over the library, one exit-code policy, data to stdout.

Exit codes (every command):
    0  nothing found at or above the --fail-on threshold (batch: every item processed)
    1  drift found at or above the threshold
    2  usage error (bad option, missing argument, bad configuration, unknown rule code)
    3  input error (missing, unreadable, empty, binary, mis-encoded, too large, non-English
       or too slow to check; a path that is not a regular file; a source without sentences;
       a missing spaCy model, or a default model whose files do not match their recorded
       hashes), an output that cannot be written; batch: some items failed
    130  interrupted (Ctrl-C)

Only this package imports click. ``common`` holds the command group and what every command
shares (exit codes, errors, output, configuration options); each other module registers
its commands on the group when imported here. ``checker.cli:main`` is the console entry point.
"""

from checker.cli import batch, bench, check, compare, config  # noqa: F401  (registers commands)
from checker.cli.common import (EXIT_DRIFT, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE,
                                cli, main)

__all__ = ["EXIT_DRIFT", "EXIT_INPUT", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "cli", "main"]
