"""The edge's normaliser: what Teams (or an attacker) sends becomes plain, storable text; properties and examples."""

from __future__ import annotations

import json
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.config.ids import normal_guid
from bot.services.limits import MARKER, MESSAGE_TEXT, clip
from bot.services.wordless import has_words
from bot.teams.attachments import MAX_ATTACHMENTS, RawAttachment, html_body, references
from bot.teams.json_guard import MAX_DEPTH, UnsafeBody, checked, loads
from bot.teams.normalise import REPLACEMENT, Mention, message_text, storable

BOT_ID, BOT_NAME = "28:bot-app-id", "Support bot"
AT_BOT = f"<at>{BOT_NAME}</at>"
BUDGET = settings(max_examples=100, deadline=None, database=None)

# Every code point, what a JSON body can carry; NUL, lone surrogates and markup made common.
hostile = st.sampled_from(["\x00", "\ud800", "\udfff", "<", ">", "&", "<at>", "</at>", "<p>", "&nbsp;", "&#0;"])
anything = st.lists(st.one_of(st.characters(codec=None, exclude_categories=()), hostile), max_size=120).map("".join)
plain_words = st.text(st.characters(codec="ascii", categories=["L", "N", "Zs"]), max_size=80)


def safe(text: str) -> bool:
    """What PostgreSQL and SQLite accept: valid UTF-8 without NUL."""
    text.encode("utf-8")
    return "\x00" not in text


# --- Properties ---------------------------------------------------------------------------


@BUDGET
@given(raw=anything, markup=anything)
def test_any_text_becomes_storable_and_bounded(raw: str, markup: str) -> None:
    text = message_text(raw, mentions=[Mention(BOT_ID, markup)], bot_id=BOT_ID, bot_name=BOT_NAME)
    assert safe(text)
    assert len(text) <= MESSAGE_TEXT
    assert text == text.strip()


@BUDGET
@given(value=st.one_of(st.none(), st.integers(), st.lists(st.text()), st.dictionaries(st.text(), st.text())))
def test_a_non_string_is_read_as_no_text(value: object) -> None:
    assert message_text(value) == ""
    assert storable(value) == ""


@BUDGET
@given(words=plain_words)
def test_the_bots_own_mention_is_removed_and_the_words_remain(words: str) -> None:
    expected = " ".join(words.split())
    text = message_text(f"{AT_BOT} {words}", mentions=[Mention(BOT_ID, AT_BOT)], bot_id=BOT_ID)
    assert text == expected


@BUDGET
@given(raw=anything)
def test_storable_replaces_exactly_the_unstorable(raw: str) -> None:
    cleaned = storable(raw)
    assert safe(cleaned)
    assert len(cleaned) == len(raw)
    assert storable(cleaned) == cleaned


@BUDGET
@given(raw=anything, limit=st.integers(min_value=1, max_value=400))
def test_clipping_keeps_the_start_and_marks_the_cut(raw: str, limit: int) -> None:
    clipped = clip(raw, limit)
    assert len(clipped) <= limit
    if len(raw) <= limit:
        assert clipped == raw
    else:
        assert clipped.endswith(MARKER) and raw.startswith(clipped[: -len(MARKER)])


@BUDGET
@given(guid=st.uuids(), upper=st.booleans(), braces=st.booleans(), junk=anything)
def test_ids_become_lower_case_guids_or_nothing(guid: uuid.UUID, upper: bool, braces: bool, junk: str) -> None:
    written = str(guid).upper() if upper else str(guid)
    assert normal_guid(f"{{{written}}}" if braces else f" {written} ") == str(guid)
    assert normal_guid(junk) in (None, junk.strip().strip("{}").lower())


attachment = st.builds(
    RawAttachment,
    content_type=st.one_of(st.none(), st.integers(), anything, st.sampled_from(["image/png", "text/html", "image/*"])),
    content_url=st.one_of(st.none(), anything, st.just("https://x.example/a.png"), st.just("javascript:alert(1)")),
    name=st.one_of(st.none(), anything, st.text(min_size=1000, max_size=1500)),
    content=st.one_of(st.none(), anything, st.dictionaries(st.text(), st.text())),
)


@BUDGET
@given(items=st.lists(attachment, max_size=30))
def test_attachments_become_bounded_web_references(items: list[RawAttachment]) -> None:
    found = references(items)
    assert len(found) <= MAX_ATTACHMENTS
    for reference in found:
        assert reference.content_type != "text/html"
        assert reference.url == "" or reference.url.lower().startswith(("http://", "https://"))
        assert all(safe(field) and len(field) <= 1000 for field in (reference.name, reference.url, reference.content_type))
    assert safe(message_text(html_body(items)))


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), anything),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(anything, inner, max_size=4)),
    max_leaves=40,
)


