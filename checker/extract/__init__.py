"""Turn parsed articles into claims: clause splitting, attribution, certainty, links, values.

``core`` walks articles and sentences and builds each claim, ``clauses`` splits clauses;
``speakers`` reads who says each claim, and ``frames`` the "according to" frames that credit
it; ``reading`` reads what it says, ``negation_certainty`` whether it denies it and how
surely, ``markers`` its links and scope words and ``quantities`` its figures; ``common`` holds
the constants and token helpers they share.
"""

from checker.extract.core import Extractor

__all__ = ["Extractor"]
