"""Generated benchmark inputs: TIL-style posts of a given length, Jekyll repos (one small, one
of 2,000 posts in `_posts/YYYY/` folders) and large noisy JPEGs. Deterministic per seed;
imports Qt only inside `make_jpeg`."""

from __future__ import annotations

import base64
import random
import re
from datetime import date, timedelta
from pathlib import Path

WORDS = (
    "query index table window function join partition cache latency model training batch "
    "gradient tensor container image cluster pod deploy pipeline schema migration commit "
    "branch rebase merge kernel thread lock queue event stream offset consumer producer "
    "vector embedding prompt token layer attention dataset split metric loss epoch"
).split()
KOREAN = "오늘 배운 것 정리 데이터 모델 학습 배포 회고 문제 해결".split()
TAGS = ["TIL", "TIL_25", "MLOps", "SQL", "Python", "Docker", "Kubernetes", "Git", "Linux",
        "Spark", "Kafka", "PyTorch", "Airflow", "AWS", "Notice", "Review", "Algorithm", "DB"]
CATEGORIES = ["TIL", "MLOps", "DataEngineering", "Notice", "Review", "Algorithm"]

TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5E"
    "rkJggg==")

CONFIG = """title: Bench TIL
url: https://bench.github.io
baseurl: ""
permalink: /:categories/:title/
words_per_minute: 200
markdown: kramdown
kramdown:
  input: GFM
  toc_levels: 1..3
"""

CODE = {
    "python": ["import pandas as pd", "", "df = pd.read_csv('sales.csv')",
               "df['total'] = df.groupby('region')['amount'].transform('sum')",
               "for row in df.itertuples():", "    print(row.region, row.total)"],
    "sql": ["SELECT region,", "       amount,",
            "       SUM(amount) OVER (PARTITION BY region ORDER BY day) AS running",
            "FROM sales", "WHERE day >= '2025-01-01';"],
    "bash": ["docker build -t til:latest .", "kubectl apply -f deploy.yaml",
             "kubectl rollout status deploy/til"],
}


def _sentence(rng: random.Random, n: int | None = None) -> str:
    words = [rng.choice(WORDS) for _ in range(n or rng.randint(8, 18))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), f"`{rng.choice(WORDS)}()`")
    if rng.random() < 0.25:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**"
    if rng.random() < 0.15:
        words.append(f"[docs](https://example.com/{rng.choice(WORDS)})")
    if rng.random() < 0.1:
        words.insert(0, rng.choice(KOREAN))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> list[str]:
    # Hard-wrapped like many hand-written posts; sometimes a two-space line break.
    lines = [" ".join(_sentence(rng) for _ in range(2)) for _ in range(rng.randint(1, 4))]
    if len(lines) > 1 and rng.random() < 0.3:
        lines[0] += "  "
    return lines


def _section(rng: random.Random, n: int, slug: str) -> list[str]:
    """One `##` section of a TIL post, mixing the block types real posts use."""
    out = [f"## {n}. {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}", ""]
    out += _paragraph(rng) + [""]
    kind = n % 6
    if kind == 0:
        lang = rng.choice(list(CODE))
        out += [f"```{lang}", *CODE[lang], "```", ""]
    elif kind == 1:
        out += [f"- {_sentence(rng, 6)}" for _ in range(3)]
        out += [f"  - {_sentence(rng, 5)}", f"1. {_sentence(rng, 5)}",
                f"2. {_sentence(rng, 5)}", ""]
    elif kind == 2:
        out += ["| metric | before | after |", "|---|---:|---:|"]
        out += [f"| {rng.choice(WORDS)} | {rng.randint(1, 999)} | {rng.randint(1, 999)} |"
                for _ in range(4)]
        out += [""]
    elif kind == 3:
        out += ["<center>", f'<img src="../../images/{slug}/fig{n}.png" width="85%">',
                "<br><br>", f"<I>Figure {n}</I>", "</center>", ""]
    elif kind == 4:
        out += [f"![diagram {n}]({{{{ site.baseurl }}}}/images/{slug}/diagram{n}.png)",
                "{: .align-center}", "", f"> {_sentence(rng)}", "{: .notice--info}", ""]
    else:
        out += ["{% raw %}", "```yaml", "value: {{ secrets.TOKEN }}", "```", "{% endraw %}", "",
                f"### {rng.choice(WORDS).capitalize()} note", "", *_paragraph(rng), ""]
    out += _paragraph(rng) + [""]
    return out


