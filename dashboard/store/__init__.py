"""The one package that talks to SQLite (sqlite-utils): schema, migrations, writes, full-text index.

Callers use `from dashboard import store` and `store.connect(...)`; the submodules say where each
operation lives: connection (opening, errors, the write transaction, atomic rebuilds), schema (migrations), articles
(writing parsed articles and the ingest log), engagements (the grouping's input and output) and
search (the FTS tokenizer and safe queries).
"""

from __future__ import annotations

import sqlite_utils  # noqa: F401  (tests build old-schema databases through it)

from dashboard.store import corrections  # noqa: F401  (reviewers' corrections: store.corrections)
from dashboard.store.articles import (
    CHILD_COLUMNS,
    TEXT_FIELDS,
    Prepared,
    _article_row,
    article_id,
    finish_run,
    log_file,
    prepare,
    save_article,
    start_run,
)
from dashboard.store.connection import (
    DEFAULT_DB,
    ROOT,
    SchemaTooNew,
    StoreError,
    build_atomically,
    build_lock,
    connect,
    counts,
    db_path,
    integrity_ok,
    now,
    table_rows,
    write,
)
from dashboard.store.engagements import (
    engagement_area_rows,
    grouping_input,
    refresh_summaries,
    replace_engagements,
)
from dashboard.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version
from dashboard.store.search import FTS_TOKENIZE, fts_query, searchable
from dashboard.store.views import delete_view, list_views, save_view

__all__ = [
    "CHILD_COLUMNS",
    "DEFAULT_DB",
    "FTS_TOKENIZE",
    "MIGRATIONS",
    "ROOT",
    "SCHEMA_VERSION",
    "TEXT_FIELDS",
    "Prepared",
    "SchemaTooNew",
    "StoreError",
    "_article_row",
    "article_id",
    "build_atomically",
    "build_lock",
    "connect",
    "counts",
    "db_path",
    "delete_view",
    "engagement_area_rows",
    "finish_run",
    "fts_query",
    "grouping_input",
    "integrity_ok",
    "list_views",
    "log_file",
    "migrate",
    "now",
    "prepare",
    "refresh_summaries",
    "replace_engagements",
    "save_article",
    "save_view",
    "schema_version",
    "searchable",
    "start_run",
    "table_rows",
    "write",
]
