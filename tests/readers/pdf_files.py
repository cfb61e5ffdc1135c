"""Minimal valid PDF files with a text layer, built byte by byte for the reader tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence

PdfBuilder = Callable[[Sequence[Sequence[str]]], bytes]


def build_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A minimal valid PDF: one page per item, each line drawn as text in Helvetica.

    A page given no lines gets a drawn rectangle instead, as a scanned page has an image
    and no text. In the lines, "\x1e" draws the "fl" ligature and "\x1f" the "fi" one.
    """
    objects: list[bytes] = []
    page_ids = [4 + 2 * index for index in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{page_id} 0 R" for page_id in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    # Codes 30 and 31 draw the "fl" and "fi" ligature glyphs, as typeset PDFs do.
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
        b"/BaseEncoding /WinAnsiEncoding /Differences [30 /fl /fi] >> >>"
    )
    for page_id, lines in zip(page_ids, pages, strict=True):
        if lines:
            commands = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
            for line in lines:
                escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                commands += [f"({escaped}) Tj", "T*"]
            commands.append("ET")
        else:
            commands = ["0.5 g", "72 72 400 600 re", "f"]
        stream = "\n".join(commands).encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {page_id + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)
