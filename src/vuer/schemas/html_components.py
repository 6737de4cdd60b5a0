"""HTML elements: drawn in the page's overlay (``Scene(htmlChildren=…)``) or panels.

Docstrings list each class's props under ``Props:`` as
``name: type = default -- meaning``; scripts/gen_client_schema.py and
scripts/gen_component_docs.py read them, so they are the one place a prop is
declared for both Python and TypeScript.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from vuer.schemas._images import ImageArgumentError, check_format, check_quality, image_src
from vuer.schemas.base import BlockElement, Element
from vuer.static_paths import to_url

__all__ = [
    "AutoScroll",
    "BlockElement",
    "Bold",
    "Button",
    "Element",
    "Header",
    "Header1",
    "Header2",
    "Header3",
    "Iframe",
    "Img",
    "InputBox",
    "Italic",
    "Link",
    "Markdown",
    "Page",
    "Paragraph",
    "Slider",
    "div",
    "span",
]

logger = logging.getLogger(__name__)


class HtmlProps:
    """The DOM props every HTML element takes; a base of the classes here, never sent alone.

    Props:
        style: dict -- CSS style, React-style camelCase keys.
        className: str -- CSS class names of the element.
        id: str -- the element's DOM id.
    """


class Iframe(HtmlProps, BlockElement):
    """An embedded web page.

    Props:
        src: str -- URL of the page.
        title: str -- accessible title of the frame; the key by default.
        text: str -- text shown before the children.
    """

    tag = "iframe"


class AutoScroll(HtmlProps, BlockElement):
    """A container that keeps its newest child scrolled into view (logs, chat)."""

    tag = "AutoScroll"


class Markdown(HtmlProps, BlockElement):
    """Markdown text rendered as HTML; the children are the markdown strings.

    Props:
        text: str -- the markdown, when there are no text children.
    """

    tag = "Markdown"


class Page(HtmlProps, BlockElement):
    """A page-level container (an ``<article>``) for other HTML elements.

    Props:
        text: str -- text shown before the children.
    """

    tag = "article"


class div(HtmlProps, BlockElement):  # noqa: N801 - the public API's name
    """A ``<div>`` container.

    Props:
        text: str -- text shown before the children.
    """

    tag = "Div"


class InputBox(HtmlProps, Element):
    """A text box; Enter sends ``INPUT`` with the text as value (Shift+Enter adds a line).

    Typing sends nothing: the text goes out once, when the user presses Enter.

    Props:
        value: str -- initial text.
        placeholder: str -- hint shown while empty; defaultValue by default.
        defaultValue: str -- suggested text, taken with the right-arrow key while empty.
        clearOnSubmit: bool = false -- empty the box after Enter sends it.
    """

    tag = "Input"


class Header1(HtmlProps, BlockElement):
    """A level-1 heading; the children are its text.

    Props:
        text: str -- text shown before the children.
    """

    tag = "h1"


Header = Header1


class Header2(Header1):
    """A level-2 heading; the children are its text."""

    tag = "h2"


class Header3(Header1):
    """A level-3 heading; the children are its text."""

    tag = "h3"


class Paragraph(HtmlProps, BlockElement):
    """A paragraph; the children are its text and inline elements.

    Props:
        text: str -- text shown before the children.
    """

    tag = "p"


class span(HtmlProps, Element):  # noqa: N801 - the public API's name
    """Inline text: ``span("a", "b", sep=" ")`` sends ``text="a b"``.

    Props:
        text: str -- the text shown.
    """

    tag = "Span"

    def __init__(self, *text: Any, sep: str = " ", **props: Any) -> None:
        props["text"] = sep.join(str(t) for t in text)
        super().__init__(**props)


class Bold(span):
    """Bold inline text (a span with ``fontWeight: bold`` merged into its style)."""

    def __init__(
        self, *text: Any, sep: str = " ", style: dict[str, Any] | None = None, **props: Any
    ):
        super().__init__(*text, sep=sep, style={"fontWeight": "bold", **(style or {})}, **props)


class Italic(span):
    """Italic inline text (a span with ``fontStyle: italic`` merged into its style)."""

    def __init__(
        self, *text: Any, sep: str = " ", style: dict[str, Any] | None = None, **props: Any
    ):
        super().__init__(*text, sep=sep, style={"fontStyle": "italic", **(style or {})}, **props)


class Link(span):
    """A hyperlink: ``Link("docs", href="https://…")``.

    Props:
        href: str -- the target URL.
        target: str -- where to open it, e.g. "_blank".
    """

    tag = "a"


class Button(HtmlProps, Element):
    """A push button; a click sends ``CLICK`` with the button's key (no value).

    Props:
        value: str -- the label.
        text: str -- the label when value is absent.
    """

    tag = "Button"


class Slider(HtmlProps, Element):
    """A range slider: ``SLIDE`` with the number while it moves, ``SET`` when let go.

    ``SET`` carries the value as a string (the input's own value, as the public
    client sends it); ``SLIDE`` carries it as a number, on every change.

    Props:
        min: float = 0 -- smallest value.
        max: float = 100 -- largest value.
        step: float = 1 -- increment.
        value: float -- initial value.
    """

    tag = "Slider"


class Img(HtmlProps, Element):
    """An image: ``Img(data)`` with an array, PIL image, file path or bytes, or ``Img(src=url)``.

    Arrays are HxW or HxWxC, uint8 or float in 0..1. ``format`` chooses the wire
    form: "png"/"jpeg" send bytes in ``src``, "b64png"/"b64jpeg" a data URL;
    ``quality`` (1..100) applies to JPEG. A ``pathlib`` path under the server's
    static root given as ``src`` becomes its ``/static/…`` URL.

    A click sends ``CLICK`` with where it landed, in CSS pixels of the shown
    image: ``{"x", "y", "w", "h"}`` (x, y from its top-left corner; w, h its size).

    Props:
        src: str | bytes -- the image: URL, data URL, or PNG/JPEG bytes.
        alt: str -- text shown when the image cannot be drawn.
    """

    tag = "Img"
    # Where the encoded image goes on the wire (``Image`` sends it as ``rgb``).
    _src_prop = "src"

    def __init__(
        self,
        data: Any = None,
        *children: Any,
        src: Any = None,
        format: str = "png",
        quality: int | None = None,
        **props: Any,
    ) -> None:
        owner = type(self).__name__
        fmt = check_format(owner, format)
        quality = check_quality(owner, quality)
        if data is not None and src is not None:
            raise ImageArgumentError(f"{owner}: pass the image as data or as src=, not both")
        if children:
            raise TypeError(f"{owner} takes one image (data or src=), not children")
        width = height = None
        value: Any = None
        if src is not None:
            if isinstance(src, (str, os.PathLike)):
                value = to_url(src)
            elif isinstance(src, (bytes, bytearray, memoryview)):
                value = bytes(src)
            else:
                value, width, height = image_src(owner, src, fmt, quality)
        elif data is not None and not (isinstance(data, list) and not data):
            value, width, height = image_src(owner, data, fmt, quality)
        if value is not None:
            props[self._src_prop] = value
        self._width = width
        self._height = height
        # Cooperative: scene images (``ImageBackground(Img, SceneElement)``) continue
        # into SceneElement here.
        super().__init__(**props)
