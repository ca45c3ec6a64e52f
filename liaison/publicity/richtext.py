"""The one allow-list of article HTML, applied with nh3 when a body is saved and again when it is shown:
no script or style, no on* handler, no javascript:/data: URL; links get rel="noopener noreferrer"."""

from __future__ import annotations

import html

import nh3

TAGS = frozenset(
    {"p", "br", "strong", "b", "em", "i", "u", "h2", "h3", "h4", "ul", "ol", "li", "a", "img", "blockquote"}
)
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def clean_html(value: str) -> str:
    """`value` reduced to the allowed tags, attributes and URL schemes."""
    return nh3.clean(
        value or "",
        tags=set(TAGS),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def plain_text(value: str) -> str:
    """The text of a body without any tag (for summaries and the feed)."""
    return html.unescape(nh3.clean(value or "", tags=set())).strip()
