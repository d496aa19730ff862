"""Tests of the article loader: formats, encodings, repairs, units, offsets and input errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Config
from checker.errors import InputError
from checker.load import english_score, load_article, load_bytes, load_text
from checker.records import Article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "load"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CHINA = SHARED / "corpora" / "claude-code-china"

ENGLISH = ("The regional court ruled on Wednesday that the water company must repay customers "
           "who were overcharged in 2024. The company said it would study the ruling before "
           "deciding whether to appeal.")
FRENCH = ("Le tribunal régional a jugé mercredi que la compagnie des eaux doit rembourser les "
          "clients qui ont été surfacturés en 2024. La société a déclaré qu'elle étudierait la "
          "décision avant de faire appel.")
GERMAN = ("Das Landgericht hat am Mittwoch entschieden, dass das Wasserunternehmen den Kunden "
          "das Geld zurückzahlen muss. Das Unternehmen sagte, es werde das Urteil prüfen.")
SPANISH = ("El tribunal regional dictaminó el miércoles que la empresa de agua debe devolver el "
           "dinero a los clientes. La empresa dijo que estudiaría la sentencia antes de apelar.")
CHINESE = "地区法院周三裁定，自来水公司必须向多收费的客户退款。该公司表示将研究裁决后再决定是否上诉。"


def unit_texts(article: Article, kind: str | None = None) -> list[str]:
    return [article.text[u.start:u.end] for u in article.units if kind is None or u.kind == kind]


def assert_offsets_sound(article: Article, *, same_char: bool = True,
                         allowed: str = "") -> None:
    """The offset map is complete, in range, monotone, and points at the matching raw chars."""
    text, raw, offs = article.text, article.raw, article.offsets
    assert len(offs) == len(text) + 1
    assert all(0 <= o <= len(raw) for o in offs)
    assert all(a <= b for a, b in zip(offs, offs[1:]))
    assert offs[-1] <= len(raw)
    # Units are ordered, disjoint, cover the text with "\n\n" between them.
    pos = 0
    for i, u in enumerate(article.units):
        assert u.start == pos, (i, u)
        assert u.end > u.start
        pos = u.end + 2
        if i + 1 < len(article.units):
            assert text[u.end:u.end + 2] == "\n\n"
            # The separator maps to where the next unit starts.
            assert offs[u.end] == offs[article.units[i + 1].start]
    assert pos - 2 == len(text)
    if not same_char:
        return
    for u in article.units:
        for i in range(u.start, u.end):
            c, r = text[i], raw[offs[i]]
            if c == r or (c.isspace() and r.isspace()) or r in allowed:
                continue
            pytest.fail(f"clean char {c!r} at {i} maps to raw {r!r} at {offs[i]} "
                        f"in {text[u.start:u.end]!r}")


# --- formats ------------------------------------------------------------------------------

def test_html_keeps_article_body_only():
    article = load_article(FIXTURES / "page.html")
    assert article.fmt == "html"
    assert article.doc_id == "page.html"
    for secret in ("SCRIPT-SECRET", "INLINE-SCRIPT-SECRET", "NAV-SECRET", "COMMENT-SECRET",
                   "HEADER-SECRET", "FOOTER-SECRET", "ASIDE-SECRET", "console.log",
                   "font-family", "trackingId"):
        assert secret not in article.text
    assert "Harbour authority delays new ferry terminal until 2028" in unit_texts(article, "heading")
    assert "What changes for passengers" in unit_texts(article, "heading")
    assert unit_texts(article, "bullet") == [
        "Ferries will keep using the old terminal, which the authority says is safe.",
        "A temporary bus link to the station starts in March.",
    ]
    # Entities are decoded in the clean text.
    assert "authority’s chief engineer" in article.text
    assert "“We were promised" in article.text
    assert "&rsquo;" not in article.text and "&quot;" not in article.text
    assert article.meta_value("title").startswith("Harbour authority")


def test_html_offsets_point_into_the_raw_html():
    article = load_article(FIXTURES / "page.html")
    assert_offsets_sound(article, allowed="&")
    # A paragraph with inline markup maps to the paragraph in the source.
    i = article.text.index("According to the authority")
    s, e = article.raw_span(i, article.text.index("\n\n", i))
    assert article.raw[s:e].startswith("According to the authority&rsquo;s chief engineer")
    assert article.raw[s:e].endswith("officials estimated.")
    line, col = article.line_col(s)
    assert article.raw.splitlines()[line - 1][col - 1:].startswith("According")


def test_html_sniffed_from_content():
    page = ("<html><body><nav>Menu Home World</nav><p>The mayor said on Monday that the bridge "
            "will reopen in June after two years of repairs.</p><footer>Footer</footer></body></html>")
    article = load_bytes(page.encode(), doc_id="stdin")
    assert article.fmt == "html"
    assert article.text == ("The mayor said on Monday that the bridge will reopen in June after "
                            "two years of repairs.")
    assert_offsets_sound(article)


def test_markdown_structure_and_inline_syntax():
    article = load_article(FIXTURES / "brief.md")
    assert article.fmt == "markdown"
    assert unit_texts(article, "heading") == ["Council approves new cycling plan",
                                              "What the plan includes"]
    assert unit_texts(article, "bullet") == [
        "Protected lanes on the four main avenues",
        "A cut in the speed limit to 30 km/h in the centre",
        "Three new bike parks near stations",
        "Work starts in spring.",
        "The first lanes open in autumn.",
    ]
    first = unit_texts(article, "paragraph")[0]
    assert first == ("The city council voted 31 to 12 on Monday to approve a plan for forty "
                     "kilometres of protected bike lanes, the mayor's office said.")
    assert "**" not in article.text and "](" not in article.text and "`" not in article.text
    assert_offsets_sound(article)


def test_markdown_link_maps_back_to_its_text():
    article = load_article(FIXTURES / "brief.md")
    i = article.text.index("the mayor's office said")
    s, e = article.raw_span(i, i + len("the mayor's office said"))
    assert article.raw[s:e] == "the mayor's office said"


def test_plain_text_headings_and_bullets_are_separate_units():
    text = ("Ferry terminal delayed\n"
            "The harbour authority said the terminal would open in 2028.\n\n"
            "What we know\n"
            "• The soil under the quay is weak.\n"
            "- Costs may rise by 40 million euros.\n"
            "* Ferries keep using the old terminal.\n"
            "1. Tests continue in May.\n"
            "2) Results are due in June.\n"
            "The operators were not consulted.\n")
    article = load_text(text, doc_id="t")
    assert unit_texts(article, "heading") == ["Ferry terminal delayed", "What we know"]
    assert unit_texts(article, "bullet") == [
        "The soil under the quay is weak.",
        "Costs may rise by 40 million euros.",
        "Ferries keep using the old terminal.",
        "Tests continue in May.",
        "Results are due in June.",
    ]
    assert unit_texts(article, "paragraph") == [
        "The harbour authority said the terminal would open in 2028.",
        "The operators were not consulted.",
    ]
    # A bullet unit starts after its marker.
    u = next(u for u in article.units if u.kind == "bullet")
    assert article.raw[article.raw_offset(u.start)] == "T"
    assert_offsets_sound(article)


def test_hard_wrapped_paragraph_is_one_unit():
    text = ("The harbour authority said on Tuesday that the new ferry terminal\n"
            "would not open before 2028, two years later than it had planned\n"
            "After tests, engineers found weak soil under the northern quay\n"
            "and said the piles must go deeper.\n")
    article = load_text(text, doc_id="t")
    assert [u.kind for u in article.units] == ["paragraph"]
    assert "terminal would not open" in article.text
    assert_offsets_sound(article)


def test_normalisation_keeps_offsets():
    text = "Prices\u00a0rose\u200b 5%\r\nin May,  the\tagency said.\r\n\r\nA second\u2009paragraph follows here."
    article = load_text(text, doc_id="t")
    assert unit_texts(article) == ["Prices rose 5% in May, the agency said.",
                                   "A second paragraph follows here."]
    assert "\r" not in article.text and "\u200b" not in article.text and "\u00a0" not in article.text
    assert_offsets_sound(article)
    i = article.text.index("rose")
    assert article.raw[article.raw_offset(i):].startswith("rose")


# --- encodings and repairs ----------------------------------------------------------------

def test_utf16_file_with_bom(tmp_path):
    for enc in ("utf-16", "utf-16-be"):
        path = tmp_path / f"{enc}.txt"
        data = ENGLISH.encode(enc)
        if enc == "utf-16-be":
            data = b"\xfe\xff" + data
        path.write_bytes(data)
        article = load_article(path)
        assert article.text == ENGLISH
        assert article.encoding.startswith("utf-16")
        assert_offsets_sound(article)


def test_utf8_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ENGLISH.encode())
    article = load_article(path)
    assert article.text == ENGLISH
    assert not article.raw.startswith("\ufeff")


def test_cp1252_file_with_curly_quotes_and_accents(tmp_path):
    text = ("The minister said \u201cthe caf\u00e9 in the old town will reopen\u201d on Monday, "
            "and that it\u2019s likely to be busy \u2013 and the cr\u00e8che too.")
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    article = load_article(path)
    assert article.encoding == "cp1252"
    assert article.text == text
    assert_offsets_sound(article)


def test_ftfy_mojibake_is_repaired_with_offsets():
    raw = "The cafÃ© ownerâ€™s statement said the shop will reopen on Monday after the repairs."
    article = load_text(raw, doc_id="t")
    assert article.text == "The café owner’s statement said the shop will reopen on Monday after the repairs."
    assert article.repairs
    i = article.text.index("’")
    assert article.raw_span(i, i + 1) == (raw.index("â€™"), raw.index("â€™") + 1)
    assert article.raw[article.raw_offset(article.text.index("s statement"))] == "s"


def test_genuine_thai_is_not_touched():
    text = "The Thai greeting สวัสดี means hello, and people use it every day in Bangkok and beyond."
    article = load_text(text, doc_id="t")
    assert article.text == text
    assert article.repairs == ()


@pytest.mark.skipif(not CHINA.is_dir(), reason="shared corpus not available")
def test_shared_cp874_mojibake_is_repaired():
    article = load_article(CHINA / "summary.txt")
    assert any("cp874" in r for r in article.repairs)
    assert "Sources · 1" in article.text
    assert "© 2026 TickrWire" in article.text
    assert "ย" not in article.text
    i = article.text.index("Sources · 1")
    s, e = article.raw_span(i, i + len("Sources · 1"))
    assert article.raw[s:e] == "Sources ยท 1"
    j = article.text.index("© 2026 TickrWire")
    s, e = article.raw_span(j, j + len("© 2026 TickrWire"))
    assert article.raw[s:e] == "ยฉ 2026 TickrWire"
    # The repaired char maps to the first raw char of its mojibake run.
    assert article.raw[article.raw_offset(j)] == "ย"
    assert_offsets_sound(article, allowed="ย")


@pytest.mark.skipif(not CHINA.is_dir(), reason="shared corpus not available")
def test_shared_source_offsets():
    article = load_article(CHINA / "source.txt")
    assert_offsets_sound(article)


# --- furniture ----------------------------------------------------------------------------

@pytest.mark.skipif(not CHINA.is_dir(), reason="shared corpus not available")
def test_shared_summary_furniture():
    article = load_article(CHINA / "summary.txt")
    furniture = {article.text[u.start:u.end] for u in article.units if u.is_furniture}
    content = {article.text[u.start:u.end] for u in article.units if not u.is_furniture}
    for expected in ("Security 74% 1 min readJul 3, 2026, 5:11 PM", "30-second summary",
                     "Key takeaways", "Full story", "Glossary", "VPN",
                     "Virtual Private Network, a tool used to bypass geographic restrictions on the internet.",
                     "Sources · 1", "Related", "TickrWire", "Daily AI digest",
                     "Top AI stories, summarised, in your inbox each morning."):
        assert expected in furniture, expected
    assert any(t.startswith("AI news intelligence.") for t in furniture)
    assert any(t.startswith("© 2026 TickrWire") for t in furniture)
    assert any(t.startswith("Source: Claude Code's complicated") for t in furniture)
    for u in article.units:
        if u.is_furniture:
            assert u.kind == "furniture" and u.furniture
    # The news sentences are content.
    assert any(t.startswith("Anthropic is restricting Chinese firms") for t in content)
    assert any(t.startswith("Alibaba has banned its employees") for t in content)
    assert any(t.startswith("Anthropic has taken steps") for t in content)
    assert any(t.startswith("The situation highlights") for t in content)
    assert "Companies operating in China must navigate evolving AI tool policies to avoid compliance risks." in content
    assert sum(1 for u in article.units if u.kind == "bullet") == 4


def test_fixture_digest_furniture():
    article = load_article(FIXTURES / "digest.txt")
    marked = [(article.text[u.start:u.end], u.kind) for u in article.units]
    assert marked == [
        ("Business 12% 3 min readMar 14, 2026, 9:30 AM", "furniture"),
        ("Grain exporter reports record harvest", "heading"),
        ("Key takeaways", "furniture"),
        ("The exporter said its wheat harvest rose 12% to a record 4.1 million tonnes.", "bullet"),
        ("Prices fell in March, according to the company.", "bullet"),
        ("Full story", "furniture"),
        ("The company said on Thursday that favourable weather lifted yields across its farms in "
         "the south. Analysts at a regional bank expect prices to stay low until the summer.", "paragraph"),
        ("Sign up for our free morning briefing", "furniture"),
        ("© 2026 Fieldnotes Media. All rights reserved.", "furniture"),
    ]
    assert_offsets_sound(article)


def test_leading_furniture_is_split_off_a_line():
    article = load_text("Markets 3% 2 min read The central bank raised its main rate by a quarter "
                        "point on Thursday, its third rise this year.", doc_id="t")
    assert [u.kind for u in article.units] == ["furniture", "paragraph"]
    assert unit_texts(article, "paragraph")[0].startswith("The central bank raised")
    assert_offsets_sound(article)


def test_news_sentences_are_not_furniture():
    text = ("Sales fell 74% in May.\n\nSecurity 74% of respondents said they felt safe, the survey found.\n\n"
            "By Monday, the company had cut 300 jobs.\n\nThe newsletter reported the deal first.\n\n"
            "Subscribers grew 12% in the quarter, the publisher said.")
    article = load_text(text, doc_id="t")
    assert not [article.text[u.start:u.end] for u in article.units if u.is_furniture]


def test_user_furniture_patterns(tmp_path):
    text = ("Posted in Business and Markets\n\nThe exporter said its harvest rose 12% to a record, "
            "and it expects prices to stay low until the summer.")
    plain = load_text(text, doc_id="t")
    assert not any(u.is_furniture for u in plain.units)
    config = Config(lexicon_extra={"furniture": ["category line\tunit\tposted in .{1,60}"]})
    custom = load_text(text, doc_id="t", config=config)
    assert custom.units[0].furniture == "category line"
    # The shipped patterns are not changed by a user's extension.
    assert not any(u.is_furniture for u in load_text(text, doc_id="t").units)


# --- meta ---------------------------------------------------------------------------------

def test_meta_and_doc_id():
    article = load_text(ENGLISH, doc_id="a1", meta={"outlet": "Herald", "date": "2026-03-01"})
    assert article.meta == (("date", "2026-03-01"), ("outlet", "Herald"))
    assert article.doc_id == "a1" and article.fmt == "text" and article.encoding == "utf-8"


# --- input errors -------------------------------------------------------------------------

def cause_of(call) -> str:
    with pytest.raises(InputError) as info:
        call()
    message = str(info.value)
    assert message and "\n" not in message
    return info.value.cause


def test_missing_file(tmp_path):
    path = tmp_path / "nope.txt"
    assert cause_of(lambda: load_article(path)) == "missing"
    with pytest.raises(InputError) as info:
        load_article(path)
    assert "nope.txt" in str(info.value) and info.value.path == str(path)


def test_directory_is_unreadable(tmp_path):
    assert cause_of(lambda: load_article(tmp_path)) == "unreadable"


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  ", "\ufeff".encode("utf-8")])
def test_empty_file(tmp_path, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert cause_of(lambda: load_article(path)) == "empty"


def test_html_without_text_is_empty():
    page = "<html><head><script>var a = 1;</script></head><body><nav></nav></body></html>"
    assert cause_of(lambda: load_text(page, doc_id="p", fmt="html")) == "empty"


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4,
    bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18]) * 50 + b"some text",
])
def test_binary_file(tmp_path, data):
    path = tmp_path / "image.txt"
    path.write_bytes(data)
    assert cause_of(lambda: load_article(path)) == "binary"


def test_too_large_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(ENGLISH * 10, encoding="utf-8")
    config = Config(max_bytes=200)
    assert cause_of(lambda: load_article(path, config=config)) == "too-large"
    assert cause_of(lambda: load_bytes(path.read_bytes(), doc_id="big", config=config)) == "too-large"


@pytest.mark.parametrize("text", [FRENCH, GERMAN, SPANISH, CHINESE])
def test_not_english(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    assert cause_of(lambda: load_article(path)) == "not-english"


def test_short_texts_are_not_judged():
    assert load_text("Le tribunal a jugé mercredi.", doc_id="t").text == "Le tribunal a jugé mercredi."
    assert english_score("Ventes en hausse") is None


def test_english_passes_easily():
    for text in (ENGLISH,
                 "Former Manchester United striker Carlos Tevez has joined Shanghai SIPG, the club said.",
                 "Anthropic blocked Chinese firms from Claude Code. Alibaba banned the tool for staff."):
        assert english_score(text) >= 0.5, text
    for text in (FRENCH, GERMAN, SPANISH, CHINESE):
        assert english_score(text) < 0.5, text


def test_unknown_format():
    assert cause_of(lambda: load_text(ENGLISH, doc_id="t", fmt="pdf")) == "format"


def test_promo_glued_to_a_paragraph_is_split_off():
    text = ("The striker will miss two more games with a hamstring injury, the club said on Friday. "
            "Sign up to the Sports Desk newsletter for the best stories in your inbox.")
    article = load_text(text, doc_id="t")
    assert [(u.kind, u.furniture) for u in article.units] == [("paragraph", None),
                                                               ("furniture", "newsletter")]
    assert unit_texts(article, "paragraph") == [
        "The striker will miss two more games with a hamstring injury, the club said on Friday."]
    assert_offsets_sound(article)


def test_quoted_sentence_on_its_own_line_is_not_a_heading():
    text = ('The manager said the striker would stay at the club.\n'
            '"For me, his future is here."\n'
            'The club did not say when his contract ends.')
    article = load_text(text, doc_id="t")
    assert "heading" not in [u.kind for u in article.units]
    assert not any(u.is_furniture for u in article.units)


def test_short_english_without_function_words_is_accepted():
    # A one-sentence summary can be all names and content words; it is refused only on signs of
    # another language.
    for text in ("Apple Inc. reported record iPhone revenue, beating Wall Street forecasts by $2bn.",
                 "Microsoft, Alphabet and Amazon posted strong cloud growth; Nvidia chips stayed scarce."):
        assert load_text(text, doc_id="t").text == text
    for text in ("Le gouvernement a annoncé mardi une hausse des impôts.",
                 "Il governo ha annunciato martedì un aumento delle tasse.",
                 "政府周二宣布对企业增税，这项措施明年将带来收入。"):
        with pytest.raises(InputError) as info:
            load_text(text, doc_id="t")
        assert info.value.cause == "not-english"

