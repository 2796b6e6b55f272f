"""Web-page chrome in scraped text: breadcrumbs, dates, source lines, footer links.

They are metadata about the page, not body text of the plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BREADCRUMB = re.compile(r"^(首页|主页|当前位置|您的位置|你的位置|位置)\s*[:：>＞»›]?.*[>＞»›]")
_DATE = re.compile(
    r"^(时间|发布时间|发布日期|日期|更新时间|发文日期|成文日期)\s*[:：]\s*"
    r"(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?)"
)
_SOURCE = re.compile(r"^(来源|信息来源|文章来源|作者|编辑|责任编辑|浏览次数|点击数|字号)\s*[:：]")
_FOOTER = re.compile(r"^(上一篇|下一篇|【打印】|【关闭】|打印本页|关闭窗口|分享到|扫一扫)")
# A header line may carry several fields: "时间:2021-09-15 08:30 来源:xx 浏览:12".
_HEADER_MAX_LEN = 80


@dataclass
class Chrome:
    breadcrumb: str = ""
    date: str = ""
    other: dict[str, str] = field(default_factory=dict)


def _classify(line: str, chrome: Chrome) -> bool:
    s = line.strip()
    if not s or len(s) > _HEADER_MAX_LEN:
        return False
    if _BREADCRUMB.match(s):
        chrome.breadcrumb = chrome.breadcrumb or s
        return True
    m = _DATE.match(s)
    if m:
        chrome.date = chrome.date or re.sub(r"\s+", " ", m.group("date"))
        return True
    if _SOURCE.match(s):
        key, value = re.split(r"[:：]", s, maxsplit=1)
        chrome.other[key.strip()] = value.strip()
        return True
    return bool(_FOOTER.match(s))


def strip_chrome(lines: list[str]) -> tuple[list[str], Chrome]:
    """Remove chrome lines from the head and tail of a scraped page.

    Only leading and trailing runs are examined, so a body sentence that happens
    to start with 时间 in the middle of the text is never removed.
    """
    chrome = Chrome()
    start = 0
    while start < len(lines) and (not lines[start].strip() or _classify(lines[start], chrome)):
        start += 1
    end = len(lines)
    while end > start and (not lines[end - 1].strip() or _classify(lines[end - 1], chrome)):
        end -= 1
    return lines[start:end], chrome
