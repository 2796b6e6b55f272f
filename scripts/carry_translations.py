"""After `pyside6-lupdate`: give a message that moved to another class (a new translation context) the translation
it already had, and drop the vanished copy. Only exact source matches are carried; anything else stays unfinished
for a person to translate.

Usage: python scripts/carry_translations.py resources/i18n/policy_reader_en.ts
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def carry(ts: Path) -> int:
    tree = ET.parse(ts)
    root = tree.getroot()
    known: dict[str, str] = {}
    for message in root.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or not translation.text:
            continue
        if translation.get("type") in (None, "vanished", "obsolete"):
            known.setdefault(source.text or "", translation.text)
    carried = 0
    for context in root.iter("context"):
        for message in list(context.iter("message")):
            source, translation = message.find("source"), message.find("translation")
            if source is None or translation is None:
                continue
            kind = translation.get("type")
            if kind == "unfinished" and (source.text or "") in known:  # lupdate may have pre-filled a guess
                translation.text = known[source.text or ""]
                del translation.attrib["type"]
                carried += 1
            elif kind in ("vanished", "obsolete"):
                context.remove(message)
    for context in list(root.iter("context")):
        if context.find("message") is None:
            root.remove(context)
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return carried


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/i18n/policy_reader_en.ts")
    print(f"{carry(path)} translations carried to their new context in {path}")
