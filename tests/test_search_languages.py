"""Search in every script: Japanese words are found whole, Indic words keep their vowel signs, and a
name is found in all its spellings ("Nakatani" finds नकातानी, 中谷元 and Nakatani)."""

import shutil
import sqlite3

import pytest
from conftest import SEED

from dashboard import highlight, queries, store
from dashboard.ingest import ingest

ARTICLES = {
    "ja_drill.txt": (
        "海上自衛隊とインド海軍が共同訓練\n\n"
        "防衛省によると、海上自衛隊の護衛艦とインド海軍のフリゲートが3日、相模湾で共同訓練「JIMEX」を行った。"
        "中谷元防衛相は訓練の意義を強調した。"
    ),
    "ja_army.txt": (
        "陸上自衛隊とインド陸軍、ダルマ・ガーディアンを開始\n\n"
        "陸上自衛隊とインド陸軍による共同訓練「ダルマ・ガーディアン」が東富士演習場で始まった。"
    ),
    "hi_nakatani.txt": (
        "राजनाथ सिंह और नकातानी की बैठक\n\n"
        "रक्षा मंत्री राजनाथ सिंह ने 5 मई 2025 को नई दिल्ली में जापान के रक्षा मंत्री जनरल नकातानी से रक्षा सहयोग पर बातचीत की।"
    ),
    "hi_suraksha.txt": (
        "समुद्री सुरक्षा पर संगोष्ठी\n\n"
        "नई दिल्ली में समुद्री सुरक्षा पर एक संगोष्ठी हुई, जिसमें कई देशों के विशेषज्ञों ने सुरक्षा चुनौतियों पर विचार रखे।"
    ),
    "en_nakatani.txt": (
        "Nakatani and Rajnath Singh hold talks in New Delhi\n\n"
        "Japan's Defence Minister Gen Nakatani met Defence Minister Rajnath Singh in New Delhi on May 5, 2025."
    ),
    "bn_scripts.txt": (
        "ভারত ও জাপানের প্রতিরক্ষা মন্ত্রীদের বৈঠক\n\n"
        "প্রতিরক্ষা মন্ত্রী রাজনাথ সিং জাপানের প্রতিরক্ষা মন্ত্রীর সঙ্গে নয়াদিল্লিতে বৈঠক করেছেন।\n"
        "பாதுகாப்பு அமைச்சர் ராஜ்நாத் சிங் ஜப்பான் பாதுகாப்பு அமைச்சரை சந்தித்தார்.\n"
        "రక్షణ మంత్రి రాజ్‌నాథ్ సింగ్ జపాన్ రక్షణ మంత్రితో భేటీ అయ్యారు.\n"
        "સંરક્ષણ મંત્રી રાજનાથ સિંહે જાપાનના સંરક્ષણ મંત્રી સાથે મુલાકાત કરી.\n"
        "ପ୍ରତିରକ୍ଷା ମନ୍ତ୍ରୀ ରାଜନାଥ ସିଂହ ଜାପାନ ପ୍ରତିରକ୍ଷାମନ୍ତ୍ରୀଙ୍କ ସହ ଆଲୋଚନା କରିଛନ୍ତି।\n"
        "وزیر دفاع راج ناتھ سنگھ نے جاپان کے وزیر دفاع سے ملاقات کی۔"
    ),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("langs")
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    if SEED.exists():
        shutil.copy(SEED, d / SEED.name)
    path = d / "search.db"
    s = ingest([str(d)], path, workers=1, progress=False)
    assert not s.failed, s.failed
    return store.connect(path, readonly=True)


def files(rows) -> set[str]:
    return {r["source_file"].rsplit("/", 1)[-1] for r in rows}


@pytest.mark.parametrize("query", ["防衛", "共同訓練", "海上自衛隊"])
def test_japanese_words_find_japanese_articles(db, query):
    rows = queries.search(db, query, expand=False)
    assert "ja_drill.txt" in files(rows)
    snippet = next(r["snippet"] for r in rows if r["source_file"].endswith("ja_drill.txt"))
    assert f"[{query[:2]}" in snippet  # marked …
    assert " " not in snippet.replace("JIMEX", "")  # … and read without the index's spaces


def test_a_piece_of_a_japanese_word_is_not_a_word(db):
    assert "ja_drill.txt" not in files(queries.search(db, "衛", expand=False))


def test_japanese_highlights_mark_whole_words():
    body = ARTICLES["ja_drill.txt"]
    html = highlight.highlight(body, "共同訓練")
    assert "<mark>共同訓練</mark>" in html
    assert "<mark>" not in highlight.highlight(body, "衛")
    assert html.count("<mark>") == 2


def test_raksha_does_not_match_inside_suraksha(db):
    found = files(queries.search(db, "रक्षा", expand=False))
    assert "hi_nakatani.txt" in found
    assert "hi_suraksha.txt" not in found
    assert "<mark>" not in highlight.highlight(ARTICLES["hi_suraksha.txt"], "रक्षा")


@pytest.mark.parametrize(
    "word, piece",
    [
        ("বৈঠক", "বৈঠ"),  # Bengali: the vowel sign ৈ stays inside the word
        ("சந்தித்தார்", "சந்தித்த"),  # Tamil: virama and vowel signs
        ("భేటీ", "భే"),  # Telugu
        ("મુલાકાત", "મુલા"),  # Gujarati
        ("ଆଲୋଚନା", "ଆଲୋ"),  # Odia
        ("ملاقات", "ملا"),  # Urdu, Arabic script, right to left
    ],
)
def test_indic_words_keep_their_signs(db, word, piece):
    assert "bn_scripts.txt" in files(queries.search(db, word, expand=False))
    assert "bn_scripts.txt" not in files(queries.search(db, piece, expand=False))


def test_nakatani_finds_hindi_japanese_and_english_articles(db):
    found = files(queries.search(db, "Nakatani"))
    assert {"hi_nakatani.txt", "ja_drill.txt", "en_nakatani.txt"} <= found
    exact = files(queries.search(db, "Nakatani", expand=False))
    assert "en_nakatani.txt" in exact and not exact & {"hi_nakatani.txt", "ja_drill.txt"}


def test_dharma_guardian_finds_the_katakana_spelling(db):
    assert "ja_army.txt" in files(queries.search(db, "Dharma Guardian"))


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not beside this checkout")
def test_manekshaw_finds_the_seed(db):
    assert SEED.name in files(queries.search(db, "Manekshaw"))
    assert SEED.name not in files(queries.search(db, "Manekshaw", expand=False))


def test_the_page_says_what_else_it_searched():
    widened = queries.text_query("Nakatani")
    assert "中谷元" in widened.also and "नकातानी" in widened.also
    assert queries.text_query("Nakatani", expand=False).also == ()
    assert queries.text_query("Singh").also == ()  # a surname several people share widens nothing


def test_migration_9_indexes_japanese_already_stored(tmp_path):
    """A database made before migration 9 finds its Japanese articles once it is opened."""
    src = tmp_path / "a"
    src.mkdir()
    (src / "ja.txt").write_text(ARTICLES["ja_drill.txt"], encoding="utf-8")
    path = tmp_path / "old.db"
    ingest([str(src)], path, workers=1, progress=False)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET segmented = NULL")
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    conn.execute("DELETE FROM schema_migrations WHERE version = 9")
    conn.commit()
    conn.close()
    db = store.connect(path)
    assert files(queries.search(db, "共同訓練", expand=False)) == {"ja.txt"}
