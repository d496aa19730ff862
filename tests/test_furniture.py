"""Tests of page-furniture detection: single units, leading chains, sections, user patterns."""

from __future__ import annotations

import pytest

from checker.errors import ConfigError
from checker.furniture import (PATTERN_FILE, Block, classify, furniture_reasons, leading_furniture,
                               load_patterns, trailing_furniture)

PATTERNS = load_patterns()

FURNITURE = [
    ("1 min read", "read time"),
    ("5-minute read", "read time"),
    ("Jul 3, 2026, 5:11 PM", "timestamp"),
    ("Updated 9:30 AM ET, March 4, 2026", "timestamp"),
    ("Published March 3, 2026", "timestamp"),
    ("By Jane Doe", "byline"),
    ("By Jane Doe and John Smith, Reuters", "byline"),
    ("Jane Doe | Reporter", "byline"),
    ("Key takeaways", "section label"),
    ("Full story", "section label"),
    ("30-second summary", "section label"),
    ("Why this matters", "section label"),
    ("Sources · 1", None),
    ("Glossary", None),
    ("Related", None),
    ("Share", None),
    ("Share on X", None),
    ("Copy link", None),
    ("Email this page to a friend", None),
    ("Advertisement", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Top stories, summarised, in your inbox each morning.", "newsletter"),
    ("Sign up for our newsletter", "newsletter"),
    ("Subscribe", "newsletter"),
    ("Daily AI digest", "newsletter"),
    ("Forward this newsletter to a friend who rides.", "newsletter"),
    ("Subscribe for weekly harbour news.", "newsletter"),
    ("Read more in our weekly trade briefing.", "newsletter"),
    ("Read more in our weekly briefing on local services.", "newsletter"),
    ("© 2026 Herald Media. All rights reserved.", "copyright"),
    ("Security 74%", "category badge"),
    ("Source: Ferry terminal delayed. Read the full piece at the source.", "source credit"),
    ("Read more at the Harrowby Evening Echo.", "source credit"),
    ("Find more on Lowmoor Sound News", "source credit"),
    ("What a goal! pic.twitter.com/abc123", None),
    ("FENBRIDGE CANAL NOTES | Moorings", "masthead"),
    ("THE TOWPATH | Issue 40", "masthead"),
    ("LOCKSIDE | Your Monday briefing", "masthead"),
    ("Forward the Towpath to a friend.", "newsletter"),
    ("Forward it to a neighbour who fishes.", "newsletter"),
    ("Tarrow Valley Gazette | Planning", "masthead"),
]

NEWS = [
    "Sales fell 74% in May.",
    "Security 74% of respondents said they felt safe, the survey found.",
    "By Monday, the company had cut 300 jobs.",
    "The newsletter reported the deal first.",
    "Read more at the library's new reading room, which opens in May.",
    "Subscribers grew 12% in the quarter, the publisher said.",
    "Share prices fell 3% on Tuesday.",
    "Related charges were filed against two executives.",
    "Users must sign up for the service by May, the agency said.",
    "The company said it would share the data with regulators.",
    "Copyright lawsuits against AI firms are piling up.",
    "On July 3, 2026, the court ruled against the company.",
    "Jane Doe, a reporter for the Herald, was arrested in Minsk.",
    "Summary judgment was granted to the defendants.",
    "Print sales fell 10% last year.",
    "Daily digest of the news: markets fell sharply.",
    "The union will forward this letter to the minister.",
    "Residents can subscribe for updates on the works, the council said.",
    "NHS | GP surgery to close two days a week from April, the practice said.",
    "MAYOR RESIGNS | Ann Roe quits",
    "FLOOD WARNING | Rivers rising fast",
    "The clerk said she would forward it to the planning committee on Monday.",
    "The clerk said she would forward it to colleagues, and the bypass would be dropped.",
    "BBC NEWS | Flood warnings issued for 14 rivers in the county's northern half",
]


@pytest.mark.parametrize("text,reason", FURNITURE)
def test_furniture_units(text, reason):
    found = classify(text, patterns=PATTERNS)
    assert found, text
    if reason:
        assert found == reason


@pytest.mark.parametrize("text", NEWS)
def test_news_sentences_are_not_furniture(text):
    assert classify(text, patterns=PATTERNS) is None


def test_leading_chain_of_badge_read_time_and_timestamp():
    line = "Security 74% 1 min readJul 3, 2026, 5:11 PM"
    end, reason = leading_furniture(line, patterns=PATTERNS)
    assert end == len(line)
    assert "read time" in reason and "category badge" in reason and "timestamp" in reason


def test_leading_read_time_before_a_sentence():
    line = "5 min read The court ruled on Friday."
    end, reason = leading_furniture(line, patterns=PATTERNS)
    assert line[end:].lstrip().startswith("The court") and reason == "read time"


@pytest.mark.parametrize("line", [
    "TARLOW, 3 May (Fenmark News Agency) - Two ferries were cancelled on Friday.",
    "OSSING, Feb 9 (Bellgate Wire) - The mill closed.",
    "EAST VARE (Coastline Press) — The mill closed.",
])
def test_a_wire_dateline_with_its_agency_is_split_off(line):
    end, reason = leading_furniture(line, patterns=PATTERNS)
    assert reason == "dateline" and line[end:].lstrip()[:3] in ("Two", "The")


def test_a_date_opening_a_sentence_is_not_split():
    assert leading_furniture("July 3, 2026 The court ruled on Friday.", patterns=PATTERNS) == (0, None)
    assert leading_furniture("Sales 74% higher than last year, the firm said.", patterns=PATTERNS) == (0, None)


@pytest.mark.parametrize("line, rest", [
    ("Cost: the repairs could run to £90,000 over three winters, its warden said.", "the repairs"),
    ("Next steps: the panel meets again on 4 May to hear the operator's appeal.", "the panel"),
    ("What happened: a pump failed at the Lowmarsh works early on Sunday morning.", "a pump"),
])
def test_a_digest_label_is_split_off_its_bullet(line, rest):
    end, reason = leading_furniture(line, patterns=PATTERNS)
    assert reason == "label" and line[end:].lstrip().startswith(rest)


@pytest.mark.parametrize("line", [
    "Summary: ferry fares to rise from May",  # a title's label: kept whole
    "Ms Orrin said: the repairs will take another three winters at the very least.",  # a speaker
    "At 10:30 the panel rose for lunch and did not sit again until the afternoon.",
    "Wardens think: the dunes will need fencing before the summer crowds arrive in June.",
    "Four routes remain: the 12, the 14, the 31 and the night bus to Elm Quay.",
    "Orrin Valley Trust: the charity will shut its two shops in Elm Quay by the spring.",
])
def test_a_title_or_a_speaker_tag_is_no_label(line):
    assert leading_furniture(line, patterns=PATTERNS) == (0, None)


def test_a_unit_of_furniture_keeps_its_label():
    assert leading_furniture("Source: Harlow Gazette, with more at example.org",
                             patterns=PATTERNS) == (0, None)


def test_glossary_and_related_bodies_are_furniture():
    blocks = [
        Block("paragraph", "The bank raised its main rate on Thursday, the third rise this year."),
        Block("heading", "Glossary"),
        Block("heading", "Base rate"),
        Block("paragraph", "The rate the central bank charges commercial banks for loans."),
        Block("heading", "Related"),
        Block("paragraph", "Mortgage costs climb as lenders pass on higher rates"),
    ]
    reasons = furniture_reasons(blocks, patterns=PATTERNS)
    assert reasons[0] is None
    assert all(reasons[1:]), reasons


def test_section_ends_at_a_real_heading():
    body = ("The central bank said inflation had eased for a third month, and officials expect "
            "it to fall back to the target by the end of next year if energy prices stay where "
            "they are now, according to the minutes of the meeting.")
    blocks = [
        Block("heading", "Related", level=2),
        Block("bullet", "Mortgage costs climb as lenders pass on higher rates"),
        Block("heading", "Inflation outlook", level=2),
        Block("paragraph", body),
    ]
    reasons = furniture_reasons(blocks, patterns=PATTERNS)
    assert reasons[0] and reasons[1]
    assert reasons[2] is None and reasons[3] is None


def test_user_patterns_extend_without_mutating_the_shipped_ones():
    before = load_patterns()
    custom = load_patterns(["category line\tunit\tposted in .{1,60}", r"filed under \w+"])
    assert classify("Posted in Business", patterns=custom) == "category line"
    assert classify("Filed under Markets", patterns=custom)
    assert classify("Posted in Business", patterns=load_patterns()) is None
    assert load_patterns() == before


def test_bad_user_pattern_is_a_config_error():
    with pytest.raises(ConfigError):
        load_patterns(["broken\tunit\t(unclosed"])
    with pytest.raises(ConfigError):
        load_patterns(["reason\tnowhere\tfoo"])


def test_pattern_file_has_a_header():
    head = PATTERN_FILE.read_text(encoding="utf-8").splitlines()[:5]
    assert all(line.startswith("#") for line in head)


def test_trailing_promo_sentence_is_cut_off_a_real_paragraph():
    news = "The striker will miss two more games, the club said. "
    promo = "Sign up to the Sports Desk newsletter for the best stories in your inbox."
    assert trailing_furniture(news + promo, patterns=PATTERNS) == (len(news), "newsletter")
    assert trailing_furniture(promo, patterns=PATTERNS) == (0, "newsletter")
    assert classify(news + promo, patterns=PATTERNS) is None
    assert trailing_furniture(news, patterns=PATTERNS) == (len(news), None)


def test_a_request_to_pass_the_newsletter_on_is_cut_off_its_unit():
    news = "The Gazette lands every Monday. "
    promo = "Forward it to a neighbour who fishes."
    assert trailing_furniture(news + promo, patterns=PATTERNS) == (len(news), "newsletter")
