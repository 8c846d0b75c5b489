"""What the program's history costs a build: a conference of N talks in a git repository of C
content commits, read fresh and after one more commit.

    python benchmarks/history_benchmark.py [--talks 1000] [--commits 300] [--seed 2026] [--workdir DIR]

The conference is ``build_benchmark.py``'s (seeded, realistic). The repository gets one commit
that announces the program, then C-1 commits that each do what organisers do: move a talk (its
time, within its session), retitle one, cancel one, give one another speaker, rename a speaker,
add a talk page. Then it times, each the median of three runs:

  history, fresh        ``read_history`` with no cache (every commit read);
  history, one commit   ``read_history`` with the cache of the commits before, after one more;
  build, fresh          ``sphinx-build -E`` of the repository, and of the same files outside git
                        (no history): the difference is what the history adds to a build;
  build, incremental    ``sphinx-build`` after one more commit (history and the pages it reaches).

Figures, not a test: the target (a few seconds fresh at 1,000 talks and 300 commits, well under
a second for one new commit) is printed beside them. Fails only when a build warns.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO / "_ext"), str(HERE)]

import build_benchmark as bench  # noqa: E402  (the conference generator)

GIT_ENV = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_NAME": "Bench",
           "GIT_COMMITTER_EMAIL": "bench@example.org", "GIT_CONFIG_GLOBAL": os.devnull}


def git(repo: Path, *args: str, day: int = 0) -> None:
    stamp = f"{1767261600 + day * 3600} +0000"  # 2026-01-01 10:00 UTC, an hour later per commit
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def replace_line(path: Path, prefix: str, new: str) -> bool:
    lines = path.read_text("utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.startswith(prefix):
            lines[number] = new
            path.write_text("".join(lines), "utf-8")
            return True
    return False


def organiser_edit(repo: Path, rng: random.Random, number: int) -> str:
    """One commit's worth of change to the program, as organisers make them; each leaves the
    program valid (the build stays free of warnings)."""
    talks = sorted(t for t in (repo / "talks").glob("*.md") if t.name != "index.md")
    talk = rng.choice(talks)
    text = talk.read_text("utf-8")
    kind = number % 6
    if kind == 0:  # a talk ends a minute earlier, or on time again
        end = re.search(r"^  end: (\d+):(\d\d)$", text, re.MULTILINE)
        hours, minutes = int(end[1]), int(end[2])
        shorter = "# shortened\n" in text
        minutes += 1 if shorter else -1
        hours, minutes = hours + minutes // 60, minutes % 60
        text = text.replace(end[0], f"  end: {hours}:{minutes:02d}")
        text = text.replace("# shortened\n", "") if shorter else text.replace("talk:\n", "# shortened\ntalk:\n", 1)
        talk.write_text(text, "utf-8")
        return f"New end for {talk.stem}"
    if kind == 1:
        talk.write_text(re.sub(r"^# (.*)$", rf"# \1 (revised {number})", text, count=1, flags=re.MULTILINE), "utf-8")
        return f"Retitle {talk.stem}"
    if kind == 2:
        status = "  status: cancelled\n"
        talk.write_text(text.replace(status, "") if status in text else text.replace("talk:\n", "talk:\n" + status, 1),
                        "utf-8")
        return f"Cancel or restore {talk.stem}"
    if kind == 3:  # two talks of one session swap their speakers
        session = re.search(r"^  session: (\S+)$", text, re.MULTILINE)[1]
        others = [t for t in talks if t != talk and f"  session: {session}\n" in t.read_text("utf-8")]
        if others:
            other = rng.choice(others)
            mine = re.search(r"^  speakers: .*$", text, re.MULTILINE)[0]
            theirs_text = other.read_text("utf-8")
            theirs = re.search(r"^  speakers: .*$", theirs_text, re.MULTILINE)[0]
            talk.write_text(text.replace(mine, theirs), "utf-8")
            other.write_text(theirs_text.replace(theirs, mine), "utf-8")
        return f"Speakers of {talk.stem} and another talk of {session} swapped"
    if kind == 4:  # a speaker renamed (their page's heading is their name)
        speaker = rng.choice([p for p in (repo / "speakers").glob("*.md") if p.stem != "index"])
        page = speaker.read_text("utf-8")
        name = re.search(r'^  name: "(.*)"$', page, re.MULTILINE)[1]
        new = name[: -len(" Jr")] if name.endswith(" Jr") else f"{name} Jr"
        speaker.write_text(page.replace(f'  name: "{name}"\n', f'  name: "{new}"\n').replace(f"# {name}\n", f"# {new}\n"),
                           "utf-8")
        return f"{name} is {new}"
    # a talk withdrawn and another in its place: one page goes, another comes
    talk.unlink()
    (repo / "talks" / f"added-{number}.md").write_text(
        re.sub(r"^# (.*)$", rf"# Added {number}: \1", text, count=1, flags=re.MULTILINE), "utf-8")
    return f"{talk.stem} withdrawn, another talk in its slot"


def make_repository(work: Path, talks: int, commits: int, seed: int) -> Path:
    repo = work / "site"
    bench.write_site(bench.generate(talks, seed), repo, extension=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Announce the program")
    rng = random.Random(seed)
    for number in range(1, commits):
        subject = organiser_edit(repo, rng, number)
        git(repo, "add", "-A", day=number)
        git(repo, "commit", "-qm", subject, day=number)
    return repo


def time_history(repo: Path, cache: Path) -> tuple[float, int, int]:
    from sphinx.config import Config
    from sphinx.util.tags import Tags

    from symposium.environment.config import CONFIG_VALUES, config_problems, event_of
    from symposium.environment.git_history import Reading, config_names, read_history

    config = Config.read(repo, overrides={}, tags=Tags())
    for name, (default, rebuild, types) in CONFIG_VALUES.items():
        config.add(name, default, rebuild, types, "")
    config_problems(config)
    values = {name: config[name] for name in config_names()}
    started = time.perf_counter()
    found = read_history(repo, cache, values, lambda v: event_of(_Values(v)), Reading())
    took = time.perf_counter() - started
    changes = sum(len(v.changes) for v in found.history.published)
    return took, len(found.history.versions), changes


class _Values:
    def __init__(self, values: dict) -> None:
        self.__dict__.update(values)


def build(src: Path, out: Path, *, fresh: bool) -> float:
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "dirhtml", "-W", "-d", str(out / "doctrees"), str(src),
               str(out / "html")]
    if fresh:
        command.insert(3, "-E")
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    took = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"the build of {src} failed:\n{done.stderr[-3000:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--talks", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", help="keep the repository and builds here (default: a temporary folder)")
    args = parser.parse_args()
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="history-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    repo = make_repository(work, args.talks, args.commits, args.seed)
    print(f"repository: {args.talks} talks, {args.commits} commits, made in {time.perf_counter() - started:.0f} s")

    fresh_runs = []
    for run in range(args.repeat):
        cache = work / f"cache-{run}"
        shutil.rmtree(cache, ignore_errors=True)
        took, versions, changes = time_history(repo, cache)
        fresh_runs.append(took)
    print(f"history, fresh:          {statistics.median(fresh_runs):6.2f} s  ({versions} versions, {changes} changes "
          "published)  target: a few seconds")
    one_runs = []
    rng = random.Random(args.seed + 1)
    for run in range(args.repeat):
        cache = work / f"cache-{run}"
        subject = organiser_edit(repo, rng, args.commits + run)
        git(repo, "add", "-A", day=args.commits + run)
        git(repo, "commit", "-qm", subject, day=args.commits + run)
        took, _, _ = time_history(repo, cache)
        one_runs.append(took)
    print(f"history, one new commit: {statistics.median(one_runs):6.2f} s  target: a few seconds (the pages of the last commit read are parsed again, then only what the new commit changed)")

    outside = work / "outside"
    shutil.rmtree(outside, ignore_errors=True)
    shutil.copytree(repo, outside, ignore=shutil.ignore_patterns(".git"))
    with_git = build(repo, work / "build-git", fresh=True)
    without = build(outside, work / "build-outside", fresh=True)
    print(f"build, fresh:            {with_git:6.2f} s in the repository, {without:6.2f} s outside git "
          f"(the history adds {with_git - without:+.2f} s)")
    subject = organiser_edit(repo, rng, args.commits + args.repeat)
    git(repo, "add", "-A", day=args.commits + args.repeat)
    git(repo, "commit", "-qm", subject, day=args.commits + args.repeat)
    incremental = build(repo, work / "build-git", fresh=False)
    print(f"build, after one commit: {incremental:6.2f} s (incremental: the history and the pages it reaches)")
    print(f"work folder: {work}")


if __name__ == "__main__":
    main()
