"""An annotation (highlight, note or bookmark) as stored and exported, with the checks an import applies."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

KINDS = ("highlight", "note", "bookmark")
COLORS = ("yellow", "green", "blue", "pink")
STATUSES = ("exact", "moved", "fuzzy", "orphaned")
INT_FIELDS = ("block", "start", "end")


@dataclass
class Annotation:
    id: str
    doc: str
    kind: str
    block: int
    block_id: str
    start: int
    end: int
    node: str
    quote: str
    prefix: str
    suffix: str
    color: str
    note: str
    name: str
    status: str
    created: float
    updated: float
    deleted: float | None = None
    tags: list[str] = field(default_factory=list)

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @staticmethod
    def from_json(data: dict[str, Any]) -> Annotation:
        """An annotation from an export; raises ValueError naming the first field that is missing or wrong."""
        if not isinstance(data, dict):
            raise ValueError("不是一个对象")
        missing = {"id", "doc", "kind"} - set(data)
        if missing:
            raise ValueError(f"缺少字段 {', '.join(sorted(missing))}")
        now = time.time()
        values: dict[str, Any] = {
            "block": 0, "block_id": "", "start": 0, "end": 0, "node": "", "quote": "", "prefix": "",
            "suffix": "", "color": "", "note": "", "name": "", "status": "exact",
            "created": now, "updated": now, "deleted": None, "tags": [],
        }  # fmt: skip
        for name in Annotation.__dataclass_fields__:
            if name not in data:
                continue
            value = data[name]
            if name in INT_FIELDS:
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    raise ValueError(f"字段 {name} 应为非负整数，读到 {value!r}")
            elif name in ("created", "updated") or (name == "deleted" and value is not None):
                if not isinstance(value, int | float) or isinstance(value, bool) or value != value:
                    raise ValueError(f"字段 {name} 应为时间戳（数字），读到 {value!r}")
                value = float(value)
            elif name == "tags":
                if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
                    raise ValueError(f"字段 tags 应为文字列表，读到 {value!r}")
                value = sorted({t.strip() for t in value if t.strip()})
            elif name != "deleted" and not isinstance(value, str):
                raise ValueError(f"字段 {name} 应为文字，读到 {value!r}")
            values[name] = value
        if not values["id"] or not values["doc"]:
            raise ValueError("字段 id 和 doc 不能为空")
        if values["kind"] not in KINDS:
            raise ValueError(f"类型“{values['kind']}”未知（可用：{'、'.join(KINDS)}）")
        if values["color"] and values["color"] not in COLORS:
            raise ValueError(f"颜色“{values['color']}”未知（可用：{'、'.join(COLORS)}）")
        if values["status"] not in STATUSES:
            raise ValueError(f"状态“{values['status']}”未知")
        if values["start"] > values["end"]:
            raise ValueError(f"起始位置 {values['start']} 在结束位置 {values['end']} 之后")
        return Annotation(**values)
