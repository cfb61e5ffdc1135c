"""Web pages: the article's main text, without menus, navigation, scripts or footers.

trafilatura finds the main content; its XML output is then laid out here as plain text, one
paragraph per block separated by blank lines, list items numbered as a browser shows them,
and table rows with their cells separated by tabs.
"""

from __future__ import annotations

import codecs
import re

import lxml.etree
import lxml.html
import trafilatura

from tracker.errors import DocumentError
from tracker.readers.decoding import decode_text
from tracker.readers.document import ReadText
from tracker.readers.titles import clean_title

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CHARSET_SEARCH_BYTES = 4096
# Browsers read pages labelled as Latin-1 or ASCII as Windows-1252 (the WHATWG encoding
# standard), and real pages labelled so often contain its curly quotes and dashes.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252"}
# lxml refuses a str that still declares its byte encoding.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

# Elements that are never part of an article's text, removed before any extraction.
_NEVER_CONTENT = ("script", "style", "noscript", "template", "svg", "iframe", "object",
                  "form", "button", "select", "nav", "header", "footer", "aside", "menu")
_NEVER_CONTENT_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu")

# Block-level tags of HTML and of trafilatura's XML, whose text becomes its own paragraph.
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "blockquote", "pre", "address", "figure",
    "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "dl", "li", "ul", "ol",
    "table", "thead", "tbody", "tfoot", "caption", "center", "details", "summary", "body",
    "head", "item", "list", "quote", "code", "doc", "fieldset", "hr",
})
_ROWS = frozenset({"tr", "row"})
_CELLS = frozenset({"td", "th", "cell"})
_LINE_BREAKS = frozenset({"br", "lb"})
_LIST_ITEMS = frozenset({"li", "item"})


def read_html(data: bytes, name: str) -> ReadText:
    page = _parse(_decode(data, name), name)
    page_title, source = _title_and_source(page)
    for unwanted in _unwanted_elements(page):
        unwanted.drop_tree()
    _keep_preformatted_lines(page)
    body = page.find("body")
    whole_page = _layout(body if body is not None else page)
    main_text = _main_text(page)
    # When extraction kept every word (a short page is taken whole), the page's own layout
    # is the better text: extraction can run short paragraphs together.
    if main_text is None or main_text.split() == whole_page.split():
        main_text = whole_page
    headline = clean_title(" ".join(str(part) for part in page.xpath("(//h1)[1]//text()")))
    return ReadText(main_text, headline or page_title or _first_heading(main_text), source)


def _decode(data: bytes, name: str) -> str:
    declared = _DECLARED_CHARSET.search(data[:_CHARSET_SEARCH_BYTES])
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        label = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(_CHARSET_ALIASES.get(label, label))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: detect the encoding as for any text file
    return decode_text(data, name)


def _parse(markup: str, name: str) -> lxml.html.HtmlElement:
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise DocumentError(f"{name}: cannot be read as HTML ({exc}).") from None


