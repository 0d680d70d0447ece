"""Differential harness, oracle half: real kramdown through Jekyll's own converter
(`Jekyll::Converters::Markdown::KramdownParser` with Jekyll's default `kramdown:` settings, or a
site's), every input through ONE long-lived Ruby process. Imports nothing from tileditor or Qt."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterable

# Jekyll's converter (not a bare Kramdown::Document) so the options are exactly the ones a site
# gets: Configuration.from merges Jekyll's DEFAULTS["kramdown"] (input GFM, hard_wrap false,
# auto_ids, footnote_nr 1, entity_output as_char, toc_levels 1..6, smart_quotes, guess_lang) and
# KramdownParser#setup adds syntax_highlighter rouge with default_lang plaintext.
# One JSON object per line in, one per line out, flushed, so callers can stream or batch.
RUBY = r"""
require "json"
require "jekyll"
$stdout.sync = true
# Jekyll renders Liquid first; undefined variables are empty (page/site hold nothing here).
def liquid(text)
  Liquid::Template.parse(text).render({ "page" => {}, "site" => {} })
end
parsers = {}
STDIN.each_line do |line|
  req = JSON.parse(line)
  key = JSON.generate(req["kramdown"] || {})
  parser = (parsers[key] ||= Jekyll::Converters::Markdown::KramdownParser.new(
    Jekyll::Configuration.from("kramdown" => req["kramdown"] || {})))
  begin
    text = req["liquid"] ? liquid(req["markdown"]) : req["markdown"]
    out = { "id" => req["id"], "html" => parser.convert(text) }
  rescue StandardError, SystemStackError => e
    out = { "id" => req["id"], "html" => nil, "error" => "#{e.class}: #{e.message}"[0, 300] }
  end
  # An entity such as &#xD800; decodes (entity_output as_char) to bytes that are not UTF-8.
  out["html"] = out["html"].scrub("\uFFFD") if out["html"]
  puts JSON.generate(out)
end
"""


def available() -> bool:
    """True when ruby with Jekyll (Debian's `jekyll`, `ruby-kramdown-parser-gfm`) can run."""
    if shutil.which("ruby") is None:
        return False
    probe = subprocess.run(["ruby", "-e", 'require "jekyll"; require "kramdown-parser-gfm"'],
                           capture_output=True, timeout=60)
    return probe.returncode == 0


class Kramdown:
    """One Ruby process converting Markdown on request; use as a context manager."""

    def __init__(self, kramdown_config: dict | None = None, liquid: bool = False) -> None:
        self.config = kramdown_config or {}
        self.liquid = liquid  # render Ruby Liquid first, as Jekyll does
        self._proc = subprocess.Popen(
            ["ruby", "-e", RUBY], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, encoding="utf-8", bufsize=1,
        )
        self._n = 0

    def convert(self, markdown: str) -> tuple[str | None, str | None]:
        """(html, error) for one document."""
        self._n += 1
        req = {"id": self._n, "markdown": markdown, "kramdown": self.config,
               "liquid": self.liquid}
        self._proc.stdin.write(json.dumps(req, ensure_ascii=False) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError("the kramdown process ended")
        out = json.loads(line)
        return out.get("html"), out.get("error")

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.stdin.close()
            try:
                self._proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()

    def __enter__(self) -> Kramdown:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def convert_all(markdowns: Iterable[str], kramdown_config: dict | None = None) -> list[tuple]:
    """(html, error) per input, all through one Ruby process (writes and reads interleaved,
    so a big batch never fills a pipe)."""
    with Kramdown(kramdown_config) as kd:
        return [kd.convert(md) for md in markdowns]
