"""A derived text's own outlet, known from the corpus metadata, is not a name it reports:
its masthead and sign-off lines name it, and no source ever will."""

from __future__ import annotations

from checker.load import load_text

SOURCE = ("The Tarrow Valley water board will close the Mill Lane pumping station for six "
          "weeks from 3 March, its operations manager, Kit Ardel, said on Monday.")
DERIVED = ("Brightline Dispatch | morning briefing\n\n"
           "The Tarrow Valley water board is to shut its Mill Lane pumping station for six "
           "weeks from 3 March, operations manager Kit Ardel said.\n\n"
           "Reply to Brightline Dispatch with your news.\n")


def _codes(pipeline, outlet: str) -> list:
    der = load_text(DERIVED, doc_id="d.txt", meta={"outlet": outlet} if outlet else None)
    src = load_text(SOURCE, doc_id="s.txt")
    result = pipeline.check(der, [src])
    return [f.code for f in result.findings if "Brightline" in f.text]


def test_own_outlet_is_no_unsupported_name(pipeline):
    assert _codes(pipeline, "Brightline Dispatch") == []


def test_outlet_name_unknown_without_metadata(pipeline):
    assert "DU802" in _codes(pipeline, "")
