"""Readers for .txt, .html/.htm and .jsonl files; encoding detection; content-hash ids."""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from letopis.model import Document, Rejected

log = logging.getLogger(__name__)

SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".warc", ".gz"}
MAX_BYTES = 20 * 1024 * 1024
ENCODINGS = ("utf_8", "cp1251", "koi8_r")


def decode(data: bytes) -> str | None:
    """Text from bytes in UTF-8, cp1251 or KOI8-R (charset-normalizer decides); None for binary data.
    A stray NUL byte (a scraper's slip) is dropped; many of them mean binary data or UTF-16."""
    nuls = data.count(b"\x00")
    if nuls:
        if nuls > max(2, len(data) // 200):
            return None
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(ENCODINGS)).best()
    if best is None:
        return None
    text = str(best)
    if sum(ch.isprintable() or ch.isspace() for ch in text[:5000]) < 0.95 * len(text[:5000]):
        return None
    return text


def _doc_id(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def read_file(path: Path) -> Iterator[Document | Rejected]:
    """The documents in one file: one for .txt/.html, one a line for .jsonl."""
    source = str(path)
    suffix = path.suffix.lower()
    if path.name.lower().endswith((".warc", ".warc.gz")):
        yield from _read_warc(path)
        return
    try:
        size = path.stat().st_size
    except OSError as e:
        yield Rejected(source, f"cannot read: {e.strerror}")
        return
    if size == 0:
        yield Rejected(source, "empty file")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path)
        return
    if size > MAX_BYTES:
        yield Rejected(source, f"file too large: {size} bytes (limit {MAX_BYTES})")
        return
    data = path.read_bytes()
    text = decode(data)
    if text is None:
        yield Rejected(source, "binary or undecodable content (not UTF-8, cp1251 or KOI8-R text)")
        return
    if not text.strip():
        yield Rejected(source, "empty document (whitespace only)")
        return
    if suffix in (".html", ".htm"):
        yield Document(id=_doc_id(text), source=source, html=text)
    else:
        yield Document(id=_doc_id(text), source=source, text=text)


def _read_jsonl(path: Path) -> Iterator[Document | Rejected]:
    """One document a line, read a line at a time: a line longer than MAX_BYTES is skipped unread (a 50 MB
    line costs no more memory than the limit), a line that is not JSON is rejected, the others are kept."""
    source = str(path)
    with path.open("rb") as fh:
        head = fh.read(8192)
        cut = head.rfind(b"\n") + 1 or len(head)  # whole lines, so no character is cut in two
        if decode(head[:cut]) is None:
            yield Rejected(source, "binary or undecodable content (not UTF-8, cp1251 or KOI8-R text)")
            return
        fh.seek(0)
        n = kept = 0
        while line := fh.readline(MAX_BYTES + 1):
            n += 1
            if len(line) > MAX_BYTES:
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield Rejected(f"{source}#{n}", f"line {n}: longer than the limit of {MAX_BYTES} bytes")
                continue
            if not line.strip():
                continue
            kept += 1
            try:
                text = line.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = decode(line)
            if text is None:
                yield Rejected(f"{source}#{n}", f"line {n}: undecodable bytes")
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as e:
                yield Rejected(f"{source}#{n}", f"line {n}: not JSON ({e.msg})")
                continue
            yield record_document(obj, source, n)
    if not kept:
        yield Rejected(source, "empty document (whitespace only)")


def records_to_documents(records: Iterable[Any], source: str) -> Iterator[Document | Rejected]:
    """Documents from article objects already parsed (an API request body)."""
    for n, obj in enumerate(records, 1):
        yield record_document(obj, source, n)


def record_document(obj: Any, source: str, n: int) -> Document | Rejected:
    """One article object (`{"text": …}` or `{"html": …}` plus metadata) as a Document, or why not."""
    if not isinstance(obj, dict) or not (isinstance(obj.get("text"), str) or isinstance(obj.get("html"), str)):
        return Rejected(f"{source}#{n}", f"line {n}: an article object needs a 'text' or 'html' string")
    rid = obj.get("id") or n
    content = obj.get("text") if isinstance(obj.get("text"), str) else obj["html"]
    if not content.strip():
        return Rejected(f"{source}#{rid}", f"line {n}: empty text")
    if len(content.encode("utf-8")) > MAX_BYTES:
        return Rejected(f"{source}#{rid}", f"line {n}: text too large (limit {MAX_BYTES} bytes)")
    meta = json.dumps({k: obj.get(k) for k in ("title", "published", "outlet", "language")}, sort_keys=True)
    return Document(
        id=_doc_id(content + meta), source=f"{source}#{rid}",
        text=obj.get("text") if isinstance(obj.get("text"), str) else None,
        html=obj.get("html") if not isinstance(obj.get("text"), str) else None,
        url=obj.get("url"), title=obj.get("title"), published=obj.get("published"),
        outlet=obj.get("outlet"), language=obj.get("language"),
    )


def _read_warc(path: Path) -> Iterator[Document | Rejected]:
    """HTML and plain-text responses of a WARC file; a record is named PATH#URI."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    n = seen = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                seen += 1
                if record.rec_type not in ("response", "resource"):
                    continue
                n += 1
                uri = record.rec_headers.get_header("WARC-Target-URI") or str(n)
                name = f"{source}#{uri}"
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else
                         record.rec_headers.get_header("Content-Type")) or ""
                if record.http_headers and not record.http_headers.get_statuscode().startswith("2"):
                    yield Rejected(name, f"HTTP status {record.http_headers.get_statuscode()}")
                    continue
                if "html" not in ctype and "text/plain" not in ctype:
                    yield Rejected(name, f"not a text or HTML page ({ctype or 'no content type'})")
                    continue
                data = record.content_stream().read(MAX_BYTES + 1)
                if len(data) > MAX_BYTES:
                    yield Rejected(name, f"record too large (limit {MAX_BYTES} bytes)")
                    continue
                text = decode(data) if data else None
                if not text or not text.strip():
                    yield Rejected(name, "empty or undecodable record")
                    continue
                html = "html" in ctype
                yield Document(id=_doc_id(text), source=name, url=uri if "://" in uri else None,
                               html=text if html else None, text=None if html else text)
    except (ArchiveLoadFailed, OSError, ValueError) as e:
        yield Rejected(source, f"broken WARC file after {n} records: {e}")
        return
    if n == 0:
        yield Rejected(source, f"broken WARC file or no pages in it: {seen} records, none a response")


def read_paths(paths: Iterable[str | Path]) -> Iterator[Document | Rejected]:
    """Every document under the given files and folders, folders walked in name order."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and (f.suffix != ".gz" or f.name.endswith(".warc.gz")):
                    yield from read_file(f)
        elif path.is_file():
            yield from read_file(path)
        else:
            yield Rejected(str(path), "no such file or folder")
