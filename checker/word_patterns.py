"""The word patterns several modules split text with, in one place.

``WORD_TOKEN`` takes a run of letters, digits, apostrophes and hyphens ("Brennock's",
"co-op", "2024"); ``LETTER_WORD`` one that opens with a letter ("Brennock's", not "2024").
"""

from __future__ import annotations

import re

WORD_TOKEN = re.compile(r"[\w'’-]+")
LETTER_WORD = re.compile(r"[A-Za-z][\w'’-]*")
