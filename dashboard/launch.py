"""`python -m dashboard app`: start the dashboard from an installed package, where there is no
app.py beside a checkout to hand to `streamlit run` (cli.py registers the command)."""

from __future__ import annotations

import os
import sys
import tomllib

from dashboard import paths

EXAMPLE = "python -m dashboard app --db data/articles.db --port 8501"


def settings() -> list[str]:
    """The checkout's .streamlit/config.toml (its copy in an installed package) as command-line
    options: Streamlit reads that file only from the folder it is started in."""
    where = paths.CHECKOUT / ".streamlit" if paths.IN_CHECKOUT else paths.PACKAGE / "streamlit_config"
    try:
        config = tomllib.loads((where / "config.toml").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    def text(v) -> str:
        return str(v).lower() if isinstance(v, bool) else str(v)

    return [f"--{section}.{key}={text(value)}" for section, opts in config.items() for key, value in opts.items()]


def command(argv: list[str]) -> list[str]:
    """The streamlit command line that runs the packaged app with the project's settings."""
    return [sys.executable, "-m", "streamlit", "run", str(paths.PACKAGE / "app.py"), *settings(), *argv]


def cmd_app(args) -> int:
    env = dict(os.environ)
    if args.db:
        env["DASHBOARD_DB"] = os.path.abspath(args.db)
    extra = ["--server.port", str(args.port)] if args.port else []
    cmdline = command(extra + list(args.streamlit_args or []))
    print(" ".join(cmdline), file=sys.stderr)
    os.execvpe(cmdline[0], cmdline, env)
    return 0  # not reached


def register(sub, db_help: str) -> None:
    sp = sub.add_parser("app", help="start the dashboard (streamlit run on the packaged app)", epilog=f"example: {EXAMPLE}")
    sp.add_argument("--db", help=db_help)
    sp.add_argument("--port", type=int, help="the port to serve on (default: Streamlit's, 8501)")
    sp.add_argument("streamlit_args", nargs="*", help="more options for streamlit, after --")
    sp.set_defaults(func=cmd_app)
