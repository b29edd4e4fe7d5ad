"""Reading a rendered PDF in pure Python: the fonts it names and whether they are embedded.

WeasyPrint packs its objects into compressed object streams, so the dictionaries are
looked for both in the file and in every stream that inflates.
"""

import io
import re
import zlib

import pdfplumber

FONT_NAME = re.compile(rb"/(?:BaseFont|FontName)\s*/([^\s/<>\[\]()]+)")
DESCRIPTOR = re.compile(rb"/Type\s*/FontDescriptor.*?>>", re.DOTALL)
STREAM = re.compile(rb"stream\r?\n")


def pdf_chunks(data: bytes) -> list[bytes]:
    chunks = [data]
    for match in STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        try:
            chunks.append(zlib.decompress(data[match.end():end]))
        except zlib.error:
            continue
    return chunks


def font_names(data: bytes) -> set[str]:
    """Font names without the subset prefix: «DejaVu-Sans», «DejaVu-Serif-Bold»…"""
    names = set()
    for chunk in pdf_chunks(data):
        for name in FONT_NAME.findall(chunk):
            names.add(name.decode("latin-1").split("+", 1)[-1])
    return names


def font_descriptors(data: bytes) -> list[bytes]:
    return [descriptor for chunk in pdf_chunks(data) for descriptor in DESCRIPTOR.findall(chunk)]


def page_count(data: bytes) -> int:
    counts = [int(value) for chunk in pdf_chunks(data)
              for value in re.findall(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", chunk, re.DOTALL)]
    return max(counts, default=0)


def pdf_text(data: bytes) -> str:
    """The text of every page as a reader sees it, lines joined by single spaces."""
    with pdfplumber.open(io.BytesIO(data)) as document:
        pages = [page.extract_text() or "" for page in document.pages]
    return " ".join(" ".join(pages).split())
