"""Bytes to valid text: which encoding a file is in, whether it is text at all, and the one place
where text is made valid (no lone surrogates, no control characters) before anything else sees it.
"""

from __future__ import annotations

import re

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"MZ": "a Windows executable",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


def decode(data: bytes) -> tuple[str | None, str, list[str]]:
    """(text, encoding, warnings); text is None when no encoding fits."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: same first bytes
        try:
            return data.decode("utf-32"), "utf-32", warnings
        except UnicodeDecodeError:
            return None, "utf-32", warnings
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", warnings
        except UnicodeDecodeError:
            return None, "utf-16", warnings
    # UTF-16 without a byte-order mark: spaces and ASCII letters leave zero bytes behind (and
    # Devanagari in UTF-16-LE is also valid UTF-8 garbage, so this test must come first)
    if b"\x00" in data[:8000]:
        guess = _wide_guess(data)
        if guess is not None:
            return guess[0], guess[1], warnings
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    # mostly UTF-8 with a few broken bytes: keep the article, say what was replaced
    lossy = data.decode("utf-8", errors="replace")
    bad = lossy.count("\ufffd")
    multibyte = sum(1 for b in data[:20000] if b >= 0xC2)
    if multibyte > 20 and bad <= max(3, len(lossy) // 500):
        warnings.append(f"{bad} undecodable byte sequence(s) replaced (first at byte {bad_at})")
        return lossy, "utf-8", warnings
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.25:
        return None, "", warnings
    warnings.append(f"decoded as {best.encoding}")
    return str(best), best.encoding, warnings


def _wide_guess(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) if the bytes read as UTF-32 or UTF-16 (either byte order) with no control
    characters. UTF-32 is tried first: its ASCII reads as UTF-16 with a NUL after every letter."""
    for enc, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        try:
            t = data[: len(data) - len(data) % width].decode(enc)
        except UnicodeDecodeError:
            continue
        head = t[:3000]
        if head and sum(c.isprintable() or c in "\n\r\t" for c in head) / len(head) > 0.98:
            return t, enc[:6]
    return None


def sniff_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:8000]
    if b"\x00" in head and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        if _wide_guess(head) is not None:
            return None  # UTF-16 or UTF-32 without a byte-order mark: decode() reads it
        # a few stray NULs in text (a CSV export) are removed later; binary data is full of them
        if len(_CONTROL_BYTES.findall(head)) > len(head) // 50:
            return "binary data (it contains NUL bytes)"
    return None


_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0e-\x1f]")


_INVALID = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BREAKS = re.compile("[\x0c\x85]")


def valid_text(text: str) -> tuple[str, list[str]]:
    """The one place text is made valid: lone surrogates (a JSON "\\ud800" escape) become U+FFFD
    and control characters (NUL …) go, so the parser, the store (orjson, SQLite) and the CLI's
    output never meet them. Returns the text and what was changed, as warnings."""
    warnings = []
    if _has_surrogate(text):
        # a valid pair written as two escapes becomes its character; a lone half becomes U+FFFD
        fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        n = fixed.count("\ufffd") - text.count("\ufffd")
        if n:
            warnings.append(f"{n} invalid character(s) (lone UTF-16 surrogates) replaced with U+FFFD")
        text = fixed
    if _INVALID.search(text) or _BREAKS.search(text):
        n = len(_INVALID.findall(text))
        text = _BREAKS.sub("\n", _INVALID.sub("", text))
        if n:
            warnings.append(f"{n} control character(s) (NUL and the like) removed")
    return text, warnings


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def shown(name: str) -> str:
    """A file name as it can be shown and stored: bytes that are not UTF-8 (kept by Python as
    surrogate escapes) become U+FFFD instead of failing every write."""
    if not _has_surrogate(name):
        return name
    raw = name.encode("utf-8", "surrogateescape") if all(c >= "\udc80" for c in _SURROGATE.findall(name)) else None
    return raw.decode("utf-8", "replace") if raw is not None else valid_text(name)[0]