@BUDGET
@given(body=st.dictionaries(anything, json_values, max_size=6))
def test_the_json_guard_passes_only_storable_bounded_bodies(body: dict) -> None:
    try:
        clean = checked(body)
    except UnsafeBody:
        return
    json.dumps(clean, ensure_ascii=False).encode("utf-8")  # no lone surrogate survives
    assert "\\u0000" not in json.dumps(clean)


# --- Examples from Teams ----------------------------------------------------------------


def test_a_night_report_addressed_to_the_bot_keeps_only_its_words() -> None:
    raw = f"{AT_BOT} niemand kan inloggen"
    assert message_text(raw, mentions=[Mention(BOT_ID, AT_BOT)], bot_id=BOT_ID) == "niemand kan inloggen"


def test_without_the_entity_the_bots_name_in_markup_still_goes() -> None:
    assert message_text(f"{AT_BOT}, wachtrij", bot_name=BOT_NAME) == "wachtrij"


def test_another_person_mentioned_keeps_their_name() -> None:
    assert message_text("vraag het <at>Anna Bakker</at> maar", bot_id=BOT_ID, bot_name=BOT_NAME) == "vraag het Anna Bakker maar"


def test_html_becomes_lines_of_text_with_entities_decoded() -> None:
    raw = "<div><p>Outlook&nbsp;start <b>niet</b></p><p>sinds &amp; vandaag</p><script>alert(1)</script></div>"
    assert message_text(raw) == "Outlook start niet\n\nsinds & vandaag"


def test_entities_in_plain_text_are_decoded() -> None:
    assert message_text("Tom &amp; Jerry &lt;3") == "Tom & Jerry <3"


def test_nul_and_lone_surrogates_become_the_replacement_character() -> None:
    assert message_text("a\x00b\ud800c") == f"a{REPLACEMENT}b{REPLACEMENT}c"


def test_an_over_long_message_is_cut_with_a_marker() -> None:
    text = message_text("woord " * 5000)
    assert len(text) == MESSAGE_TEXT and text.endswith(MARKER)


def test_a_pasted_screenshot_is_an_image_reference_and_no_words() -> None:
    items = [
        RawAttachment("image/*", "https://smba.example/v3/attachments/1/views/original"),
        RawAttachment("text/html", None, None, '<div><img src="https://smba.example/v3/attachments/1/views/imgo"></div>'),
    ]
    [image] = references(items)
    assert (image.kind, image.url) == ("image", "https://smba.example/v3/attachments/1/views/original")
    assert message_text(html_body(items)) == ""


def test_a_shared_file_keeps_its_name_but_not_its_signed_download_link() -> None:
    file = RawAttachment(
        "application/vnd.microsoft.teams.file.download.info", "https://tenant.sharepoint.example/report.docx",
        "report.docx", {"downloadUrl": "https://signed.example/?token=secret", "fileType": "docx"},
    )
    [reference] = references([file])
    assert (reference.kind, reference.name, reference.url) == ("file", "report.docx", "https://tenant.sharepoint.example/report.docx")
    assert "secret" not in repr(reference)


@pytest.mark.parametrize(("text", "words"), [("", False), ("👍🎉", False), ("?!  ...", False), ("ok", True), ("5", True)])
def test_what_counts_as_words(text: str, words: bool) -> None:
    assert has_words(text) is words


def test_json_nested_deeper_than_the_limit_is_refused_not_a_crash() -> None:
    with pytest.raises(UnsafeBody):
        loads(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(UnsafeBody):
        checked({"channelData": json.loads("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))})


@pytest.mark.parametrize("raw", [b'{"a": NaN}', b'{"a": Infinity}', b"1" * 5000, b"\xff\xfe"])
def test_what_json_columns_would_refuse_is_refused_at_parse(raw: bytes) -> None:
    with pytest.raises(UnsafeBody):
        loads(raw)


@pytest.mark.parametrize(
    "body",
    [{"id": 5}, {"text": ["a"]}, {"from": "x"}, {"conversation": {"id": "c" * 401}}, {"attachments": {}}],
)
def test_protocol_fields_of_the_wrong_type_or_size_are_refused(body: dict) -> None:
    with pytest.raises(UnsafeBody):
        checked(body)
