"""The Briefing's table exports in Hindi mode, opened as a user opens them (the workbook with
openpyxl, the CSVs with pandas): every sheet name, header and cell is Hindi or data, and no internal
id (two_plus_two, defence_industry) is left in either language."""

import io
from dataclasses import replace

import pandas as pd
import pytest
from openpyxl import load_workbook
from untranslated import IDS, data_of, leftovers

from dashboard import briefing, export, labels, queries, store

FROM, TO = "2014-01-01", "2025-12-31"
FILTERS = queries.Filters(types=("two_plus_two", "exercise", "bilateral_ministerial"), areas=("defence_industry", "maritime_security"))
# columns that hold references back to a record (its id) and its web address: data, never translated
REFERENCES = {labels.b(k, True) for k in ("id", "engagement_id", "url")} | {labels.b(k) for k in ("id", "engagement_id", "url")}


@pytest.fixture(scope="module")
def built(sample_db):
    db = store.connect(sample_db, readonly=True)
    arts = queries.articles(db, replace(FILTERS, date_from=FROM, date_to=TO), limit=100_000, india_japan_only=True)
    b = briefing.build(**queries.briefing_inputs(db, FILTERS, FROM, TO), filters_text=queries.describe(FILTERS))
    out = {hi: export.build_tables(b, arts, hi) for hi in (True, False)}
    return {"files": out, "data": data_of(db)}


def sheets(xlsx: bytes) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(xlsx))
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


def texts_of(rows: list[tuple]) -> list[str]:
    """Headers, and every cell outside the reference columns."""
    head = [str(h) for h in rows[0]]
    keep = [i for i, h in enumerate(head) if h not in REFERENCES]
    return head + [str(r[i]) for r in rows[1:] for i in keep if r[i] is not None]


@pytest.mark.parametrize("hindi", [True, False])
def test_the_workbook_has_no_id_and_in_hindi_no_english_label(built, hindi):
    book = sheets(built["files"][hindi]["xlsx"])
    if hindi:
        assert list(book) == ["सारांश", "बैठकें", "लेख", "क्षेत्र × अवधि"]
    bad = {name: leftovers(texts_of(rows), built["data"], hindi) for name, rows in book.items()}
    assert not any(bad.values()), bad
    cells = {str(c) for rows in book.values() for r in rows for c in r if c is not None}
    assert not {c for c in cells for i in IDS if i in c}, "an internal id in a cell"
    assert not {c for c in cells if c.strip().lower() == "nan"}


@pytest.mark.parametrize("hindi", [True, False])
def test_the_csvs_have_no_id_and_in_hindi_no_english_label(built, hindi):
    for key in ("engagements", "articles", "area_period"):
        df = pd.read_csv(io.BytesIO(built["files"][hindi][key]), encoding="utf-8-sig", dtype=str, keep_default_na=False)
        rows = [tuple(df.columns), *df.itertuples(index=False)]
        assert not leftovers(texts_of(rows), built["data"], hindi), key
        assert not any(i in c for c in map(str, df.to_numpy().ravel()) for i in IDS), key
