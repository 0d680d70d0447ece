"""Differential harness, suites half: extracts the public test suites (GFM spec examples,
kramdown's and kramdown-parser-gfm's test cases) from git mirrors and reads/writes the committed
JSON lines files under tests/data/differential/. Imports nothing from tileditor or Qt."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "differential"
MIRRORS = Path("/work/.mirror")


@dataclass(frozen=True)
class Suite:
    name: str
    repo: str  # owner/name on GitHub
    licence: str
    licence_file: str  # path in the repo whose text is copied next to the cases


SUITES = {
    "gfm-spec": Suite("gfm-spec", "github/cmark-gfm", "CC BY-SA 4.0 (the spec text, test/spec.txt)",
                      ""),
    "kramdown": Suite("kramdown", "gettalong/kramdown", "MIT", "COPYING"),
    "kramdown-parser-gfm": Suite("kramdown-parser-gfm", "kramdown/parser-gfm", "MIT", "COPYING"),
}


def cases_path(suite: str) -> Path:
    return DATA / suite / "cases.jsonl"


def load(suite: str) -> list[dict]:
    with cases_path(suite).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def save(suite: str, cases: list[dict]) -> None:
    path = cases_path(suite)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for case in cases:
            fh.write(json.dumps(case, ensure_ascii=False, sort_keys=True) + "\n")


# ------------------------------------------------------------------ reading a mirror


def git_dir(repo: str, mirrors: Path = MIRRORS) -> Path:
    base = mirrors / repo.replace("/", "+") / "repo"
    return base / ".git" if (base / ".git").is_dir() else base


def _git(gdir: Path, *args: str) -> str:
    return subprocess.run(["git", f"--git-dir={gdir}", *args], check=True, capture_output=True,
                          text=True, encoding="utf-8", errors="surrogateescape").stdout


def head_commit(gdir: Path) -> str:
    return _git(gdir, "rev-parse", "HEAD").strip()


def read_blob(gdir: Path, path: str) -> str:
    return _git(gdir, "show", f"HEAD:{path}")


_FENCE_OPEN = re.compile(r"^`{32} example")
_FENCE_CLOSE = "`" * 32


def spec_examples(spec: str) -> list[dict]:
    """The examples of a CommonMark/GFM spec.txt: `→` stands for a tab, as spec_tests.py reads."""
    out, section, lines, part = [], "", None, 0
    for line in spec.split("\n"):
        if lines is None:
            if line.startswith("#"):
                section = line.lstrip("#").strip()
            elif _FENCE_OPEN.match(line):
                lines, part = ([], []), 0
            continue
        if line == _FENCE_CLOSE:
            number = len(out) + 1
            slug = re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-")
            out.append({"id": f"{number:03d}-{slug}",
                        "markdown": "".join(lines[0]).replace("\u2192", "\t")})
            lines = None
        elif line == "." and part == 0:
            part = 1
        elif part == 0:
            lines[0].append(line + "\n")
    return out


def testcase_files(gdir: Path, prefix: str = "test/testcases/") -> list[dict]:
    """Every `*.text` input under test/testcases (its id is the path without the suffix)."""
    names = _git(gdir, "ls-tree", "-r", "--name-only", "HEAD", prefix).split("\n")
    out = []
    for name in sorted(n for n in names if n.endswith(".text")):
        out.append({"id": name[len(prefix):-len(".text")], "markdown": read_blob(gdir, name)})
    return out


def extract(suite: str, mirrors: Path = MIRRORS) -> tuple[list[dict], str]:
    """(cases without kramdown output, source commit) from the mirror of `suite`."""
    gdir = git_dir(SUITES[suite].repo, mirrors)
    if not gdir.is_dir():
        raise FileNotFoundError(f"no mirror of {SUITES[suite].repo} at {gdir}")
    if suite == "gfm-spec":
        cases = spec_examples(read_blob(gdir, "test/spec.txt"))
    else:
        cases = testcase_files(gdir)
    return cases, head_commit(gdir)


def write_licence(suite: str, commit: str, mirrors: Path = MIRRORS) -> None:
    info = SUITES[suite]
    gdir = git_dir(info.repo, mirrors)
    note = (f"# {suite}\n\nInputs extracted from https://github.com/{info.repo} at commit "
            f"{commit}\n(`tools/differential.py --extract`). Licence: {info.licence}.\n"
            "`kramdown_html` is what kramdown 2.4 with kramdown-parser-gfm 1.1 (Debian's "
            "packages, through\nJekyll 4.3's converter with its default settings) prints for "
            "each input.\n")
    if info.licence_file:
        note += "\n## Licence of the source\n\n" + read_blob(gdir, info.licence_file)
    else:
        note += ("\nThe GFM spec is licensed under the Creative Commons Attribution-ShareAlike "
                 "4.0\nInternational licence: http://creativecommons.org/licenses/by-sa/4.0/ "
                 "(the spec's own\nfront matter says `license: '[CC-BY-SA 4.0]'`). The "
                 "examples here are adapted from it\nand are shared under the same licence.\n")
    (DATA / suite / "LICENCE.md").write_text(note, encoding="utf-8")
