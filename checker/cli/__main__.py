"""``python -m checker.cli``: the console entry point."""

from checker.cli import main

main()
