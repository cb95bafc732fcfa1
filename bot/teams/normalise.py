"""What a person wrote, as plain text: the one normalisation every incoming message goes through.

Pure (no Bot Framework types): the bot's own @-mention removed using the mention entities, other
<at> markup reduced to the name, HTML turned into text with its entities decoded, NUL and lone
surrogates replaced (PostgreSQL and SQLite's UTF-8 encoder refuse them), whitespace tidied, and
an over-long message cut with a marker. Whatever comes in, a string comes out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

from bot.services.limits import MESSAGE_TEXT, clip

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_AT = re.compile(r"<at(?:\s[^>]*)?>(.*?)</at\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<!--")
_SPACES = re.compile(r"[ \t\f\v\xa0\u200b]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_LEADING_PUNCTUATION = re.compile(r"^[\s,;:\-\u2013]+")
_BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6",
})  # fmt: skip
_HIDDEN = frozenset({"script", "style", "head", "title"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention entity: who was mentioned, and the markup that stands for them in the text."""

    mentioned_id: str
    markup: str


def storable(value: object) -> str:
    """Any value as a string a database accepts: NUL and lone surrogates become U+FFFD."""
    if not isinstance(value, str):
        return ""
    return _UNSTORABLE.sub(REPLACEMENT, value)


def message_text(raw: object, *, mentions: Iterable[Mention] = (), bot_id: str = "", bot_name: str = "") -> str:
    """The words of a message as the bot should read them."""
    text = storable(raw)
    text, addressed = _without_bot_mention(text, tuple(mentions), bot_id, bot_name)
    if _TAG.search(text):
        text = html_to_text(text)
    elif "&" in text:
        text = html.unescape(text)
    text = tidy(storable(text))
    if addressed:
        text = _LEADING_PUNCTUATION.sub("", text)
    return clip(text, MESSAGE_TEXT)


def _without_bot_mention(text: str, mentions: tuple[Mention, ...], bot_id: str, bot_name: str) -> tuple[str, bool]:
    """Drop the bot's own mention; a mentioned person keeps their name as plain text."""
    before = text
    for mention in mentions:
        if bot_id and mention.mentioned_id == bot_id and mention.markup:
            text = text.replace(mention.markup, " ")

    def named(match: re.Match[str]) -> str:
        name = match[1]
        return " " if bot_name and name.strip().casefold() == bot_name.strip().casefold() else name

    text = _AT.sub(named, text)
    return text, text != before


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment: blocks become lines, scripts and styles vanish, entities are decoded."""
    parser = _TextOnly()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser is lenient, but some broken markup still raises: strip tags bluntly
        return html.unescape(_TAG.sub(" ", markup))
    return "".join(parser.parts)


def tidy(text: str) -> str:
    """One space between words, no trailing blanks, at most one empty line in a row."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(self._hidden - 1, 0)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)
