"""Every page says when its content last changed (issue 5), from git; a
shallow clone and a copy without any git history still build with --strict."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.dom import Css
from tests.support.site import ROOT, content_pages

DUTCH_MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
UPDATED = re.compile(
    f'<p class="{Css.UPDATED}">Laatst bijgewerkt: '
    r'<time datetime="(?P<iso>\d{4}-\d{2}-\d{2})">'
    r"(?P<day>\d{1,2}) (?P<month>[a-z]+) (?P<year>\d{4})</time></p>"
)
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]


def updated(html: str) -> datetime.date:
    match = UPDATED.search(html)
    assert match, "no 'Laatst bijgewerkt' line"
    shown = datetime.date(int(match["year"]), DUTCH_MONTHS.index(match["month"]) + 1, int(match["day"]))
    assert shown == datetime.date.fromisoformat(match["iso"]), "the shown date and the datetime differ"
    return shown


def test_every_page_shows_when_it_last_changed(site_dir: Path) -> None:
    pages = content_pages(site_dir)
    assert len(pages) >= 20
    problems = []
    for path in pages:
        try:
            date = updated(path.read_text(encoding="utf-8"))
        except AssertionError as error:
            problems.append(f"{path.relative_to(site_dir)}: {error}")
            continue
        if not datetime.date(2026, 1, 1) <= date <= datetime.date.today() + datetime.timedelta(days=1):
            problems.append(f"{path.relative_to(site_dir)}: implausible date {date}")
    assert not problems, "\n".join(problems)


def test_the_date_is_the_last_commit_of_the_page(site_dir: Path) -> None:
    """For a page with history: the date of the last commit that touched its Markdown."""
    source = "docs/begrippen.md"
    dirty = subprocess.run(["git", "status", "--porcelain", source], cwd=ROOT, capture_output=True, text=True)
    log = subprocess.run(
        ["git", "log", "-1", "--format=%aI", "--", source], cwd=ROOT, capture_output=True, text=True
    )
    if dirty.returncode != 0 or not log.stdout.strip():
        pytest.skip("no git history here (a copy without .git): the build-date fallback applies")
    if dirty.stdout.strip():
        pytest.skip(f"{source} has uncommitted changes")
    committed = datetime.datetime.fromisoformat(log.stdout.strip())
    amsterdam = committed.astimezone(datetime.timezone(datetime.timedelta(hours=1)))  # CET, close enough
    shown = updated((site_dir / "begrippen" / "index.html").read_text(encoding="utf-8"))
    assert abs((shown - amsterdam.date()).days) <= 1, (shown, committed)


def working_tree_files() -> list[str]:
    """Tracked and new files, as the next commit would hold them (ignored files left out)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [name for name in listed.stdout.split("\0") if name and (ROOT / name).is_file()]


def copy_tree(target: Path) -> None:
    for name in working_tree_files():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)


def link_build_inputs(project: Path) -> None:
    """What `make deps` installs and the build reuses: the Pyodide runtime from
    node_modules, and the compiled-bytecode cache (keyed by content, so sharing is safe)."""
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    (ROOT / ".cache").mkdir(exist_ok=True)
    (project / ".cache").symlink_to(ROOT / ".cache", target_is_directory=True)


def warnings(stderr: str) -> list[str]:
    return re.findall(r"^(?:WARNING|ERROR)\b.*$", stderr, re.MULTILINE)


def strict_build(project: Path) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_shallow_clone_builds_strictly_with_dates(tmp_path: Path) -> None:
    """This working tree, committed twice into a scratch repository and cloned
    with --depth 1: what a CI checkout usually is."""
    origin = tmp_path / "origin"
    origin.mkdir()
    copy_tree(origin)
    subprocess.run([*GIT, "init", "-q", "-b", "main"], cwd=origin, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=origin, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "first"], cwd=origin, check=True)
    (origin / "docs" / "begrippen.md").write_text(
        (origin / "docs" / "begrippen.md").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    subprocess.run([*GIT, "commit", "-q", "-am", "second"], cwd=origin, check=True)

    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", origin.as_uri(), str(clone)], check=True)
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=clone, capture_output=True, text=True)
    assert shallow.stdout.strip() == "true"
    link_build_inputs(clone)

    result = strict_build(clone)
    assert result.returncode == 0, result.stderr
    assert not warnings(result.stderr), result.stderr
    for path in content_pages(clone / "site"):
        updated(path.read_text(encoding="utf-8"))


def test_a_copy_without_git_builds_strictly_with_the_build_date(tmp_path: Path) -> None:
    """A tarball or a download of the sources: no history at all."""
    project = tmp_path / "copy"
    project.mkdir()
    copy_tree(project)
    link_build_inputs(project)
    # git must not find the repository around tmp_path either.
    result = subprocess.run(
        ["git", "rev-parse", "--git-dir"], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0, "the copy is inside a git repository; the test needs it outside"

    result = strict_build(project)
    assert result.returncode == 0, result.stderr
    assert not warnings(result.stderr), result.stderr
    today = datetime.date.today()
    for path in content_pages(project / "site"):
        assert abs((updated(path.read_text(encoding="utf-8")) - today).days) <= 1