def _title_and_source(page: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    """The page's own title and canonical URL, taken before anything is removed."""
    title = None
    for xpath in ('//meta[@property="og:title"]/@content', "//title//text()"):
        found = page.xpath(xpath)
        title = clean_title(" ".join(str(part) for part in found)) if found else None
        if title:
            break
    urls = page.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
    source = next((str(url).strip() for url in urls if str(url).startswith(("http://", "https://"))), None)
    return title, source


def _unwanted_elements(page: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found: list[lxml.html.HtmlElement] = []
    for element in page.iter(lxml.etree.Element):
        tag = element.tag if isinstance(element.tag, str) else ""
        role = (element.get("role") or "").lower()
        hidden = element.get("hidden") is not None or element.get("aria-hidden") == "true"
        # A header inside the article holds its headline, so only page-level headers go.
        in_article = tag == "header" and any(a.tag in ("article", "main") for a in element.iterancestors())
        if ((tag in _NEVER_CONTENT and not in_article) or role in _NEVER_CONTENT_ROLES or hidden) and (
            tag not in ("html", "body")
        ):
            found.append(element)
    # Comments and processing instructions carry no visible text either.
    found.extend(page.xpath("//comment() | //processing-instruction()"))
    return found


def _keep_preformatted_lines(page: lxml.html.HtmlElement) -> None:
    """Rewrites each <pre> as paragraphs of <br>-separated lines, which main-text extraction
    keeps, where it would run a <pre>'s lines together (plain-text agreements are often
    published inside one)."""
    for pre in list(page.iter("pre")):
        replacement = lxml.html.Element("div")
        for chunk in re.split(r"\n[ \t]*\n", "".join(pre.itertext())):
            lines = [line.strip() for line in chunk.split("\n") if line.strip()]
            if not lines:
                continue
            paragraph = lxml.etree.SubElement(replacement, "p")
            paragraph.text = lines[0]
            for line in lines[1:]:
                lxml.etree.SubElement(paragraph, "br").tail = line
        replacement.tail = pre.tail
        parent = pre.getparent()
        if parent is not None:
            parent.replace(pre, replacement)


def _main_text(page: lxml.html.HtmlElement) -> str | None:
    extracted = trafilatura.extract(
        page,
        output_format="xml",
        include_tables=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
    )
    if not extracted:
        return None
    text = _layout(lxml.etree.fromstring(extracted.encode("utf-8")))
    return text if text.strip() else None


def _layout(root: lxml.etree._Element) -> str:
    layout = _Layout()
    layout.walk(root)
    layout.end_paragraph()
    return "\n\n".join(layout.paragraphs)


class _Layout:
    """Lays out an element tree as paragraphs the way a browser shows it, in plain text."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self._pieces: list[str] = []
        self._line_ends: list[int] = []
        self._pending_marker = ""

    def walk(self, element: lxml.etree._Element, marker: str = "") -> None:
        if not isinstance(element.tag, str):
            return  # a comment or processing instruction: nothing a reader sees
        tag = element.tag.lower()
        if tag in _LINE_BREAKS:
            self._line_ends.append(len(self._pieces))
        elif tag in _ROWS:
            self.end_paragraph()
            self._add_paragraph("\t".join(_cell_text(cell) for cell in element if _tag(cell) in _CELLS))
        elif tag in _BLOCKS or tag in _CELLS:
            self.end_paragraph()
            if marker:
                self._pending_marker = marker
            self._walk_content(element)
            self.end_paragraph()
            if marker:
                self._pending_marker = ""  # an empty list item leaves no number behind
        else:
            self._walk_content(element)

    def end_paragraph(self) -> None:
        lines, start = [], 0
        for end in [*self._line_ends, len(self._pieces)]:
            lines.append(" ".join("".join(self._pieces[start:end]).split()))
            start = end
        self._pieces.clear()
        self._line_ends.clear()
        self._add_paragraph("\n".join(lines).strip("\n"))

    def _walk_content(self, element: lxml.etree._Element) -> None:
        self._pieces.append(element.text or "")
        ordinal = _first_ordinal(element)
        for child in element:
            if ordinal is not None and _tag(child) in _LIST_ITEMS:
                self.walk(child, f"{ordinal}. ")
                ordinal += 1
            else:
                self.walk(child)
            self._pieces.append(child.tail or "")

    def _add_paragraph(self, text: str) -> None:
        if text.strip():
            self.paragraphs.append(self._pending_marker + text)
            self._pending_marker = ""


def _cell_text(cell: lxml.etree._Element) -> str:
    return " ".join(_layout(cell).split())


def _tag(element: lxml.etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _first_ordinal(element: lxml.etree._Element) -> int | None:
    """The number of an ordered list's first item; None for any other element."""
    tag = _tag(element)
    if tag != "ol" and not (tag == "list" and element.get("rend") == "ol"):
        return None
    try:
        return int(element.get("start") or 1)
    except ValueError:
        return 1


def _first_heading(text: str) -> str | None:
    first = text.split("\n", 1)[0]
    return clean_title(first)
