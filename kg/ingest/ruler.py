"""Apply a spaCy attribute ruler's patterns through an index instead of spaCy's ``Matcher``.

The English pipelines map fine-grained tags to parts of speech, morphology and some lemmas with an
``attribute_ruler`` of ~180 token patterns. spaCy's ``Matcher`` tries every pattern at every token,
which made the ruler the slowest component of the small pipeline here (slower than the parser). Its
patterns are plain equality and set tests on a token's tag, lowercase form or dependency, so an index
on the tag and the lowercase form finds the few patterns that can match a token. The result is the
same: matches are found first, then applied in the ruler's order (a later pattern wins), with the
ruler's own normalised attributes and spaCy's own setter. A ruler with patterns this index cannot
read (operators, other attributes, extension attributes) is kept as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: Matcher attributes read as strings of the token (the attribute's ``_`` form).
STRING_ATTRS = {"ORTH": "orth_", "LOWER": "lower_", "TAG": "tag_", "DEP": "dep_", "POS": "pos_"}
#: Matcher attributes read as booleans.
FLAG_ATTRS = {"IS_SPACE": "is_space"}
#: Attributes a pattern may be indexed on, in order of preference (the most selective first).
INDEXED = ("lower_", "tag_", "dep_", "pos_", "orth_", "is_space")
FACTORY = "kg_indexed_attribute_ruler"


@dataclass(frozen=True, slots=True)
class _Test:
    """One condition of a token pattern: the token's ``attr`` equals, is in, is not in, or matches."""

    attr: str  # the Token attribute read: "tag_", "lower_", "is_space", ...
    kind: str  # "eq", "in", "not_in", "regex"
    value: object

    def holds(self, token) -> bool:
        got = getattr(token, self.attr)
        if self.kind == "eq":
            return got == self.value
        if self.kind == "in":
            return got in self.value
        if self.kind == "not_in":
            return got not in self.value
        return self.value.search(got) is not None


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One alternative of a ruler entry: token tests in sequence, and the entry it belongs to."""

    entry: int  # index into the ruler's attrs/indices: the order matches are applied in
    tokens: tuple[tuple[_Test, ...], ...]
    index: int  # which token of the match takes the attributes (negative counts from the end)


class IndexedAttributeRuler:
    """Set token attributes as an ``AttributeRuler`` does, finding matches through an index.

    A pattern is tried only at tokens whose lowercase form or tag its first token asks for (patterns
    that ask for neither are tried everywhere); what a set of matching entries sets together is
    merged once and cached.
    """

    def __init__(self, attrs: list[dict], patterns: list[_Pattern]):
        self.attrs = attrs
        self.by_value: dict[tuple[str, object], list[_Pattern]] = {}
        self.always: list[_Pattern] = []
        for pattern in patterns:
            keys = _index_keys(pattern.tokens[0])
            for key in keys:
                self.by_value.setdefault(key, []).append(pattern)
            if not keys:
                self.always.append(pattern)
        self.indexed = tuple(a for a in INDEXED if any(key[0] == a for key in self.by_value))
        self._merged: dict[tuple[int, ...], dict] = {}

    @classmethod
    def from_ruler(cls, ruler) -> IndexedAttributeRuler | None:
        """Compile ``ruler``'s patterns; return None if any uses what this index cannot read."""
        if any("_" in attrs for attrs in ruler.attrs):
            return None  # extension attributes are set through the token, not merged here
        compiled = []
        for entry, spec in enumerate(ruler.patterns):
            for alternative in spec["patterns"]:
                tokens = []
                for token_spec in alternative:
                    tests = _tests(token_spec)
                    if tests is None:
                        return None
                    tokens.append(tests)
                if not tokens:
                    return None
                compiled.append(_Pattern(entry, tuple(tokens), ruler.indices[entry]))
        return cls(list(ruler.attrs), compiled)

    def __call__(self, doc: Doc) -> Doc:
        # Every match is found before any attribute is set, as the Matcher does.
        found: dict[int, set[int]] = {}  # token index -> entries whose patterns set its attributes
        n = len(doc)
        by_value, indexed = self.by_value, self.indexed
        for i, token in enumerate(doc):
            candidates = list(self.always)
            for attr in indexed:
                candidates += by_value.get((attr, getattr(token, attr)), ())
            for pattern in candidates:
                if _matches_at(pattern, doc, i, n, token):
                    target = i + pattern.index if pattern.index >= 0 else i + len(pattern.tokens) + pattern.index
                    found.setdefault(target, set()).add(pattern.entry)
        for i, entries in found.items():
            key = tuple(sorted(entries))
            merged = self._merged.get(key)
            if merged is None:
                merged = self._merged[key] = self._merge(key)
            if merged:
                set_token_attrs(doc[i], merged)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def _merge(self, entries: tuple[int, ...]) -> dict:
        """Return the attributes ``entries`` set, applied in order (a later entry wins on a token).

        The attributes are separate fields of a token (tag, part of speech, morphology, lemma...), so
        setting the merged dict once leaves the token as setting each entry's dict in turn does.
        """
        merged: dict = {}
        for entry in entries:
            merged.update(self.attrs[entry])
        return merged


