"""The README's promises: its two opening commands, the CI script running the same test command,
and every CLI command documented."""

import re
from pathlib import Path

from dashboard.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    blocks = re.findall(r"```bash\n(.*?)\n```", README, re.S)
    assert blocks[0].strip() == "bash scripts/setup.sh && streamlit run app.py"
    assert blocks[1].strip() == "bash scripts/setup.sh --dev && python -m pytest -q"
    assert README.index(blocks[0]) < 400


def test_ci_runs_the_readme_test_command():
    test_command = re.findall(r"```bash\n(.*?)\n```", README, re.S)[1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_every_cli_command_is_in_the_readme():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for name in commands:
        assert f"python -m dashboard {name}" in README, f"`{name}` is not documented in the README"
