"""Language by script, then by function words where one script serves several languages.

Counting letters per Unicode block decides bn/gu/or/ta/te/ur/ja outright; Devanagari is split into
Hindi and Marathi, and Latin into English and Romanised Hindi, by their commonest little words.
"""

from __future__ import annotations

import re

_BLOCKS = (
    ("deva", 0x0900, 0x097F),
    ("bn", 0x0980, 0x09FF),
    ("pa", 0x0A00, 0x0A7F),
    ("gu", 0x0A80, 0x0AFF),
    ("or", 0x0B00, 0x0B7F),
    ("ta", 0x0B80, 0x0BFF),
    ("te", 0x0C00, 0x0C7F),
    ("kn", 0x0C80, 0x0CFF),
    ("ml", 0x0D00, 0x0D7F),
    ("ur", 0x0600, 0x06FF),
    ("ja", 0x3040, 0x30FF),
    ("ja", 0x4E00, 0x9FFF),
)
_MARATHI = {
    "आहे",
    "आहेत",
    "आणि",
    "या",
    "होते",
    "केली",
    "केले",
    "यांनी",
    "त्यांनी",
    "मध्ये",
    "झाली",
    "झाले",
    "म्हणाले",
    "नाही",
    "हे",
    "व",
    "करण्यात",
    "आली",
    "येथे",
    "दरम्यान",
    "सांगितले",
}
_HINDI = {
    "है",
    "हैं",
    "और",
    "के",
    "की",
    "का",
    "में",
    "से",
    "ने",
    "को",
    "था",
    "थी",
    "थे",
    "पर",
    "भी",
    "कि",
    "यह",
    "इस",
    "किया",
    "गया",
    "लिए",
}
_HINGLISH = {
    "hai",
    "hain",
    "ke",
    "ki",
    "ka",
    "aur",
    "ne",
    "mein",
    "ko",
    "se",
    "bhi",
    "tha",
    "thi",
    "kiya",
    "gaya",
    "nahi",
    "yeh",
    "ye",
    "wo",
    "par",
    "liye",
    "raha",
    "rahe",
    "hoga",
    "karenge",
}
_WORD = re.compile(r"[^\W\d_][\w\u0900-\u097f\u0980-\u0dff]*", re.UNICODE)


_BLOCK_RX = {}
for _name, _lo, _hi in _BLOCKS:
    _BLOCK_RX.setdefault(_name, []).append(f"\\u{_lo:04x}-\\u{_hi:04x}")
_BLOCK_RX = {name: re.compile("[" + "".join(ranges) + "]") for name, ranges in _BLOCK_RX.items()}
_OTHER_SCRIPTS = re.compile("[\u0980-\u0dff\u0600-\u06ff\u3040-\u30ff\u4e00-\u9fff]")
# runs, for counting: len(text) - len(text with the runs removed) counts the letters without a
# list of one-character strings (half the time of findall on every article)
_DEVA_RUN = re.compile("[\u0900-\u097f]+")
_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def _count(run: re.Pattern, text: str) -> int:
    return len(text) - len(run.sub("", text))


def detect(text: str) -> str:
    """hi, en, mixed, mr, or the script's language (bn gu or ta te ur ja pa kn ml); 'unknown' if no letters."""
    sample = text[:3000]
    if _OTHER_SCRIPTS.search(sample):
        counts = {name: len(rx.findall(sample)) for name, rx in _BLOCK_RX.items()}
    else:  # the usual case: only Devanagari and Latin letters, two counts instead of twelve
        counts = {"deva": _count(_DEVA_RUN, sample)}
    counts["latin"] = _count(_LATIN_RUN, sample)
    counts = {k: v for k, v in counts.items() if v}
    total = sum(counts.values())
    if not total:
        return "unknown"
    top, top_n = max(counts.items(), key=lambda kv: kv[1])
    if top not in ("deva", "latin"):
        # a script of its own decides, unless Devanagari or Latin carry most of the text
        return top
    words = _WORD.findall(sample)
    deva_words = [w for w in words if "\u0900" <= w[0] <= "\u097f"]
    latin_words = [w for w in words if w[0].isascii()]
    nw = len(deva_words) + len(latin_words) or 1
    share_latin = len(latin_words) / nw
    if top == "deva":
        mr = sum(w in _MARATHI for w in deva_words)
        hi = sum(w in _HINDI for w in deva_words)
        base = "mr" if mr > hi else "hi"
        return "mixed" if base == "hi" and share_latin >= 0.3 else base
    lw = [w.lower() for w in latin_words]
    hinglish = sum(w in _HINGLISH for w in lw)
    if lw and hinglish / len(lw) >= 0.06:
        return "mixed"
    if (1 - share_latin) >= 0.2:
        return "mixed"
    return "en"
