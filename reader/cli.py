"""Command-line front door: `policy-reader` / `python -m reader`.

Exit codes: 0 success, 1 user error (one line on stderr, no traceback), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from reader import APP_NAME, BUNDLED_DOC_ID, __version__
from reader.document.model import Node
from reader.errors import ReaderError

EPILOG = f"""\
DOC 可以是文档 id、id 前缀、标题或已导入文件的路径；省略时为内置的东莞“十四五”规划纲要（{BUNDLED_DOC_ID}）。
数据文件夹：--data-dir 优先，其次环境变量 POLICY_READER_HOME，否则为系统的用户数据目录。
DOC may be a document id, id prefix, title or imported file path; it defaults to the bundled plan.
"""


def _utf8_streams() -> None:
    """Print UTF-8 on every OS (a Windows console defaults to a legacy code page)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# argparse's own words (usage, options, its error messages), in the CLI's bilingual style. argparse looks them up
# through its module's gettext function at the time it formats them.
_ARGPARSE_WORDS = {
    "usage: ": "用法 / usage: ",
    "positional arguments": "命令与参数 / positional arguments",
    "options": "选项 / options",
    "show this help message and exit": "显示本帮助并退出 / show this help message and exit",
    "show program's version number and exit": "显示版本号并退出 / show the version and exit",
    "the following arguments are required: %s": "缺少必需的参数 / required: %s",
    "unrecognized arguments: %s": "无法识别的参数 / unrecognized arguments: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择 %(value)r，可选：%(choices)s / invalid choice",
    "expected one argument": "需要一个值 / expected one argument",
    "invalid %(type)s value: %(value)r": "无效的值 %(value)r（应为 %(type)s）/ invalid value",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s / ambiguous",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
}
_argparse_gettext = argparse._  # type: ignore[attr-defined]


def _argparse_text(message: str) -> str:
    return _ARGPARSE_WORDS.get(message) or _argparse_gettext(message)


