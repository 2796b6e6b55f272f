"""Search ranking on topical queries: the top hits a reader sees, so a ranking change is visible.

Usage: python bench/ranking.py

Each line is a query, the number of paragraphs it finds, and the first three hits by the chapter path and opening
words; ``expected`` is the paragraph a reader would want first, chosen by reading the plan (not by running this),
with its rank. Documents: the bundled plan and the 十五五 outline of the corpus.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.session import Session  # noqa: E402

# (query, opening words of the paragraph a reader wants first)
BUNDLED = [
    ("GDP", "城市综合实力明显提升"),  # the headline target 到2025年GDP达到1.3万亿元左右
    ("先进制造业", "坚持以先进制造业为根基"),  # the chapter's opening paragraph
    ("数字经济", "贯彻落实数字经济发展战略"),  # the chapter's opening paragraph
    ("散裂中子源", "加强基础与应用基础研究"),  # the research-facility item
    ("人才", "深化人才发展体制机制改革"),  # the section's opening paragraph
]
CN15 = [
    ("城镇化率", "3.常住人口城镇化率"),  # the 主要指标 row
    ("研发经费", "4.全社会研发经费投入增长"),  # the 主要指标 row
    ("居民人均可支配收入", "8.居民人均可支配收入增长"),  # the 主要指标 row
]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        session = Session(Path(tmp))
        cn15, _, _ = session.import_file(ROOT / "tests" / "data" / "corpus" / "cn15_fyp_outline_p1-2.txt")
        session.sync_index()
        for doc_id, queries in (("dongguan-14th-fyp", BUNDLED), (cn15.id, CN15)):
            doc = session.document(doc_id)
            print(f"== {doc.title}")
            for query, expected in queries:
                result = session.index.search(query, doc=doc_id, limit=None)
                ranks = [
                    i
                    for i, h in enumerate(result.hits, 1)
                    if h.text.lstrip("\t").startswith(expected) or f"\t{expected}" in h.text
                ]
                print(f"{query}: {result.total} hits; expected “{expected}” at rank {ranks[0] if ranks else '—'}")
                for i, h in enumerate(result.hits[:3], 1):
                    print(f"   {i}. {h.text[:28]}…  [{h.path[-30:]}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