def _matches_at(pattern: _Pattern, doc: Doc, i: int, n: int, token) -> bool:
    """Tell whether ``pattern`` matches ``doc`` at token ``i`` (``token``; ``n`` tokens in all)."""
    tokens = pattern.tokens
    if i + len(tokens) > n:
        return False
    for test in tokens[0]:
        if not test.holds(token):
            return False
    for k in range(1, len(tokens)):
        other = doc[i + k]
        for test in tokens[k]:
            if not test.holds(other):
                return False
    return True


def _tests(token_spec: dict) -> tuple[_Test, ...] | None:
    """Return the tests of one token of a Matcher pattern, or None if one is not plain."""
    tests = []
    for key, value in token_spec.items():
        if key in FLAG_ATTRS:
            if not isinstance(value, bool):
                return None
            tests.append(_Test(FLAG_ATTRS[key], "eq", value))
            continue
        attr = STRING_ATTRS.get(key)
        if attr is None:
            return None
        if isinstance(value, str):
            tests.append(_Test(attr, "eq", value))
        elif isinstance(value, dict) and len(value) == 1:
            ((op, arg),) = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
                tests.append(_Test(attr, op.lower(), frozenset(arg)))
            elif op == "REGEX" and isinstance(arg, str):
                tests.append(_Test(attr, "regex", re.compile(arg)))
            else:
                return None
        else:
            return None
    return tuple(tests)


def _index_keys(tests: tuple[_Test, ...]) -> list[tuple[str, object]]:
    """Return the (attribute, value) pairs under which a pattern's first token is indexed.

    A pattern is found through one attribute only (the first of ``INDEXED`` it tests by equality or
    by a set), so no pattern is tried twice at one token; a pattern with neither is tried everywhere.
    """
    for attr in INDEXED:
        for test in tests:
            if test.attr == attr and test.kind == "eq":
                return [(attr, test.value)]
            if test.attr == attr and test.kind == "in":
                return [(attr, v) for v in sorted(test.value)]
    return []


@Language.factory(FACTORY)
def _make_indexed_ruler(nlp: Language, name: str, source: str):
    """Build the indexed ruler from the pipeline's component ``source`` (an ``AttributeRuler``)."""
    compiled = IndexedAttributeRuler.from_ruler(nlp.get_pipe(source))
    if compiled is None:
        raise ValueError(f"{source}: patterns the indexed ruler cannot read")
    return compiled


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace ``nlp``'s attribute ruler ``name`` by the indexed one; return whether it was replaced."""
    if name not in nlp.pipe_names or IndexedAttributeRuler.from_ruler(nlp.get_pipe(name)) is None:
        return False
    nlp.add_pipe(FACTORY, name=f"{name}_indexed", after=name, config={"source": name})
    nlp.remove_pipe(name)
    nlp.rename_pipe(f"{name}_indexed", name)
    return True
