"""The one normalisation of text and the decoding of bytes: pure functions, data in and out."""

from __future__ import annotations

import codecs

import pytest

from renewalwatch.classify import classify
from renewalwatch.errors import ParseError
from renewalwatch.models import Trust, Verdict, Watch
from renewalwatch.sources.charset import codec, decode
from renewalwatch.sources.prefilter import mentions_any, naming, split_items
from renewalwatch.textnorm import fold, markup_key, name_key, normalize

URL = "http://127.0.0.1:9/feed"


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("Grey\u2019s Anatomy", "Grey's Anatomy"),
        ("Law &amp; Order", "Law & Order"),
        ("B&#97;llard &#x2014; renewed", "Ballard - renewed"),
        ("Ballard\u00a0season\u202f2", "Ballard season 2"),
        ("Bal\u200blard", "Ballard"),
        ("\uff22\uff41\uff4c\uff4c\uff41\uff52\uff44", "Ballard"),  # full-width letters (NFKC)
        ("E\u0301lite", "\u00c9lite"),  # a decomposed accent composes; it is kept
        ("\u201cRenewed\u201d \u2013 at last", '"Renewed" - at last'),
    ],
)
def test_normalize_makes_typesetting_plain_and_keeps_case_and_accents(raw: str, plain: str) -> None:
    assert normalize(raw) == plain


def test_fold_is_the_matching_key_accents_and_case_fold() -> None:
    assert fold("\u00c9LITE") == fold("elite") == "elite"
    assert fold("GREY\u2019S  ANATOMY") == "grey's anatomy"
    assert fold("\u30ac") == "\u30ac"  # a Japanese voiced kana keeps its mark: only Latin accents fold
    assert fold("\ud55c\uac15") == "\ud55c\uac15"  # Hangul is untouched


def test_markup_key_reads_through_escaped_html_and_tags() -> None:
    raw = "<description>&lt;p&gt;Law &amp;amp; Order&lt;/p&gt; and &lt;em&gt;Bal&lt;/em&gt;lard</description>"
    key = markup_key(raw)
    assert name_key("Law & Order") in key
    assert name_key("Ballard") in key


def test_markup_key_keeps_a_cdata_section_holding_html_and_an_entity() -> None:
    """Regression: once the HTML tags inside a CDATA section were stripped, the section's own
    '<![CDATA[ ... ]]>' read as one tag on the second pass and the whole text was dropped, so a
    feed item naming the show only in such a description never reached the reader."""
    raw = "<description><![CDATA[<p>the Night Court revival&#8217;s third season</p>]]></description>"
    assert name_key("Night Court") in markup_key(raw)


def test_items_that_name_no_show_are_left_out_before_parsing() -> None:
    feed = (
        '<?xml version="1.0"?><rss><channel><title>T</title>'
        "<item><title>Grey&#8217;s Harbor renewed</title></item>"
        "<item><title>Box office</title></item>"
        "<entry><title>Not an item of RSS, still split</title></entry>"
        "</channel></rss>"
    )
    split = split_items(feed)
    assert len(split.items) == 3
    assert naming(split.items, ["Grey's Harbor"]) == [split.items[0]]
    assert mentions_any(feed, ["GREY'S HARBOR"])


@pytest.mark.parametrize(
    ("show", "text"),
    [
        ("Grey's Harbor", "ABC has renewed Grey\u2019s Harbor for a second season."),
        ("Grey\u2019s Harbor", "ABC has renewed Grey's Harbor for a second season."),
        ("Elite", "Netflix has renewed \u00c9lite for a second season."),
        ("\u00c9lite", "Netflix has renewed Elite for a second season."),
        ("Brick & Mortar", "Hulu has renewed Brick &amp; Mortar for a second season."),
    ],
)
def test_the_classifier_matches_names_through_the_same_normalisation(show: str, text: str) -> None:
    c = classify("Renewal news", text, Watch(show, 2), Trust.TRADE)
    assert c.verdict is Verdict.RENEWED, c


def test_an_accent_folds_in_exclude_too() -> None:
    watch = Watch("Ballard", 2, exclude=("Ballard Energie",))
    c = classify(
        "Ballard \u00c9nergie renewed", "Ballard \u00c9nergie renewed its lease.", watch, Trust.TRADE
    )
    assert c.verdict is Verdict.UNRELATED


# --- decoding -------------------------------------------------------------------------------

DOC = (
    '<?xml version="1.0" encoding="{}"?><rss><channel><title>Caf\u00e9 \u4e2d \u2019</title></channel></rss>'
)


@pytest.mark.parametrize(
    ("body", "header", "expected"),
    [
        (codecs.BOM_UTF8 + DOC.format("latin-1").encode("utf-8"), None, "utf-8"),  # the BOM wins
        (codecs.BOM_UTF16_LE + DOC.format("utf-16").encode("utf-16-le"), None, "utf-16-le"),
        (DOC.format("utf-16").encode("utf-16-be"), None, "utf-16-be"),  # no BOM: the first bytes
        (DOC.format("big5").encode("big5", "replace"), "utf-8", "big5hkscs"),  # declaration over header
        (
            DOC.format("utf-8").replace(' encoding="utf-8"', "").encode("gb2312", "replace"),
            "gb2312",
            "gb18030",
        ),
        (DOC.format("utf-16").encode("utf-8"), "utf-16", "utf-8"),  # ASCII-readable: cannot be UTF-16
        (b'<?xml version="1.0"?><rss>Caf\xe9 \x93quoted\x94</rss>', None, "cp1252"),  # the sniff
    ],
    ids=["bom-utf8", "bom-utf16", "utf16-no-bom", "big5", "gb2312-header", "false-utf16", "sniff-1252"],
)
def test_decode_finds_the_real_charset(body: bytes, header: str | None, expected: str) -> None:
    decoded = decode(body, URL, header)
    assert decoded.encoding == expected
    assert decoded.text.lstrip("\ufeff").startswith("<?xml")


def test_an_unknown_or_non_text_codec_is_a_parse_error_naming_it() -> None:
    assert codec("base64") is None and codec("rot13") is None and codec("no-such") is None
    with pytest.raises(
        ParseError, match=r"unknown character encoding 'x-klingon' \(from the XML declaration\)"
    ):
        decode(DOC.format("x-klingon").encode("cp1252", "replace"), URL)
    with pytest.raises(ParseError, match=r"'base64' \(from the HTTP Content-Type\)"):
        decode(b"<rss>\xff\xfe\xfa</rss>", URL, "base64")
    # a wrong label on a body that is valid UTF-8 is no error: it is read as UTF-8
    assert decode(DOC.format("x-klingon").encode("utf-8"), URL).encoding == "utf-8"
