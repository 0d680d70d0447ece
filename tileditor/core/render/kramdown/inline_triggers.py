"""Inline passes that try a pattern only on text that holds a character every match of it
needs. Python-Markdown's InlineProcessor tries each of its patterns on every text node (the
smarty pass alone has 22); on a 5,000-line post that is 196,000 tries, 97% of them failing,
and most of a full render's time. A pattern whose regex cannot match without, say, a `"` is
skipped on a text without one: the same output, because the skipped try would have found
nothing (the try's result is then exactly what a failed try returns)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import deque

try:  # Python 3.11+: the regex parser's public-but-private home
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

from markdown import util
from markdown.treeprocessors import InlineProcessor

# Python 3.11's regex items (None on 3.10, which has neither).
_POSSESSIVE = getattr(_c, "POSSESSIVE_REPEAT", None)
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_SMALL_CLASS = 8  # a character class of more members than this is not worth a test


def needed_chars(regex: re.Pattern) -> frozenset[str] | None:
    """A set of characters at least one of which is in any text the regex matches somewhere
    in (positive lookarounds count: their characters are in the text too), or None when no
    such small set can be read from the regex."""
    if regex.flags & re.IGNORECASE:
        return None
    try:
        tree = _p.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - an exotic pattern is simply always tried
        return None
    return _sequence(list(tree))


def _sequence(items) -> frozenset[str] | None:
    """The smallest set any required item of a sequence gives (every item must match)."""
    best = None
    for op, arg in items:
        found = _item(op, arg)
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _item(op, arg) -> frozenset[str] | None:
    if op is _c.LITERAL:
        return frozenset(chr(arg))
    if op is _c.IN:
        return _char_class(arg)
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, body = arg
        return None if add_flags & re.IGNORECASE else _sequence(list(body))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _POSSESSIVE):
        low, _high, body = arg
        return _sequence(list(body)) if low >= 1 else None
    if op is _ATOMIC:
        return _sequence(list(arg))
    if op is _c.ASSERT:
        direction, body = arg  # a positive lookahead or lookbehind: its text is in the string
        return _sequence(list(body))
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _sequence(list(branch))
            if found is None:
                return None
            union |= found
        return frozenset(union) if len(union) <= 2 * _SMALL_CLASS else None
    return None  # ANY, categories, anchors, negative lookarounds, backreferences...


def _char_class(members) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, arg in members:
        if op is _c.LITERAL:
            chars.add(chr(arg))
        elif op is _c.RANGE and arg[1] - arg[0] < _SMALL_CLASS:
            chars.update(chr(i) for i in range(arg[0], arg[1] + 1))
        else:  # NEGATE, CATEGORY, a wide range
            return None
    return frozenset(chars) if len(chars) <= _SMALL_CLASS else None


class TriggeredInlineProcessor(InlineProcessor):
    """Python-Markdown's inline pass, skipping a pattern on text that lacks every character
    its matches need. `patterns`: the registry to run (smarty's own pass has its own)."""

    def __init__(self, md, patterns=None) -> None:
        super().__init__(md)
        if patterns is not None:
            self.inlinePatterns = patterns
        self._needs: dict[int, tuple[object, re.Pattern | None, bool]] = {}
        self._order: list = []
        self._any: re.Pattern | None = None  # every pattern's characters, when all have some

    def _entry(self, pattern) -> tuple[object, re.Pattern | None, bool]:
        """(pattern, probe of its needed characters, whether its matches go in one pass)."""
        kept = self._needs.get(id(pattern))
        if kept is None or kept[0] is not pattern:
            regex = pattern.getCompiledRegExp()
            chars = needed_chars(regex)
            # One compiled class per distinct set: the per-text memo below keys on it.
            probe = None if chars is None else _probe("".join(sorted(chars)))
            batch = type(pattern) in FORWARD_ONLY and not looks_behind(regex)
            kept = self._needs[id(pattern)] = (pattern, probe, batch)
        return kept

    def run(self, tree, ancestors=None):
        # The registry sorts and looks up on every index; one list per run serves every node.
        self._order = [self._entry(p) for p in self.inlinePatterns]
        self._any = _union(self._order)
        # Python-Markdown finds the element of each tail it handles with
        # list(parent).index(child): quadratic in a parent's children (the 6,250 code blocks
        # of 50 KB of fence lines). A tail of newlines only (between blocks) holds no inline
        # markup, so those are set aside for the run and put back.
        kept = [(el, el.tail) for el in tree.iter() if el.tail and not el.tail.strip("\n")]
        for el, _tail in kept:
            el.tail = None
        try:
            return self._run(tree, ancestors)
        finally:
            for el, tail in kept:
                el.tail = tail

    # Copies InlineProcessor.run (markdown 3.11; see bundle.COPIES) but for one line: the
    # element of a tail is known by its index, where Python-Markdown finds it with
    # list(parent).index(child), quadratic in a paragraph's children (14,000 links in one
    # paragraph: 2.1 s).
    def _run(self, tree, ancestors=None):
        self.stashed_nodes = {}
        tree_parents = [] if ancestors is None else ancestors[:]
        self.parent_map = {c: p for p in tree.iter() for c in p}
        stack = deque([(tree, tree_parents)])  # list.pop(0) was quadratic in its length
        self._InlineProcessor__build_ancestors(tree, tree_parents)
        handle, place = self._InlineProcessor__handleInline, self._InlineProcessor__processPlaceholders
        while stack:
            current, parents = stack.popleft()
            self.ancestors = parents
            if current is not tree:
                self.ancestors.append(current.tag.lower())
            queue = []
            index = 0
            while index < len(current):  # as `for child in current`, which sees insertions
                child = current[index]
                if child.text and not isinstance(child.text, util.AtomicString):
                    self.ancestors.append(child.tag.lower())
                    text = child.text
                    child.text = None
                    lst = place(handle(text), child)
                    for item in lst:
                        self.parent_map[item[0]] = child
                    stack.extend(lst)
                    queue.append((child, lst))
                    self.ancestors.pop()
                if child.tail:
                    tail = handle(child.tail)
                    dummy = etree.Element("d")
                    child.tail = None
                    result = place(tail, dummy, False)
                    if dummy.tail:
                        child.tail = dummy.tail
                    result.reverse()
                    for new in result:
                        self.parent_map[new[0]] = current
                        current.insert(index + 1, new[0])
                if len(child):
                    self.parent_map[child] = current
                    stack.append((child, self.ancestors[:]))
                index += 1
            for element, lst in queue:
                for i, obj in enumerate(lst):
                    element.insert(i, obj[0])
        return tree

    # Copies InlineProcessor.__handleInline (markdown 3.11; see bundle.COPIES), with the skip.
    def _InlineProcessor__handleInline(self, data, patternIndex=0):  # noqa: N802,N803
        if isinstance(data, util.AtomicString):
            return data
        if not self._order:
            self._order = [self._entry(p) for p in self.inlinePatterns]
            self._any = _union(self._order)
        order = self._order
        if patternIndex == 0 and self._any is not None and self._any.search(data) is None:
            return data  # no pattern's character in it (a footnote's number, a word): 20 skips
        apply = self._InlineProcessor__applyPattern
        start, count = 0, len(order)
        seen: dict = {}  # probe -> whether this text holds one of its characters
        while patternIndex < count:
            pattern, probe, batch = order[patternIndex]
            if probe is not None and start == 0:
                holds = seen.get(probe)
                if holds is None:
                    holds = seen[probe] = probe.search(data) is not None
                if not holds:
                    patternIndex += 1  # what the failed try would return: (data, False, 0)
                    continue
            if batch:
                new = self._apply_all(pattern, data, patternIndex, start)
                if new is not data:
                    seen.clear()
                data, start = new, 0
                patternIndex += 1
                continue
            data, matched, start = apply(pattern, data, patternIndex, start)
            if matched:
                seen.clear()  # the text changed (placeholders hold characters too)
            else:
                patternIndex += 1
        return data

    def _apply_all(self, pattern, data: str, pattern_index: int, start: int) -> str:
        """Every match of a forward-only pattern from `start`, as __applyPattern's calls one
        after another make them, but the text is built once: __applyPattern rebuilds the
        whole text around each placeholder (20,000 `[^1]` in one paragraph: 2 GB copied).
        The same result, because such a pattern's regex and handleMatch read the text only
        from where the search resumes, which is the same text either way."""
        if any(exclude.lower() in self.ancestors for exclude in pattern.ANCESTOR_EXCLUDES):
            return data
        regex, handle = pattern.getCompiledRegExp(), self._InlineProcessor__handleInline
        pieces = [data[:start]]
        done = pos = start
        while True:
            for match in regex.finditer(data, pos):
                node, begin, end = pattern.handleMatch(match, data)
                if begin is not None and end is not None:
                    break
            else:
                break
            pos = end
            if node is None:
                continue
            if not isinstance(node, str) and not isinstance(node.text, util.AtomicString):
                for child in [node, *node]:
                    if child.text:
                        self.ancestors.append(child.tag.lower())
                        child.text = handle(child.text, pattern_index + 1)
                        self.ancestors.pop()
                    if child.tail:
                        child.tail = handle(child.tail, pattern_index)
            pieces += (data[done:begin], self._InlineProcessor__stashNode(node, pattern.type()))
            done = end
        if len(pieces) == 1:
            return data
        pieces.append(data[done:])
        return "".join(pieces)


# Patterns whose handleMatch reads its text only from the match on (never what comes
# before it, where Python-Markdown's text holds the placeholders of earlier matches): their
# matches are made in one pass when their regex does not look behind either.
FORWARD_ONLY: set[type] = set()


def forward_only(cls: type) -> type:
    """Class decorator: see FORWARD_ONLY (exact types only: a subclass may read more)."""
    FORWARD_ONLY.add(cls)
    return cls


_BEHIND_AT = {_c.AT_BEGINNING, _c.AT_BEGINNING_LINE, _c.AT_BEGINNING_STRING, _c.AT_BOUNDARY,
              _c.AT_NON_BOUNDARY, _c.AT_LOC_BOUNDARY, _c.AT_LOC_NON_BOUNDARY,
              _c.AT_UNI_BOUNDARY, _c.AT_UNI_NON_BOUNDARY}


def looks_behind(regex: re.Pattern) -> bool:
    """Whether the regex may read characters before where a search starts (a look-behind,
    `^`, `\\b`...); True when it cannot be parsed."""
    try:
        tree = _p.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - an exotic pattern is treated as looking behind
        return True
    return _behind(list(tree))


def _behind(items) -> bool:
    for op, arg in items:
        if op is _c.AT and arg in _BEHIND_AT:
            return True
        if op in (_c.ASSERT, _c.ASSERT_NOT) and arg[0] < 0:
            return True
        if any(_behind(list(sub)) for sub in _parts(op, arg)):
            return True
    return False


def _parts(op, arg) -> list:
    """The sub-sequences of one regex item."""
    if op is _c.SUBPATTERN:
        return [arg[3]]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _POSSESSIVE):
        return [arg[2]]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [arg[1]]
    if op is _c.BRANCH:
        return list(arg[1])
    if op is _ATOMIC:
        return [arg]
    if op is _c.GROUPREF_EXISTS:
        return [b for b in arg[1:] if b is not None]
    return []


_PROBES: dict[str, re.Pattern] = {}
_PROBE_CHARS: dict[re.Pattern, str] = {}


def _union(order) -> re.Pattern | None:
    """One class of every pattern's needed characters, or None when a pattern has none."""
    chars: set[str] = set()
    for _pattern, probe, _batch in order:
        if probe is None:
            return None
        chars.update(_PROBE_CHARS[probe])
    return _probe("".join(sorted(chars)))


def _probe(chars: str) -> re.Pattern:
    found = _PROBES.get(chars)
    if found is None:
        found = _PROBES[chars] = re.compile("[" + "".join(re.escape(c) for c in chars) + "]")
        _PROBE_CHARS[found] = chars
    return found
