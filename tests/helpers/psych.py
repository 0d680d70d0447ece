"""Ruby's Psych (the YAML reader Jekyll uses for front matter) as a test oracle: one Ruby
process for a whole test session, fed one JSON document per line, answering one JSON line.
Tests skip when ruby is absent (CI has it)."""

from __future__ import annotations

import json
import shutil
import subprocess

# Jekyll::Utils.safe_load_yaml: Psych.safe_load(yaml, permitted_classes: [Date, Time], aliases: true)
_SCRIPT = r'''
require "json"; require "psych"; require "date"
def plain(v)
  case v
  when Hash then {"map" => v.map { |k, x| [plain(k), plain(x)] }}
  when Array then v.map { |x| plain(x) }
  when Time then {"time" => v.strftime("%Y-%m-%d %H:%M:%S")}
  when Date then {"date" => v.iso8601}
  when Float then (v.nan? || v.infinite?) ? {"float" => v.to_s} : v
  else v
  end
end
STDIN.each_line do |line|
  begin
    v = Psych.safe_load(JSON.parse(line), permitted_classes: [Date, Time], aliases: true)
    out = {"ok" => plain(v)}
  rescue Exception => e
    out = {"error" => "#{e.class}: #{e.message}"}
  end
  puts JSON.generate(out, ascii_only: true)
  STDOUT.flush
end
'''


class Psych:
    """A running `ruby` reading YAML documents with Psych, the way Jekyll reads front matter."""

    def __init__(self):
        self._proc = subprocess.Popen(["ruby", "-e", _SCRIPT], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def load(self, yaml_text: str) -> dict:
        """{"ok": value} (mappings as {"map": [[k, v], ...]}) or {"error": message}."""
        self._proc.stdin.write(json.dumps(yaml_text) + "\n")
        self._proc.stdin.flush()
        return json.loads(self._proc.stdout.readline())

    def close(self) -> None:
        self._proc.stdin.close()
        self._proc.wait(timeout=10)


def available() -> bool:
    return shutil.which("ruby") is not None


def as_psych(value):
    """A Python value as the oracle prints the same value read by Psych."""
    from datetime import date, datetime

    from tileditor.core.frontmatter import MappingKey

    if isinstance(value, MappingKey):
        return {"map": [[as_psych(k), as_psych(v)] for k, v in value]}
    if isinstance(value, dict):
        return {"map": [[as_psych(k), as_psych(v)] for k, v in value.items()]}
    if isinstance(value, (list, tuple)):
        return [as_psych(v) for v in value]
    if isinstance(value, datetime):
        return {"time": value.strftime("%Y-%m-%d %H:%M:%S")}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    return value
