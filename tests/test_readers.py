"""Files of every format and encoding in; bad files become one clear line naming the file and reason."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import readers

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parent.parent

BAD = {
    "empty.txt": "file is empty",
    "binary_png.txt": "not a text file: a PNG image",
    "undecodable_bytes.txt": "cannot decode",
    "html_no_article.html": "HTML page has no article text",
    "csv_missing_columns.csv": "CSV has no article-text column",
    "json_invalid.json": "invalid JSON at line 1",
}


@pytest.mark.parametrize("name, reason", BAD.items())
def test_bad_file_gives_one_clear_reason(name, reason):
    items = list(readers.read_path(DATA / "bad" / name))
    assert len(items) == 1
    assert isinstance(items[0], readers.ReadFailure)
    assert reason in items[0].reason


def test_oversized_file_is_refused_without_reading(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(readers.MAX_BYTES + 1)
    [item] = readers.read_path(big)
    assert isinstance(item, readers.ReadFailure) and "limit is 50 MB" in item.reason


@pytest.mark.parametrize("name", ["utf8_bom.txt", "utf16_bom.txt", "utf16le_nobom.txt"])
def test_unicode_encodings_decode_to_the_same_hindi(name):
    [item] = readers.read_path(DATA / "encodings" / name)
    assert item.text.lstrip("\ufeff").startswith("भारत-जापान रक्षा वार्ता")


def test_legacy_8bit_english():
    [item] = readers.read_path(DATA / "encodings" / "cp1252_english.txt")
    assert "Japan\u2019s Defence Minister" in item.text


def test_json_csv_jsonl_records(tmp_path):
    arts = [
        {
            "title": "A",
            "content": "भारत और जापान की बैठक हुई।",
            "publishedAt": "2025-05-05",
            "source": {"name": "Desk"},
        },
        {"headline": "B", "body": "India and Japan met."},
        {"title": "C"},
    ]
    (tmp_path / "a.json").write_text(json.dumps({"articles": arts}), encoding="utf-8")
    items = list(readers.read_path(tmp_path / "a.json"))
    assert [type(i).__name__ for i in items] == ["RawRecord", "RawRecord", "ReadFailure"]
    assert items[0].meta == {"title": "A", "published": "2025-05-05", "source": "Desk"}
    assert items[2].source.endswith("a.json#3")
    (tmp_path / "b.jsonl").write_text(
        "\n".join(json.dumps(a) for a in arts[:2]) + "\nnot json\n", encoding="utf-8"
    )
    kinds = [type(i).__name__ for i in readers.read_path(tmp_path / "b.jsonl")]
    assert kinds == ["RawRecord", "RawRecord", "ReadFailure"]
    (tmp_path / "c.csv").write_text(
        'title,text,published\n"T, one","Line one\nline two",2025-05-05\n', encoding="utf-8"
    )
    [rec] = readers.read_path(tmp_path / "c.csv")
    assert rec.text == "Line one\nline two" and rec.meta["title"] == "T, one"


def test_cli_parse_reports_each_bad_file_and_still_parses_the_good(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(
        "भारत-जापान रक्षा वार्ता\n\nरक्षा मंत्री राजनाथ सिंह ने 20 अगस्त 2024 को जापान के रक्षा मंत्री मिनोरू किहारा से बातचीत की।\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "parse", "--json", str(DATA / "bad"), str(good)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 1
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == len(BAD)
    for name in BAD:
        assert sum(name in ln for ln in errors) == 1
    records = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(good)]
    assert records[0]["engagement"]["participants"] == ["Rajnath Singh", "Minoru Kihara"]


def test_a_copyright_year_does_not_become_the_page_date(tmp_path, parse):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>जाइमेक्स-25 अभ्यास</title></head><body><nav>होम | देश</nav><article>"
        "<h1>जापानी नौसेना के साथ आईएनएस सह्याद्रि ने किया जाइमेक्स-25 अभ्यास</h1>"
        "<p>प्रकाशित: 19 अक्टूबर 2025, 10:15 पूर्वाह्न</p>"
        "<p>भारतीय नौसेना के फ्रिगेट आईएनएस सह्याद्रि ने जापान मैरीटाइम सेल्फ-डिफेंस फोर्स के साथ द्विपक्षीय समुद्री अभ्यास "
        "जाइमेक्स-25 का समुद्री चरण 16 से 18 अक्टूबर तक पूरा किया। नौसेना के प्रवक्ता ने शनिवार को यह जानकारी दी।</p>"
        "</article><footer>© 2025 दैनिक सागर संदेश</footer></body></html>",
        encoding="utf-8",
    )
    (item,) = readers.read_path(page)
    assert not str(item.meta.get("published", "")).endswith("-01-01")
    assert parse(item.text, item.meta).published == "2025-10-19"
