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


def _findings(pipeline, derived: str, outlet: str) -> list:
    der = load_text(derived, doc_id="d.txt", meta={"outlet": outlet})
    return pipeline.check(der, [load_text(SOURCE, doc_id="s.txt")]).findings


def test_outlet_word_inside_another_name_is_still_checked(pipeline):
    derived = ("The Tarrow Valley water board will shut its Mill Lane pumping station in "
               "Sunderland for six weeks from 3 March.")
    assert "DU802" in [f.code for f in _findings(pipeline, derived, "The Sun")]


def test_outlet_word_used_as_a_common_word_is_still_read(pipeline):
    derived = ("The Tarrow Valley water board will shut its Mill Lane pumping station for six "
               "weeks from 3 March.\n\nAn independent review found the station had leaked for "
               "years.\n")
    assert "DU801" in [f.code for f in _findings(pipeline, derived, "The Independent")]


def test_outlet_reporting_in_the_body_is_read(pipeline):
    derived = ("Brightline Dispatch | morning briefing\n\n"
               "The board's chief executive will resign next week, Brightline Dispatch has "
               "learned, and the Mill Lane pumping station will shut for six weeks.\n\n"
               "Reply to Brightline Dispatch with your news.\n")
    codes = [f.code for f in _findings(pipeline, derived, "Brightline Dispatch")
             if "resign" in f.text or "executive" in f.text]
    assert "DU801" in codes


def test_a_figure_in_the_outlets_own_sign_off_is_not_read(pipeline):
    derived = ("The Tarrow Valley water board will shut its Mill Lane pumping station for six "
               "weeks from 3 March.\n\nBrightline Dispatch, issue 212, goes out at 7am.\n")
    found = _findings(pipeline, derived, "Brightline Dispatch")
    assert not [f for f in found if f.code.startswith("DU8")]
    body = derived.replace("from 3 March.", "from 3 March, reopening on 14 April.")
    assert {"DU803", "DN501"} & {f.code for f in _findings(pipeline, body, "Brightline Dispatch")}


CREDITED = ("The Tarrow Valley water board will shut its Mill Lane pumping station for six "
            "weeks from 3 March, operations manager Kit Ardel told the Fenmoor Weekly Star.")


def _credited(pipeline, source_outlet: str) -> list:
    der = load_text(CREDITED, doc_id="d.txt", meta={"outlet": "Morning Digest"})
    src = load_text(SOURCE, doc_id="s.txt",
                    meta={"outlet": source_outlet} if source_outlet else None)
    return [f.code for f in pipeline.check(der, [src]).findings if "Fenmoor" in f.text]


def test_a_source_outlet_credited_by_name_is_no_unsupported_name(pipeline):
    assert _credited(pipeline, "Fenmoor Weekly Star") == []


def test_another_outlet_credited_is_still_an_unsupported_name(pipeline):
    assert "DU802" in _credited(pipeline, "Harlby Gazette")
