"""Score extracted targets against hand-made gold, with the matching rules of the project's corpus scorer.

The rules are those stated in ``shared/corpus/score.py`` (the scorer the project is judged by), applied in process
so that tests and ``bench/targets_accuracy.py`` can list each difference:

- texts are compared with all whitespace removed;
- a claim matches a gold fragment when the fragment lies inside the claimed text, or the claimed text (longer than
  6 characters) lies inside the fragment;
- recall of a kind: share of its gold fragments inside some claim of that kind;
- precision of ``target``: share of claimed targets matching a gold target (claims matching only an ``optional``
  fragment are ignored); precision of ``actual``: share of claimed past figures that do not match only a gold target;
- fields over gold items found with the right kind: indicator when one name contains the other (brackets and
  leading numbering dropped), value when any claimed value equals it, unit after ％→% and 个百分点→百分点, year.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("target", "actual")
FIELDS = ("indicator", "value", "unit", "year")


def norm(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def name_key(s: str | None) -> str:
    s = norm(s)
    s = re.sub(r"[（(][^）)]*[）)]", "", s)
    s = re.sub(r"^\d+[.、．]", "", s)
    return s.strip("，。、：:；;")


def unit_key(s: str | None) -> str:
    s = norm(s).replace("％", "%")
    return "百分点" if s in ("个百分点", "百分点") else s


def _inside(text: str, frags: list[str]) -> bool:
    return any(f in text or (len(text) > 6 and text in f) for f in frags)


@dataclass
class KindScore:
    precision: float | None
    recall: float | None
    claimed: int
    gold: int
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


@dataclass
class Score:
    kinds: dict[str, KindScore]
    fields: dict[str, float | None]
    field_errors: list[tuple[str, str, Any, Any]]  # (field, gold fragment, gold value, claimed value)


def load_gold(path: Path) -> list[dict[str, Any]]:
    gold: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return gold


def field_agrees(name: str, g: dict[str, Any], i: dict[str, Any]) -> bool:
    """Whether a claimed item agrees with a gold entry on one field."""
    if name == "indicator":
        gk, ik = name_key(g.get("indicator")), name_key(i.get("indicator"))
        return bool(ik) and (gk in ik or ik in gk)
    if name == "value":
        gv = g.get("value")
        claimed = i.get("values") or []
        return all(
            any(abs(float(v) - float(x)) < 1e-6 * max(1, abs(float(v))) for x in claimed)
            for v in (gv if isinstance(gv, list) else [gv])
            if v is not None
        )
    if name == "unit":
        return unit_key(i.get("unit")) == unit_key(g.get("unit"))
    return str(i.get("year") or "") == str(g.get("year") or "")


def score(items: list[dict[str, Any]], gold: list[dict[str, Any]]) -> Score:
    """Compare claimed items (``Target.to_json()`` dicts) with gold entries."""
    frags = {k: [norm(g["fragment"]) for g in gold if g["kind"] == k] for k in ("target", "actual", "optional")}
    kinds: dict[str, KindScore] = {}
    for kind in KINDS:
        texts = [norm(i.get("text")) for i in items if i.get("kind") == kind]
        texts = [t for t in texts if not (_inside(t, frags["optional"]) and not _inside(t, frags[kind]))]
        found = [f for f in frags[kind] if any(f in t for t in texts)]
        if kind == "target":
            good = [t for t in texts if _inside(t, frags["target"])]
        else:
            good = [t for t in texts if not (_inside(t, frags["target"]) and not _inside(t, frags["actual"]))]
        kinds[kind] = KindScore(
            precision=len(good) / len(texts) if texts else (None if not frags[kind] else 0.0),
            recall=len(found) / len(frags[kind]) if frags[kind] else None,
            claimed=len(texts),
            gold=len(frags[kind]),
            missed=[f for f in frags[kind] if f not in found],
            wrong=[t for t in texts if t not in good],
        )
    tally = {f: [0, 0] for f in FIELDS}
    errors: list[tuple[str, str, Any, Any]] = []
    for g in gold:
        if g["kind"] not in KINDS:
            continue
        frag = norm(g["fragment"])
        cands = [i for i in items if i.get("kind") == g["kind"] and frag in norm(i.get("text"))]
        if not cands:
            continue
        gv = g.get("value")
        skip = {"indicator": not g.get("indicator"), "value": gv is None, "unit": not g.get("unit"), "year": False}
        for name in FIELDS:
            if skip[name]:
                continue
            tally[name][1] += 1
            if any(field_agrees(name, g, i) for i in cands):
                tally[name][0] += 1
            else:
                shown = cands[0].get("values") if name == "value" else cands[0].get(name)
                errors.append((name, g["fragment"], g.get(name), shown))
    fields = {k: (a / n if n else None) for k, (a, n) in tally.items()}
    return Score(kinds, fields, errors)
