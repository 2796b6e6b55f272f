"""Web-page chrome in scraped text: breadcrumbs, dates, source lines, footer links.

They are metadata about the page, not body text of the plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

_BREADCRUMB = re.compile(r"^(首页|主页|当前位置|您的位置|你的位置|位置)\s*[:：>＞»›]?.*[>＞»›]")
_YMD = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?"  # 2021-09-15, 2021年9月15日
_HM = r"\d{1,2}:\d{2}(?::\d{2})?"  # 08:30, 08:30:05
_DATE = re.compile(rf"^(时间|发布时间|发布日期|日期|更新时间|发文日期|成文日期)\s*[:：]\s*(?P<date>{_YMD}(\s+{_HM})?)")
_SOURCE = re.compile(r"^(来源|信息来源|文章来源|作者|编辑|责任编辑|浏览次数|点击数|字号)\s*[:：]")
_FOOTER = re.compile(
    r"^(上一篇|下一篇|【(?:打印|关闭|我要纠错|纠错|收藏|返回顶部|打印本页|关闭窗口)】|打印本页|关闭窗口|分享到|扫一扫)"
)
# The date line under a page's headline: a date with a time of day, or with the page's own fields after it
# (2018-12-29 17:00 来源： 中国政府网 【字体：大 中 小】). A date alone is not chrome: it is the signature's date.
_PAGE_DATE = re.compile(rf"^(?P<date>{_YMD})(?:\s+{_HM}(?=\s|$)|(?=.*(?:来源|字体|字号|打印|浏览|作者)\s*[:：]?))")
_FIELD = re.compile(r"(来源|作者|责任编辑)\s*[:：]\s*([^\s【】]+)")
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
    m = _PAGE_DATE.match(s)
    if m:
        chrome.date = chrome.date or re.sub(r"\s+", " ", s[: m.end()]).strip()
        _fields(s, chrome)
        return True
    if _SOURCE.match(s):
        key, value = re.split(r"[:：]", s, maxsplit=1)
        chrome.other[key.strip()] = value.strip()
        return True
    if _FOOTER.match(s):
        _fields(s, chrome)
        return True
    return False


def _fields(line: str, chrome: Chrome) -> None:
    for key, value in _FIELD.findall(line):
        chrome.other.setdefault(key, value)


def find_chrome(lines: list[str], title: Callable[[int], bool] = lambda i: False) -> tuple[set[int], Chrome]:
    """The positions of chrome lines at the head and tail of a scraped page.

    Only leading and trailing runs are examined, so a body sentence that happens to start with 时间 in the
    middle of the text is never removed. ``title(i)`` says that line ``i`` is the page's headline: the run at
    the head may pass over it (the date line often sits under the headline), within its first lines.
    """
    chrome = Chrome()
    drop: set[int] = set()
    i = 0
    while i < len(lines):
        if not lines[i].strip() or _classify(lines[i], chrome):
            drop.add(i)
        elif not (i < _TITLE_WITHIN and title(i)):
            break
        i += 1
    end = len(lines)
    while end > i and (not lines[end - 1].strip() or _classify(lines[end - 1], chrome)):
        end -= 1
        drop.add(end)
    return drop, chrome


_TITLE_WITHIN = 3  # lines at the head of a page where its headline may stand among chrome lines


def strip_chrome(lines: list[str]) -> tuple[list[str], Chrome]:
    """The lines without the chrome at the head and tail of a scraped page (see find_chrome)."""
    drop, chrome = find_chrome(lines)
    return [line for n, line in enumerate(lines) if n not in drop], chrome
