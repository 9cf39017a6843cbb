"""The bad-file cases too large to keep in git, or that git cannot hold (a FIFO, a name that is
not UTF-8, a dangling link), made at test time. Each returns its expectation like expected.json:
{"message": reason a user sees (None: it lands), "lands": articles it must store}.

The small cases are files beside this one (files/, expected.json).
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"


def expected_small() -> dict[str, dict]:
    return json.loads((HERE / "expected.json").read_text(encoding="utf-8"))


def article(n: int) -> str:
    return (
        f"India and Japan coast guards drill off Chennai, large case {n}\n\n"
        f"Chennai, 18 January 2024: The Indian Coast Guard and the Japan Coast Guard held a joint exercise off "
        f"Chennai today, practising search and rescue and pollution response. This is large test case {n}.\n"
    )


JAPANESE = (
    "日印防衛相会談\n\n防衛省は5日、中谷元防衛相がインドのラージナート・シン国防相と東京で会談したと発表した。"
    "両氏は海洋安全保障や防衛装備・技術協力について意見を交わし、共同訓練を続けることで一致した。\n"
)


def write(folder: Path) -> tuple[dict[str, dict], list[str]]:
    """Write the large cases into `folder`; also make the ones that must be named on the command
    line (a FIFO and a dangling link are skipped in a folder walk) in `folder`/../explicit.
    Returns ({name: expectation}, [explicit paths])."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, dict] = {}

    def case(name: str, data: bytes | str, message: str | None, lands: int = 0) -> None:
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        out[name] = {"message": message, "lands": lands}

    case("json_deep_nesting.json", "[" * 100_000 + "]" * 100_000, "JSON is nested too deeply")
    case(
        "jsonl_deep_nesting.jsonl",
        json.dumps({"text": article(1)}) + "\n" + '{"a":' * 100_000 + "1" + "}" * 100_000 + "\n",
        "line 2 is JSON nested too deeply",
        lands=1,
    )
    case("meta_title_100k.json", json.dumps({"title": "T" * 100_000, "text": article(2)}), None, lands=1)
    field = "Coast guards drill. " * (10 * 1024 * 1024 // 20)
    case("csv_10mb_field.csv", f'title,text\nHuge,"{field}"\nSmall,"{article(3)}"\n', "article text is 10,485,760 characters; the limit is 1,000,000", lands=1)
    case("text_over_a_million_characters.txt", "Long text. " * 100_001, "article text is 1,100,011 characters; the limit is 1,000,000")
    with zipfile.ZipFile(folder / "zip_bomb.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("fine.txt", article(4))
        with zf.open("bomb.txt", "w", force_zip64=True) as fh:  # 1 GB of one letter: about 4 MB zipped
            chunk = b"A" * (1 << 20)
            for _ in range(1024):
                fh.write(chunk)
    out["zip_bomb.zip"] = {"message": "archive member expands to more than 52 MB (declared 1,074 MB", "lands": 1}
    with (folder / "over_50_mb.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)
    out["over_50_mb.txt"] = {"message": "file is 52.4 MB; the limit is 50 MB", "lands": 0}
    # a name with a byte that is not UTF-8 (Latin-1 é): the article lands, named with U+FFFD
    os.makedirs(os.fsencode(folder), exist_ok=True)
    with open(os.fsencode(folder) + b"/caf\xe9 report.txt", "wb") as fh:
        fh.write(article(5).encode())
    out["caf\ufffd report.txt"] = {"message": None, "lands": 1}
    for enc in ("shift_jis", "euc_jp"):
        case(f"japanese_{enc}.txt", JAPANESE.encode(enc), "the text is Japanese")
        out[f"japanese_{enc}.txt"]["or_lands"] = True  # once the parser reads Japanese, it lands

    explicit = folder.parent / "explicit"
    explicit.mkdir(exist_ok=True)
    fifo = explicit / "named_pipe.txt"
    os.mkfifo(fifo)
    out["named_pipe.txt"] = {"message": "is a named pipe (FIFO), not a file: not read", "lands": 0}
    (explicit / "dangling.txt").symlink_to(explicit / "nowhere.txt")
    out["dangling.txt"] = {"message": "no such file", "lands": 0}
    pdfs = explicit / "only_pdfs"
    pdfs.mkdir()
    for n in (1, 2):
        (pdfs / f"report{n}.pdf").write_bytes(b"%PDF-1.4\n")
    out["only_pdfs"] = {"message": "folder holds no article files (txt, html, json, jsonl, csv, zip); found: 2 .pdf", "lands": 0}
    return out, [str(fifo), str(explicit / "dangling.txt"), str(pdfs)]