def make_post(lines: int, seed: int = 1, slug: str = "2025-04-22-TIL25_Bench") -> str:
    """A TIL post of about `lines` lines (header included), ending without a final newline."""
    rng = random.Random(seed)
    head = ["---", 'title: "TIL :: Bench post"',
            "tag: [TIL_25, MLOps, SQL]", "categories: TIL", "read_time: True", "toc: true ",
            "typora-root-url: ../", "---", "", "* TOC", "{:toc}", "",
            f"오늘 배운 것. See [the last post]({{{{ site.baseurl }}}}/til/{slug}/).", ""]
    body: list[str] = []
    n = 1
    while len(head) + len(body) < lines:
        body += _section(rng, n, slug)
        n += 1
    out = (head + body)[:lines]
    if not out[-1].strip():
        out[-1] = _sentence(rng)  # exactly `lines` lines, no final newline (as a third of posts)
    return "\n".join(out)


def middle_paragraph_line(text: str) -> int:
    """0-based index of a plain paragraph line nearest the middle (outside code fences)."""
    lines = text.split("\n")
    in_fence, candidates = False, []
    for i, line in enumerate(lines):
        if line.startswith("```"):
            in_fence = not in_fence
            continue
        if not in_fence and line[:1].isalpha() and len(line) > 40:
            candidates.append(i)
    mid = len(lines) // 2
    return min(candidates, key=lambda i: abs(i - mid))


def make_small_repo(root: Path, posts: dict[str, str]) -> Path:
    """A Jekyll repo at `root` holding `posts` ({file name: text}) under `_posts/2025/`, with
    a tiny picture for every image the posts link, so the preview loads real files."""
    (root / "_posts" / "2025").mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(CONFIG, encoding="utf-8")
    for name, text in posts.items():
        (root / "_posts" / "2025" / name).write_text(text, encoding="utf-8")
        folder = root / "images" / Path(name).stem
        folder.mkdir(parents=True, exist_ok=True)
        linked = rf"images/{re.escape(Path(name).stem)}/([\w.-]+\.png)"
        for picture in set(re.findall(linked, text)):
            (folder / picture).write_bytes(TINY_PNG)
    return root


def make_big_repo(root: Path, count: int = 2000, seed: int = 7) -> Path:
    """A Jekyll repo of `count` short TIL posts spread over `_posts/YYYY/`, with the header
    styles real blogs mix: `tag: [a, b]`, `[a,b]`, block lists, plain-string categories."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(CONFIG, encoding="utf-8")
    start = date(2019, 1, 1)
    for i in range(count):
        day = start + timedelta(days=i)
        slug = f"TIL{day.year % 100}_Day{i + 1}"
        tags = rng.sample(TAGS, rng.randint(1, 4))
        cat = rng.choice(CATEGORIES)
        style = i % 4
        if style == 0:
            tag_lines = [f"tag: [{', '.join(tags)}]", f"categories: {cat}"]
        elif style == 1:
            tag_lines = [f"tags: [{','.join(tags)}]", f"categories: [{cat}]"]
        elif style == 2:
            tag_lines = ["tags:", *[f"  - {t}" for t in tags], "categories:", f"- {cat}"]
        else:
            tag_lines = [f"tag: [{', '.join(tags)}]", f"category: {cat}", "toc: true "]
        head = ["---", f'title: "TIL :: Day {i + 1} {rng.choice(WORDS)}"', *tag_lines,
                "read_time: True", "typora-root-url: ../", "---", ""]
        body = [f"# {rng.choice(WORDS).capitalize()}", "", *_paragraph(rng), "",
                "```python", *CODE["python"][:3], "```", "", *_paragraph(rng)]
        folder = root / "_posts" / str(day.year)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{day.isoformat()}-{slug}.md").write_text("\n".join(head + body),
                                                             encoding="utf-8")
    return root


def make_jpeg(path: Path, width: int = 4000, height: int = 3000, seed: int = 0,
              quality: int = 90) -> int:
    """A photo-like JPEG: smooth colour fields plus grain, so it neither compresses to
    nothing (flat) nor balloons (pure noise). Returns the file size in bytes."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    rng = random.Random(seed)
    small = QImage(bytes(rng.getrandbits(8) for _ in range(80 * 60 * 3)), 80, 60, 240,
                   QImage.Format.Format_RGB888).copy()
    base = small.scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.SmoothTransformation).convertToFormat(
        QImage.Format.Format_RGB32)
    grain = QImage(rng.randbytes(256 * 256 * 3), 256, 256, 768, QImage.Format.Format_RGB888).copy()
    painter = QPainter(base)
    painter.setOpacity(0.18)
    for y in range(0, height, 256):
        for x in range(0, width, 256):
            painter.drawImage(x, y, grain)
    painter.setOpacity(1.0)
    painter.fillRect(10 + seed * 20, 10, 15, 15, QColor("#ff0000"))  # makes each seed distinct
    painter.end()
    if not base.save(str(path), "JPEG", quality):
        raise RuntimeError(f"could not write {path}")
    return path.stat().st_size

