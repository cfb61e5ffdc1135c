"""Web pages: the article's text without the page around it."""

from __future__ import annotations

from pathlib import Path

from tracker.readers import read_document

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Memorandum on Idlib | World Desk</title>
<link rel="canonical" href="https://news.example.org/world/idlib-memorandum">
<style>body { font-family: sans-serif; }</style>
<script>var tracker = "the parties shall never see this";</script>
</head>
<body>
<header><div class="logo">World Desk</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
</header>
<div id="content">
<div style="display: none">Subscribe to our newsletter</div>
<article>
<h1>Memorandum on Stabilization of the Situation in Idlib</h1>
<p>SOCHI, September 17. Russia and Turkey, as guarantors of the ceasefire regime,
   have agreed   on the following:</p>
<ol>
<li>The Idlib de-escalation area will be preserved.</li>
<li>A demilitarized zone 15-20 km deep will be established by October 15, 2018.</li>
<li><p>All tanks, MLRS, artillery and mortars will be withdrawn by October 10.</p></li>
</ol>
<p>The parties reaffirmed their determination<br>to combat terrorism in all its forms.</p>
<table><tr><td>Withdrawal of heavy weapons</td><td>by October 10</td></tr></table>
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Turkey and Russia shall meet again, says minister</a></li></ul></aside>
</div>
<footer><p>© 2018 World Desk. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
<script>console.log("the parties shall withdraw analytics");</script>
</body></html>
"""


def read_page(tmp_path: Path, markup: str | bytes, name: str = "page.html") -> str:
    path = tmp_path / name
    if isinstance(markup, str):
        path.write_text(markup, encoding="utf-8")
    else:
        path.write_bytes(markup)
    return read_document(path).text


def test_article_text_comes_as_paragraphs_without_the_page_around_it(tmp_path: Path) -> None:
    text = read_page(tmp_path, ARTICLE_PAGE)
    assert text == (
        "Memorandum on Stabilization of the Situation in Idlib\n\n"
        "SOCHI, September 17. Russia and Turkey, as guarantors of the ceasefire regime, "
        "have agreed on the following:\n\n"
        "1. The Idlib de-escalation area will be preserved.\n\n"
        "2. A demilitarized zone 15-20 km deep will be established by October 15, 2018.\n\n"
        "3. All tanks, MLRS, artillery and mortars will be withdrawn by October 10.\n\n"
        "The parties reaffirmed their determination\nto combat terrorism in all its forms.\n\n"
        "Withdrawal of heavy weapons\tby October 10"
    )


def test_menus_scripts_styles_related_links_and_footers_are_left_out(tmp_path: Path) -> None:
    text = read_page(tmp_path, ARTICLE_PAGE)
    for boilerplate in ("Home", "Sport", "World Desk", "tracker", "font-family", "Related stories",
                        "Subscribe", "meet again", "All rights reserved", "Privacy", "analytics"):
        assert boilerplate not in text


def test_title_is_the_headline_and_source_the_canonical_address(tmp_path: Path) -> None:
    path = tmp_path / "saved.htm"
    path.write_text(ARTICLE_PAGE, encoding="utf-8")
    document = read_document(path)
    assert document.title == "Memorandum on Stabilization of the Situation in Idlib"
    assert document.source == "https://news.example.org/world/idlib-memorandum"
    assert document.format == "html"


def test_without_a_headline_the_page_title_names_the_document(tmp_path: Path) -> None:
    markup = "<head><title>Doha Agreement</title></head><body><p>The US will withdraw.</p></body>"
    path = tmp_path / "doha.html"
    path.write_text(markup, encoding="utf-8")
    document = read_document(path)
    assert document.title == "Doha Agreement"
    assert document.text == "The US will withdraw."
    assert document.source == "doha.html"


def test_preformatted_agreement_keeps_its_lines(tmp_path: Path) -> None:
    markup = (
        "<html><body><h1>Protocol</h1><pre>\n1. Cease fire at 00:01 on 6 March.\n"
        "2. Withdraw heavy weapons.\n\nDone at Minsk</pre></body></html>"
    )
    text = read_page(tmp_path, markup)
    assert "1. Cease fire at 00:01 on 6 March.\n2. Withdraw heavy weapons.\n\nDone at Minsk" in text


def test_declared_legacy_charset_is_honoured(tmp_path: Path) -> None:
    markup = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "</head><body><p>Стороны обязуются отвести тяжёлые вооружения.</p></body></html>"
    )
    assert read_page(tmp_path, markup.encode("cp1251")) == "Стороны обязуются отвести тяжёлые вооружения."


def test_undeclared_legacy_encoding_is_detected(tmp_path: Path) -> None:
    markup = "<body><p>Les parties s'engagent à retirer les armes lourdes, déjà évoqué à Genève.</p></body>"
    assert read_page(tmp_path, markup.encode("cp1252")) == (
        "Les parties s'engagent à retirer les armes lourdes, déjà évoqué à Genève."
    )


def test_xhtml_with_an_xml_declaration_is_read(tmp_path: Path) -> None:
    markup = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        "<body><p>The ceasefire takes effect at midnight.</p></body></html>"
    )
    assert read_page(tmp_path, markup, "page.xhtml") == "The ceasefire takes effect at midnight."


def test_text_beside_blocks_becomes_its_own_paragraph(tmp_path: Path) -> None:
    markup = (
        "<html><body><div>The sides agreed as follows.<p>Heavy weapons are withdrawn 15 km.</p>"
        "Done at Minsk on 19 September 2014.</div></body></html>"
    )
    assert read_page(tmp_path, markup) == (
        "The sides agreed as follows.\n\nHeavy weapons are withdrawn 15 km.\n\n"
        "Done at Minsk on 19 September 2014."
    )


def test_ordered_lists_keep_their_numbering_and_nested_lists_their_items(tmp_path: Path) -> None:
    markup = (
        "<html><body><article><p>The parties agreed on the following points.</p><ol start='4'>"
        "<li>Release hostages.<ul><li>all of them</li></ul></li><li><p>Exchange prisoners.</p></li>"
        "</ol></article></body></html>"
    )
    assert read_page(tmp_path, markup) == (
        "The parties agreed on the following points.\n\n4. Release hostages.\n\n"
        "all of them\n\n5. Exchange prisoners."
    )


def test_a_paragraph_stated_twice_in_a_row_is_kept_twice(tmp_path: Path) -> None:
    clause = "<p>The Parties shall withdraw all tanks and artillery from the zone by October 10, 2018.</p>"
    filler = "".join(f"<p>Background paragraph {n} on the long history of the talks.</p>" for n in range(6))
    markup = f"<html><body><article><h1>Report</h1>{filler}{clause}{clause}</article></body></html>"
    text = read_page(tmp_path, markup)
    assert text.count("The Parties shall withdraw all tanks") == 2
    assert text.startswith("Report\n\nBackground paragraph 0")
