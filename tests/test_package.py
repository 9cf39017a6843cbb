"""`pip install .` makes a working dashboard: the wheel holds the package, its pages, the knowledge
files, the sample articles and the Streamlit settings (and no tests or stray top-level data), and
the installed code finds them from any folder. Built offline from a copy of the checkout."""

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_installs_and_runs_away_from_the_checkout(tmp_path):
    src = tmp_path / "src"
    for name in ("dashboard", "data", ".streamlit", "static"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.db", "*.db-*"))
    for name in ("pyproject.toml", "requirements.txt", "README.md", "app.py"):
        shutil.copy(ROOT / name, src / name)
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path / "dist"), str(src)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    wheel = next((tmp_path / "dist").glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {"dashboard", wheel.name.split("-")[0] + "-0.1.0.dist-info"}
    subpackages = {str(d.relative_to(ROOT)) for d in (ROOT / "dashboard").rglob("*") if (d / "__init__.py").is_file() and "__pycache__" not in d.parts}
    missing = [d for d in subpackages if f"{d}/__init__.py" not in names]
    assert not missing, f"pyproject.toml's packages leave out {missing}"
    for needed in ("dashboard/app.py", "dashboard/pages/timeline.py", "dashboard/data/knowledge/people.csv", "dashboard/streamlit_config/config.toml", "dashboard/static/world_110m.json"):
        assert needed in names, needed
    sample = [n for n in names if n.startswith("dashboard/data/sample/")]
    assert len(sample) == sum(1 for p in (ROOT / "data" / "sample").rglob("*") if p.is_file() and "__pycache__" not in p.parts)

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # the venv sees the test tools' packages; the project itself must come from the wheel
    subprocess.run([python, "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True, capture_output=True)
    where = tmp_path / "elsewhere"
    where.mkdir()
    env = {"PATH": str(env_dir / "bin"), "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    probe = "import dashboard, dashboard.paths as p; print(dashboard.__file__); print(p.IN_CHECKOUT, p.KNOWLEDGE.is_dir() and (p.STATIC / 'world_110m.json').is_file(), p.default_db())"
    got = subprocess.run([python, "-c", probe], cwd=where, env=env, capture_output=True, text=True, check=True).stdout.split("\n")
    assert str(env_dir) in got[0] and got[1] == f"False True {tmp_path / 'xdg' / 'india-japan-dashboard' / 'articles.db'}"
    local = subprocess.run([python, "-c", "from dashboard import knowledge; print(knowledge.local_dir())"], cwd=where, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert local == str(tmp_path / "xdg" / "india-japan-dashboard" / "knowledge")  # added spellings go where the user may write
    ok = subprocess.run([python, "-m", "dashboard", "check-knowledge"], cwd=where, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    queue = subprocess.run([python, "-m", "dashboard", "review", "--help"], cwd=where, env=env, capture_output=True, text=True)
    assert queue.returncode == 0, queue.stdout + queue.stderr  # every command's module travels in the wheel
    app = subprocess.run([python, "-c", "from dashboard import launch; print(' '.join(launch.command([])))"], cwd=where, env=env, capture_output=True, text=True, check=True).stdout
    assert str(env_dir) in app and "--theme.primaryColor=#1f4e9c" in app and "--server.maxUploadSize=50" in app
