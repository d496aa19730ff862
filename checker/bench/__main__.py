"""``python -m checker.bench``: the spaCy-alone child process of the speed measurement."""

from checker.bench.timing import _spacy_alone_main

_spacy_alone_main()
