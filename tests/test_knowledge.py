"""The knowledge files load, and a bad row is reported with its file, line and reason."""

import shutil
from pathlib import Path

import pytest

from dashboard import knowledge

SRC = knowledge.KNOWLEDGE_DIR


@pytest.fixture
def kdir(tmp_path):
    d = tmp_path / "knowledge"
    shutil.copytree(SRC, d)
    return d


def append(path: Path, row: str) -> int:
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + row + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_shipped_knowledge_loads(kb):
    assert (
        kb.holder("Japan", "defence_minister", __import__("datetime").date(2025, 5, 5))
        == "Gen Nakatani"
    )
    assert (
        kb.holder("India", "defence_minister", __import__("datetime").date(2016, 7, 14))
        == "Manohar Parrikar"
    )
    assert set(kb.areas) == set(knowledge.AREA_IDS)


@pytest.mark.parametrize(
    "fname, row, reason",
    [
        ("aliases.csv", "राजनाथ सिंह,person,Nobody Known,", "is not defined in the person file"),
        ("aliases.csv", "Nakatani,person,Rajnath Singh,", "points to"),
        ("area_keywords.csv", "quantum radar,quantum_stuff,en,", "is not defined in areas.csv"),
        (
            "people.csv",
            "Test Person,Japan,Minister,defence_minister,2025-13-01,",
            "is not a YYYY-MM-DD date",
        ),
        ("people.csv", "Test Person,Japan,Minister,grand_vizier,2025-01-01,", "role_key"),
        ("boilerplate.csv", '"^(unclosed",drop_line,broken', "does not compile"),
    ],
)
def test_bad_row_names_file_and_line(kdir, fname, row, reason):
    line = append(kdir / fname, row)
    with pytest.raises(knowledge.KnowledgeError) as exc:
        knowledge.load(kdir)
    msg = str(exc.value)
    assert f"{fname}:{line}:" in msg and reason in msg


def test_an_added_alias_is_used_without_code(kdir):
    from dashboard.parse import parse_article

    text = "भारत-जापान वार्ता\n\nरक्षा मंत्री राजनाथ सिंह ने 5 मई 2025 को जापान के रक्षा मंत्री नाकातानीजी सान से भेंट की।"
    before = parse_article(text, kb=knowledge.load(kdir))
    append(kdir / "aliases.csv", "नाकातानीजी सान,person,Gen Nakatani,")
    after = parse_article(text, kb=knowledge.load(kdir))
    assert [p.name for p in after.people].count("Gen Nakatani") == 1
    assert before.people != after.people or any(p.name == "Gen Nakatani" for p in before.people)


def test_per_language_files_load_with_the_same_validation(kdir):
    """`aliases-xx.csv` beside `aliases.csv` is read too, and a bad row names that file and line."""
    (kdir / "aliases-zz.csv").write_text("alias,kind,name,context\nनाकातानीजी सान,person,Gen Nakatani,\n", encoding="utf-8")
    kb = knowledge.load(kdir)
    assert any(h.value == "Gen Nakatani" for h in kb.matcher.find("नाकातानीजी सान आए"))
    line = append(kdir / "aliases-zz.csv", "Nakatani,person,Rajnath Singh,")
    with pytest.raises(knowledge.KnowledgeError) as exc:
        knowledge.load(kdir)
    assert f"aliases-zz.csv:{line}:" in str(exc.value) and "points to" in str(exc.value)
    (kdir / "aliases-zz.csv").unlink()
    (kdir / "cues-zz.csv").write_text("cue,kind,value,prefix\nकुछ,colour,blue,\n", encoding="utf-8")
    with pytest.raises(knowledge.KnowledgeError) as exc:
        knowledge.load(kdir)
    assert "cues-zz.csv:2:" in str(exc.value)
