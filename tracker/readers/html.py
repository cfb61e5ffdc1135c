"""Web pages: the article's main text, without menus, navigation, scripts or footers.

trafilatura finds the main content; the text itself is the page's own layout (see
html_layout) of the paragraphs that hold that content.
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
from tracker.readers.html_layout import Paragraph, layout_paragraphs, render
from tracker.readers.titles import clean_title, first_line_title

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CHARSET_SEARCH_BYTES = 4096
# Browsers read pages labelled as Latin-1 or ASCII as Windows-1252 (the WHATWG encoding
# standard), and real pages labelled so often contain its curly quotes and dashes.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252"}
# lxml refuses a str that still declares its byte encoding.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Characters that a browser does not show and that lxml cannot hold in a tree it edits.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")

# Elements that are never part of an article's text, removed before any extraction.
_NEVER_CONTENT = ("script", "style", "noscript", "template", "svg", "iframe", "object",
                  "form", "button", "select", "nav", "header", "footer", "aside", "menu")
_NEVER_CONTENT_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu")

# Share of the extracted text that the page's own paragraphs must account for to be used.
_MIN_MATCHED_SHARE = 0.9


def read_html(data: bytes, name: str) -> ReadText:
    page = _parse(_decode(data, name), name)
    page_title, source = _title_and_source(page)
    for unwanted in _unwanted_elements(page):
        if unwanted.getparent() is not None:  # a comment before <html> has none and shows nothing
            unwanted.drop_tree()
    _keep_preformatted_lines(page)
    body = page.find("body")
    whole_page = layout_paragraphs(body if body is not None else page)
    extracted = _extracted_paragraphs(page)
    main_text = render(_main_paragraphs(whole_page, extracted) if extracted else whole_page)
    headline = clean_title(" ".join(str(part) for part in page.xpath("(//h1)[1]//text()")))
    return ReadText(main_text, headline or page_title or first_line_title(main_text), source)


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
        markup = _NOT_IN_XML.sub("", _XML_DECLARATION.sub("", markup, count=1)).replace("\x0c", " ")
        return lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        # lxml parses any markup at all; it gives up only on a page with no elements left.
        raise DocumentError(f"{name}: no text found in the file.") from None


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
        style = (element.get("style") or "").replace(" ", "").lower()
        hidden = (
            element.get("hidden") is not None
            or element.get("aria-hidden") == "true"
            or "display:none" in style
            or "visibility:hidden" in style
        )
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


def _extracted_paragraphs(page: lxml.html.HtmlElement) -> list[Paragraph]:
    """The paragraphs trafilatura judges to be the page's main content."""
    # bare_extraction hands back the content tree itself; extract() would also serialise it
    # and fingerprint it, which costs as much again on a long page.
    extracted = trafilatura.bare_extraction(
        page,
        include_tables=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
        with_metadata=False,
        as_dict=False,
    )
    body = getattr(extracted, "body", None)
    return layout_paragraphs(body) if body is not None else []


def _main_paragraphs(page: list[Paragraph], extracted: list[Paragraph]) -> list[Paragraph]:
    """The page's own paragraphs that hold the extracted content, in order.

    trafilatura decides what is content, but its text differs from the page's in ways that
    matter here: it runs short paragraphs and preformatted lines together, drops a paragraph
    that repeats the one before, and numbers lists from 1 whatever their start. So its
    paragraphs are matched, in order, against the page's own layout, and those are kept. When
    the two cannot be matched (extraction took its text from elsewhere, such as the page's
    metadata), the extracted text is used as it is.
    """
    kept: list[Paragraph] = []
    position, rest = 0, extracted[0].letters
    for paragraph in page:
        letters = paragraph.letters
        starts_rest = rest.startswith(letters)
        if position < len(extracted) and letters and (starts_rest or rest in letters):
            kept.append(paragraph)
            # A page paragraph that begins a longer extracted one consumes only its part.
            rest = rest[len(letters) :] if starts_rest else ""
            if not rest:
                position += 1
                rest = extracted[position].letters if position < len(extracted) else ""
        elif kept and letters == kept[-1].letters:
            kept.append(paragraph)  # the same paragraph twice in a row: the page says it twice
    matched = sum(len(paragraph.letters) for paragraph in kept)
    if matched < _MIN_MATCHED_SHARE * sum(len(paragraph.letters) for paragraph in extracted):
        return extracted
    return kept