argparse._ = _argparse_text  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="数据文件夹（覆盖 POLICY_READER_HOME 与系统默认位置） / data folder",
    )
    json_opt = argparse.ArgumentParser(add_help=False)
    json_opt.add_argument("--json", action="store_true", help="输出 JSON（UTF-8） / machine-readable output")

    parser = argparse.ArgumentParser(
        prog="policy-reader",
        description=f"{APP_NAME}：离线阅读、检索和批注中文政策文件。Read, search and annotate Chinese policy documents offline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", default=None, help="数据文件夹 / data folder")
    parser.add_argument(
        "--lang", choices=["zh", "en"], default=None, help="界面语言（打开窗口时） / UI language of the window"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "gui",
        parents=[common],
        help="打开阅读器窗口（默认命令） / open the app",
        description="打开阅读器窗口；给出 FILE 时先导入再打开。Open the app; with FILE, import it first and open it.",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="要导入并打开的文件 / file to import and open")
    p.add_argument("--lang", choices=["zh", "en"], default=argparse.SUPPRESS, help="界面语言 / UI language")
    p.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)  # open, paint, print, quit (packaging check)
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser(
        "import",
        parents=[common, json_opt],
        help="导入文件到文档库 / add a file to the library",
        description="导入 txt（自动识别 UTF-8/GBK/GB18030/UTF-16）、html、docx 或带文字层的 pdf，打印文档 id。"
        "再次导入同一路径的文件会原地更新（id 不变，批注保留）。",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--title", metavar="T", help="文档标题（默认取自文件） / title to use")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", parents=[common, json_opt], help="列出文档库 / documents in the library")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser(
        "outline",
        parents=[common, json_opt],
        help="章节目录树 / the chapter tree",
        description="打印章节目录树。推断出的节点（原文无标题）以“·”标出，JSON 中 inferred 为 true、number 为 null。",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("doc", nargs="?", metavar="DOC")
    p.set_defaults(func=cmd_outline)

    p = sub.add_parser(
        "text",
        parents=[common, json_opt],
        help="正文段落 / the blocks",
        description="按顺序打印正文段落（块），含类型与所属目录节点。",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("doc", nargs="?", metavar="DOC")
    p.set_defaults(func=cmd_text)

    p = sub.add_parser(
        "tables",
        parents=[common],
        help="表格 / tables",
        description="列出文档中的表格：标题（专栏、表）、表头、各行单元格（合并单元格为空）与表注。"
        "JSON 每项含 id、caption、header_rows、header、rows[block cells]、notes；CSV 每行先写表格标题再写单元格。",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("doc", nargs="?", metavar="DOC")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="输出 JSON / JSON output")
    fmt.add_argument("--csv", action="store_true", help="输出 CSV（UTF-8 BOM） / CSV for Excel")
    p.add_argument("-o", "--output", metavar="FILE", help="写入文件而非标准输出 / write to FILE")
    p.set_defaults(func=cmd_tables)

    p = sub.add_parser(
        "targets",
        parents=[common],
        help="量化目标与既往数据 / quantitative targets and past figures",
        description="列出文档中的量化目标（target：面向未来的承诺）与既往数据（actual：回顾中的实绩）。"
        "JSON 每项含 block、start、end（块内字符偏移）、text、indicator、values、unit、qualifier、year、base_year、"
        "attribute（预期性/约束性）、kind、node。"
        "CSV 为带 BOM 的 UTF-8，可直接用 Excel 打开，并防范公式注入。",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("doc", nargs="?", metavar="DOC")
    p.add_argument("--kind", choices=["target", "actual"], help="只列出目标或既往数据 / only one kind")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="输出 JSON / JSON output")
    fmt.add_argument("--csv", action="store_true", help="输出 CSV（UTF-8 BOM） / CSV for Excel")
    p.add_argument("-o", "--output", metavar="FILE", help="写入文件而非标准输出 / write to FILE")
    p.set_defaults(func=cmd_targets)

    p = sub.add_parser(
        "search",
        parents=[common, json_opt],
        help="全文检索 / keyword search",
        description='在文档库中检索。空格分隔的词须同时出现；"…" 为精确短语；A OR B 任一；-词 排除。'
        "凡原文字面包含检索词的段落必在结果中。同义词表（数据文件夹中的 synonyms.txt）默认参与扩展。"
        "JSON 含 query、total、hits（doc、block、node、path、score、snippet、matches=[起,止] 块内偏移）。",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("query", metavar="QUERY", nargs="+", help="检索式（可不加引号分开写） / the query")
    p.add_argument("--doc", metavar="DOC", help="只在此文档中检索 / restrict to one document")
    lim = p.add_mutually_exclusive_group()
    lim.add_argument("--limit", type=int, default=20, metavar="N", help="最多显示 N 条（默认 20） / show N hits")
    lim.add_argument("--all", action="store_true", help="显示全部结果 / show every hit")
    p.add_argument("--no-synonyms", action="store_true", help="不做同义词扩展 / no synonym expansion")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser(
        "index",
        parents=[common, json_opt],
        help="更新或重建检索索引 / update or rebuild the search index",
        description="把文档库中有变动的文档写入检索索引；--rebuild 从头重建（索引损坏时程序也会自动重建）。",
    )
    p.add_argument("--rebuild", action="store_true", help="从头重建 / start from scratch")
    p.set_defaults(func=cmd_index)

    notes = sub.add_parser(
        "notes",
        help="批注：高亮、笔记、书签 / annotations",
        description="批注保存在数据文件夹的 annotations.db（SQLite）中，每日自动备份到 backups/。",
    )
    nsub = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    p = nsub.add_parser(
        "add",
        parents=[common, json_opt],
        help="添加批注 / add an annotation",
        description="在文档第 N 段的 [S, E) 字符范围上添加高亮、批注或书签（段号与偏移见 `text --json`）。",
    )
    p.add_argument("--doc", metavar="DOC", help="文档（默认内置规划） / document")
    p.add_argument("--block", type=int, required=True, metavar="N", help="段号 / block index")
    p.add_argument("--start", type=int, default=0, metavar="S", help="起始偏移 / start offset")
    p.add_argument("--end", type=int, default=0, metavar="E", help="结束偏移（不含） / end offset")
    p.add_argument(
        "--kind", choices=["highlight", "note", "bookmark"], help="类型（有 --note 时默认 note，否则 highlight）"
    )
    p.add_argument("--note", metavar="TEXT", default="", help="批注文字 / note text")
    p.add_argument("--color", choices=["yellow", "green", "blue", "pink"], default="", help="高亮颜色 / colour")
    p.add_argument("--tag", action="append", default=[], metavar="T", help="标签，可重复 / tag (repeatable)")
    p.add_argument("--name", default="", metavar="NAME", help="书签名 / bookmark name")
    p.set_defaults(func=cmd_notes_add)
    p = nsub.add_parser("list", parents=[common, json_opt], help="列出批注 / list annotations")
    p.add_argument("--doc", metavar="DOC", help="只列此文档 / one document only")
    p.set_defaults(func=cmd_notes_list)
    p = nsub.add_parser(
        "export",
        parents=[common],
        help="导出批注 / export",
        description="md：按章分组，含原文引用和批注，适合贴进报告；csv：带 BOM 的 UTF-8，Excel 可直接打开，防公式注入；"
        "json：完整数据，可用 notes import 合并回来。",
    )
    p.add_argument("--format", choices=["md", "csv", "json"], default="md")
    p.add_argument("--doc", metavar="DOC", help="只导出此文档（md 格式必需时默认内置规划） / one document")
    p.add_argument("-o", "--output", metavar="FILE", help="写入文件而非标准输出 / write to FILE")
    p.set_defaults(func=cmd_notes_export)
    p = nsub.add_parser(
        "import",
        parents=[common, json_opt],
        help="合并导入 JSON / merge a JSON export",
        description="合并 notes export --format json 的文件：新批注加入，较新的修改覆盖较旧的，相同的跳过，不会重复。",
    )
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_notes_import)
    p = nsub.add_parser("delete", parents=[common], help="删除批注（可在应用中撤销） / delete")
    p.add_argument("id", metavar="ID")
    p.set_defaults(func=cmd_notes_delete)
    p = nsub.add_parser(
        "backup",
        parents=[common],
        help="立即备份 / back up now",
        description="立即把批注数据库备份到 backups/（校验后才保留；程序每天打开时也会自动备份，保留最近 7 份）。",
    )
    p.set_defaults(func=cmd_notes_backup)
    p = nsub.add_parser(
        "restore",
        parents=[common],
        help="列出或换回自动备份 / list or restore backups",
        description="不带参数：列出 backups/ 中完好的每日备份（已校验）。带 BACKUP：先关闭阅读器窗口，"
        "再用这份备份替换 annotations.db；原来的数据库（连同 -wal 日志）移到 backups/annotations-replaced-….db 保留。"
        "Without BACKUP: list the checked daily backups. With BACKUP: put it in place, keeping the current database.",
    )
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="备份文件，或 latest 表示最新的一份 / backup file")
    p.set_defaults(func=cmd_notes_restore)
    return parser


_OPEN_SESSIONS: list[Any] = []


def _session(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from reader.session import Session

    session = Session(getattr(args, "data_dir", None))
    _OPEN_SESSIONS.append(session)  # closed when the command ends: the notes database is left whole
    return session


def _check_display() -> None:
    """On Linux, Qt aborts the process (exit 134, a page of plugin names) when there is no display: say it in one
    line instead. Windows and macOS always have one; QT_QPA_PLATFORM (offscreen, vnc …) chooses another."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise ReaderError(
            "没有可用的图形显示（DISPLAY 与 WAYLAND_DISPLAY 都未设置），窗口无法打开。"
            "请在桌面会话中运行；命令行功能不需要显示，见 policy-reader --help。"
        )


def cmd_gui(args: argparse.Namespace) -> int:
    _check_display()
    try:
        from reader.ui.app import run
    except ImportError as exc:
        raise ReaderError(
            f"界面组件无法加载（{exc}）。请先运行 `make run` 或 `pip install -e .` 安装 PySide6。"
        ) from exc
    if getattr(args, "smoke", False):
        from reader.ui.app import smoke

        return smoke(getattr(args, "data_dir", None))
    return run(
        data_dir=getattr(args, "data_dir", None), file=getattr(args, "file", None), lang=getattr(args, "lang", None)
    )


def cmd_import(args: argparse.Namespace) -> int:
    session = _session(args)
    doc, replaced, anchored = session.import_file(args.file, title=args.title, index=False)
    if args.json:
        _emit_json(
            {"id": doc.id, "title": doc.title, "replaced": replaced, "blocks": len(doc.blocks), "annotations": anchored}
        )
    else:
        print(doc.id)
        verb = "已更新" if replaced else "已导入"
        print(f"{verb}：{doc.title}（{len(doc.blocks)} 段，{sum(1 for _ in doc.nodes())} 个目录节点）", file=sys.stderr)
        if anchored.get("orphaned"):
            print(
                f"注意：{anchored['orphaned']} 条批注在新版本中找不到原文，已保留并标为“无法定位”（notes list 可查看）。",
                file=sys.stderr,
            )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    entries = _session(args).library.entries()
    if args.json:
        _emit_json([e.to_json() for e in entries])
        return 0
    for e in entries:
        mark = "（内置）" if e.bundled else ""
        print(f"{e.id}\t{e.format}\t{e.chars} 字\t{e.title}{mark}")
    return 0


def cmd_outline(args: argparse.Namespace) -> int:
    doc = _session(args).document(args.doc)
    if args.json:
        _emit_json([n.to_json() for n in doc.outline])
        return 0

    def show(node: Node, depth: int) -> None:
        mark = "·" if node.inferred else " "
        print(f"{'  ' * depth}{mark}{node.label}")
        for child in node.children:
            show(child, depth + 1)

    print(doc.title)
    for root in doc.outline:
        show(root, 0)
    return 0


def cmd_text(args: argparse.Namespace) -> int:
    from reader.document.tables import find_tables

    doc = _session(args).document(args.doc)
    if args.json:
        rows = {r.index: (t, n) for t in find_tables(doc) for n, r in enumerate(t.rows)}
        items = []
        for b in doc.blocks:
            item = {"index": b.index, "kind": b.kind.value, "text": b.text, "node": b.node, "id": b.id}
            if b.index in rows:
                table, n = rows[b.index]
                item["table"] = {"id": table.id, "row": n, "header": n < table.header_rows, "cells": table.grid()[n]}
            items.append(item)
        _emit_json(items)
        return 0
    for b in doc.blocks:
        print(f"[{b.index}] ({b.kind.value}) {b.text}")
    return 0


def cmd_tables(args: argparse.Namespace) -> int:
    from reader.document.tables import find_tables
    from reader.exporting import csv_text, write_csv

    doc = _session(args).document(args.doc)
    tables = find_tables(doc)
    if args.json:
        _emit_json([t.to_json() for t in tables])
        return 0
    if args.csv:
        # One CSV for all tables: a column names the table, then its cells (header rows included).
        width = max((t.width for t in tables), default=0)
        rows = [[t.title or t.id, *cells, *[""] * (width - len(cells))] for t in tables for cells in t.grid()]
        header = ["表格", *[f"列{i + 1}" for i in range(width)]]
        if args.output:
            write_csv(args.output, header, rows)
            print(f"已写入 {len(rows)} 行：{args.output}", file=sys.stderr)
        else:
            sys.stdout.write("\ufeff" + csv_text(header, rows))
        return 0
    if not tables:
        print("（此文档没有表格）")
    for t in tables:
        print(f"== {t.title or t.id}（{len(t.rows)} 行 × {t.width} 列，起于第 {t.rows[0].index} 段）")
        for cells in t.grid():
            print("\t".join(cells))
        for note in t.notes:
            print(note.text)
        print()
    return 0


def cmd_targets(args: argparse.Namespace) -> int:
    from reader.exporting import csv_text, write_csv
    from reader.targets.export import CSV_HEADER, csv_rows

    session = _session(args)
    doc = session.document(args.doc)
    found = session.targets(doc, args.kind)
    if args.csv:
        rows = csv_rows(doc, found)
        if args.output:
            write_csv(args.output, CSV_HEADER, rows)
            print(f"已写入 {len(rows)} 行：{args.output}", file=sys.stderr)
        else:
            sys.stdout.write("\ufeff" + csv_text(CSV_HEADER, rows))
        return 0
    if args.json:
        text = json.dumps([t.to_json() for t in found], ensure_ascii=False, indent=2) + "\n"
    else:
        lines = []
        for t in found:
            mark = "目标" if t.kind == "target" else "既往"
            year = f" [{t.year}]" if t.year else ""
            if t.base_year:
                year += f" [比{t.base_year}年]"
            if t.attribute:
                year += f" [{t.attribute}]"
            lines.append(
                f"{mark}\t{t.indicator or '—'}\t{'、'.join(f'{v:g}' for v in t.values)} {t.unit}{year}\t{t.text}"
            )
        text = "\n".join(lines) + ("\n" if lines else "")
    if args.output:
        from pathlib import Path

        from reader.fileio import atomic_write_text

        atomic_write_text(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


def _stderr_progress(percent: int, label: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r正在建立索引 {percent:3d}% {label[:30]}")
        sys.stderr.flush()


def cmd_index(args: argparse.Namespace) -> int:
    import time

    session = _session(args)
    started = time.perf_counter()
    docs = session.index_sources()
    if args.rebuild:
        done = session.index.rebuild(docs, _stderr_progress)
    else:
        done = session.index.sync(docs, _stderr_progress)
    seconds = time.perf_counter() - started
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    report = {
        "indexed": done,
        "documents": len(docs),
        "seconds": round(seconds, 3),
        "rebuilt_reason": session.index.rebuilt_reason,
    }
    if args.json:
        _emit_json(report)
    else:
        print(f"已索引 {len(done)} 篇（文档库共 {len(docs)} 篇），用时 {seconds:.2f} 秒。")
        if session.index.rebuilt_reason and not args.rebuild:  # a rebuild asked for needs no explanation
            print(f"索引已重建：{session.index.rebuilt_reason}", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    session = _session(args)
    session.sync_index(_stderr_progress)
    doc = session.library.resolve(args.doc) if args.doc else None
    result = session.index.search(
        args.query, doc=doc, limit=None if args.all else max(0, args.limit), use_synonyms=not args.no_synonyms
    )
    if result.message:
        print(result.message, file=sys.stderr)
    if args.json:
        _emit_json(result.to_json())
        return 0
    shown = len(result.hits)
    print(f"共 {result.total} 处段落命中（显示 {shown} 条，{result.seconds * 1000:.0f} 毫秒）")
    for term, alts in result.expansions.items():
        print(f"同义词：{term} → {'、'.join(alts)}")
    from reader.document.tables import labelled_cells

    def marked(a0: int, b0: int) -> str:
        """The block text from a0 to b0 with matches in 【】 for a terminal (offsets into the block text)."""
        out, pos = [], a0
        for a, b in h.matches:
            if b <= a0 or a >= b0:
                continue
            a, b = max(a, a0), min(b, b0)
            out.append(h.text[pos:a] + "【" + h.text[a:b] + "】")
            pos = b
        out.append(h.text[pos:b0])
        return "".join(out)

    for h in result.hits:
        if h.columns:  # a table row: its cells with their column names
            line = " · ".join(
                f"{label} {marked(a, b)}" if label else marked(a, b)
                for label, a, b in labelled_cells(h.text, h.columns)
            )
        else:
            end = h.snippet_start + len(h.snippet)
            prefix = "…" if h.snippet_start > 0 else ""
            suffix = "…" if end < len(h.text) else ""
            line = prefix + marked(h.snippet_start, end) + suffix
        print(f"\n[{h.doc} #{h.block}] {h.path}\n  {line}")
    return 0


def cmd_notes_add(args: argparse.Namespace) -> int:
    session = _session(args)
    doc = session.document(args.doc)
    kind = args.kind or ("note" if args.note else "highlight")
    a = session.annotations.add(
        doc, kind, args.block, args.start, args.end, note=args.note, color=args.color, tags=args.tag, name=args.name
    )
    if args.json:
        _emit_json(a.to_json())
    else:
        print(a.id)
    return 0


def cmd_notes_list(args: argparse.Namespace) -> int:
    session = _session(args)
    doc_id = session.library.resolve(args.doc) if args.doc else None
    items = session.annotations.list(doc_id)
    if args.json:
        _emit_json([a.to_json() for a in items])
        return 0
    labels = {"highlight": "高亮", "note": "批注", "bookmark": "书签"}
    for a in items:
        flag = "（无法定位）" if a.orphaned else ""
        tags = " ".join(f"#{t}" for t in a.tags)
        print(
            f"{a.id[:8]}\t{labels[a.kind]}{flag}\t{a.doc}#{a.block}\t「{a.quote[:30]}」\t{a.note[:40]}\t{tags}".rstrip()
        )
    return 0


def cmd_notes_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reader.annotations import export as E
    from reader.exporting import csv_text, write_csv
    from reader.fileio import atomic_write_text

    session = _session(args)
    doc_id = session.library.resolve(args.doc) if args.doc else None
    if args.format == "json":
        text = session.annotations.dumps(doc_id) + "\n"
    elif args.format == "md":
        doc = session.document(doc_id)
        text = E.to_markdown(doc, session.annotations.list(doc.id))
    else:
        items = session.annotations.list(doc_id)
        docs = {}
        for d in {a.doc for a in items}:
            try:
                docs[d] = session.library.open(d)
            except ReaderError:  # notes of a document not (or no longer) in this library: exported without chapters
                pass
        rows = E.csv_rows(docs, items)
        if args.output:
            write_csv(args.output, E.CSV_HEADER, rows)
            print(f"已写入 {len(rows)} 条：{args.output}", file=sys.stderr)
            return 0
        text = "\ufeff" + csv_text(E.CSV_HEADER, rows)
    if args.output:
        atomic_write_text(Path(args.output), text)
        print(f"已写入：{args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_notes_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    try:
        data = json.loads(Path(args.file).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ReaderError(f"无法读取 {args.file}：{exc.strerror or exc}") from exc
    except ValueError as exc:
        raise ReaderError(
            f"{args.file} 不是有效的 JSON（{exc}）。请使用 notes export --format json 导出的文件。"
        ) from exc
    report = _session(args).annotations.import_json(data)
    if args.json:
        _emit_json(report)
    else:
        print(f"新增 {report['added']} 条，更新 {report['updated']} 条，跳过 {report['skipped']} 条（已存在）。")
    return 0


def cmd_notes_delete(args: argparse.Namespace) -> int:
    store = _session(args).annotations
    matches = [a for a in store.list() if a.id.startswith(args.id)]
    if len(matches) != 1:
        raise ReaderError(f"编号“{args.id}”{'不存在' if not matches else '不唯一'}；用 notes list 查看编号。")
    store.delete(matches[0].id)
    print(f"已删除 {matches[0].id}", file=sys.stderr)
    return 0


def cmd_notes_backup(args: argparse.Namespace) -> int:
    from reader.annotations.store import check_backup

    made = _session(args).annotations.backup()
    print(f"已备份 {check_backup(made)} 条批注：{made}", file=sys.stderr)
    return 0


def cmd_notes_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reader.annotations.files import check_backup, good_backups, restore
    from reader.paths import user_data_dir

    data_dir = user_data_dir(getattr(args, "data_dir", None))
    db, backup_dir = data_dir / "annotations.db", data_dir / "backups"
    if not args.backup:  # every daily backup, the broken ones marked as such
        daily = sorted(backup_dir.glob("annotations-daily-*.db"), reverse=True)
        good = [(p, check_backup(p)) for p in daily]
        if not any(n is not None for _, n in good):
            print(f"{backup_dir} 中没有可用的备份。", file=sys.stderr)
            return 1
        for p, n in good:
            print(f"{p}\t{n} 条批注" if n is not None else f"{p}\t损坏，不可用")
        print("换回其中一份：policy-reader notes restore BACKUP（先关闭阅读器窗口）", file=sys.stderr)
        return 0
    if args.backup == "latest":
        good_paths = good_backups(db, backup_dir)
        if not good_paths:
            raise ReaderError(f"{backup_dir} 中没有可用的备份。")
        backup = good_paths[0]
    else:
        backup = Path(args.backup).expanduser()
        if not backup.is_file():
            raise ReaderError(f"找不到备份文件 {backup}。用 policy-reader notes restore 列出可用的备份。")
    notes, kept = restore(db, backup, backup_dir)
    aside = f"原来的数据库已保留为 {kept}。" if kept else ""
    print(f"已换回备份 {backup}（{notes} 条批注）。{aside}", file=sys.stderr)
    return 0


# A query word to exclude (-碳达峰) looks like an option to argparse: it is carried past the parser in disguise.
_EXCLUDE_MARK = "\x00exclude\x00"


def _protect_exclusions(argv: list[str]) -> list[str]:
    if "search" not in argv:
        return argv
    at = argv.index("search")
    return argv[: at + 1] + [
        _EXCLUDE_MARK + a[1:] if a.startswith("-") and len(a) > 1 and not a[1].isascii() else a for a in argv[at + 1 :]
    ]


def _check_output(output: str | None) -> None:
    """-o FILE writes into an existing folder: a mistyped folder is reported, not created."""
    if not output:
        return
    from pathlib import Path

    folder = Path(output).expanduser().parent
    if not folder.is_dir():
        raise ReaderError(f"无法写入 {output}：文件夹 {folder} 不存在。请先创建该文件夹，或换一个位置。")


_PATH_ARGS = {"file", "output", "data_dir", "backup"}  # file names keep their bytes, so the file can be opened


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(_protect_exclusions(list(sys.argv[1:] if argv is None else argv)))
    if isinstance(getattr(args, "query", None), list):  # 科技 -碳达峰 typed as separate words is one query
        args.query = " ".join(a.replace(_EXCLUDE_MARK, "-") for a in args.query)
    from reader.fileio import readable

    for name, value in vars(args).items():  # words typed in a terminal whose encoding is not the system's
        if name not in _PATH_ARGS and isinstance(value, str):
            setattr(args, name, readable(value))
        elif isinstance(value, list) and name not in _PATH_ARGS:
            setattr(args, name, [readable(v) if isinstance(v, str) else v for v in value])
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", cmd_gui)
    try:
        _check_output(getattr(args, "output", None))
        return func(args)
    except ReaderError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the file system said no (read-only, full, permissions, a loop): say which file
        from reader.errors import os_error_message
        from reader.paths import ENV_HOME

        folder = getattr(args, "data_dir", None) or os.environ.get(ENV_HOME) or "数据文件夹"
        print(f"错误：{os_error_message(exc, folder=str(folder))}", file=sys.stderr)
        return 1
    finally:
        for session in _OPEN_SESSIONS:
            try:
                session.close()
            except Exception:  # closing is best effort; SQLite checkpoints on the next open
                pass
        _OPEN_SESSIONS.clear()
