"""Commands on documents: gui, import, list, outline, text, tables, targets, index, search."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from reader.cli.common import _emit_csv, _emit_json, _emit_text, _session, _stderr_progress
from reader.document.docinfo import LABELS
from reader.document.model import Node
from reader.errors import ReaderError


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
        from reader.ui.platform_check import platform_problem
    except ImportError as exc:
        raise ReaderError(
            f"界面组件无法加载（{exc}）。请先运行 `make run` 或 `pip install -e .` 安装 PySide6。"
        ) from exc
    problem = platform_problem()  # Qt would abort (exit 134) on a missing system library: say which, exit 1
    if problem is not None:
        if problem.display:
            raise ReaderError(
                f"无法连接到图形显示（{problem.display}），窗口无法打开。"
                "请在桌面会话中运行，或检查这个环境变量；命令行功能不需要显示，见 policy-reader --help。"
            )
        if problem.bundled:
            raise ReaderError(f"窗口无法打开：程序的 Qt 组件不完整（缺少 {problem.library}）。请重新安装政策阅读器。")
        how = f"sudo apt install {problem.package}" if problem.package else f"apt-file search {problem.library}"
        raise ReaderError(
            f"窗口无法打开：Qt 的 {problem.platform} 平台插件缺少系统库 {problem.library}。"
            f"请安装它（Debian/Ubuntu：{how}）；README 的 Running on Linux 一节列出桌面所需的全部软件包。"
        )
    if getattr(args, "smoke", False):
        from reader.ui.app import smoke

        return smoke(getattr(args, "data_dir", None), getattr(args, "file", None), getattr(args, "screenshot", None))
    return run(
        data_dir=getattr(args, "data_dir", None), file=getattr(args, "file", None), lang=getattr(args, "lang", None)
    )


def cmd_import(args: argparse.Namespace) -> int:
    session = _session(args)
    from pathlib import Path

    if len(args.file) > 1 or Path(args.file[0]).is_dir():
        if args.title:
            raise ReaderError("--title 只能用于导入单个文件。")
        return _import_many(session, args)
    doc, replaced, anchored = session.import_file(args.file[0], title=args.title, index=False)
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


def _import_many(session: Any, args: argparse.Namespace) -> int:
    report = session.import_many(args.file, progress=None if args.json else _stderr_progress)
    if args.json:
        _emit_json(
            {
                "imported": [{"path": p, "id": i, "title": t} for p, i, t in report.imported],
                "duplicates": [{"path": p, "of": t} for p, t in report.duplicates],
                "failed": [{"path": p, "error": e} for p, e in report.failed],
            }
        )
    else:
        for _path, doc_id, _title in report.imported:
            print(doc_id)
        for path, of in report.duplicates:
            print(f"跳过（与《{of}》内容相同）：{path}", file=sys.stderr)
        for _path, error in report.failed:
            print(f"失败：{error}", file=sys.stderr)
        print(
            f"已导入 {len(report.imported)} 个，重复 {len(report.duplicates)} 个，失败 {len(report.failed)} 个。",
            file=sys.stderr,
        )
    return 1 if report.failed else 0


def cmd_info(args: argparse.Namespace) -> int:
    session = _session(args)
    doc_id = session.library.resolve(args.doc)
    for name in args.unset:
        session.library.set_info(doc_id, name, None)
    for item in args.set:
        name, sep, value = item.partition("=")
        if not sep:
            raise ReaderError(f"--set 需要“字段=值”的形式，例如 --set number=国发〔2019〕4号（收到“{item}”）。")
        session.library.set_info(doc_id, name.strip(), value)
    if args.tag or args.untag:
        entry = next(e for e in session.library.entries() if e.id == doc_id)
        tags = [t for t in entry.tags if t not in args.untag] + args.tag
        session.library.set_tags(doc_id, tags)
    entry = next(e for e in session.library.entries() if e.id == doc_id)
    if args.json:
        _emit_json({"id": entry.id, "title": entry.title, **{n: entry.detail(n) for n in LABELS}, "tags": entry.tags})
        return 0
    print(entry.title)
    for name, label in LABELS.items():
        value = entry.detail(name)
        mark = "（推断）" if entry.inferred(name) else ""
        print(f"{label}（{name}）：{value or '—'}{mark}")
    print("标签（tags）：" + (" ".join(f"#{t}" for t in entry.tags) or "—"))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    entries = _session(args).library.entries()
    if args.json:
        _emit_json([e.to_json() for e in entries])
        return 0
    for e in entries:
        mark = "（内置）" if e.bundled else ""
        facts = " ".join(
            v for v in (e.detail("type"), e.detail("issuer"), e.detail("date"), *(f"#{t}" for t in e.tags)) if v
        )
        print(f"{e.id}\t{e.format}\t{e.chars} 字\t{e.title}{mark}" + (f"\t{facts}" if facts else ""))
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
        _emit_csv(header, rows, args.output)
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


def _indicator_ref(session: Any, text: str) -> tuple[str, str]:
    doc, sep, name = text.partition(":")
    if not sep or not name.strip():
        raise ReaderError(f"指标写作“文档:指标”，例如 doc-1a2b:优良水体比例（收到“{text}”）。")
    return session.library.resolve(doc), name.strip()


def cmd_compare(args: argparse.Namespace) -> int:
    from reader.targets.compare import table, to_markdown

    session = _session(args)
    for spec, together in [(s, True) for s in args.join] + [(s, False) for s in args.apart]:
        left, sep, right = spec.partition("=")
        if not sep:
            raise ReaderError(f"--join/--apart 需要“文档:指标=文档:指标”（收到“{spec}”）。")
        session.match_indicators(_indicator_ref(session, left), _indicator_ref(session, right), together)
    comparison = session.compare(args.docs)
    header, rows = table(comparison)
    if args.csv:
        _emit_csv(header, rows, args.output)
        return 0
    if args.json:
        text = json.dumps([dict(zip(header, r, strict=True)) for r in rows], ensure_ascii=False, indent=2) + "\n"
    elif args.md:
        text = to_markdown(comparison)
    else:
        lines = [f"{len(comparison.matched())} 个指标在多个文档中都有；其余只见于一个文档。"]
        for r in rows:
            lines.append("\t".join(x for x in r if x is not None))
        text = "\n".join(lines) + "\n"
    _emit_text(text, args.output)
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from reader.document.diff import diff

    session = _session(args)
    old, new = session.document(args.old), session.document(args.new)
    result = diff(old, new)
    if args.json:
        _emit_json({"old": old.id, "new": new.id, "changes": [c.to_json() for c in result.changes]})
        return 0
    counts = {k: sum(1 for c in result.changes if c.kind == k) for k in ("added", "removed", "changed", "moved")}
    print(
        f"新增 {counts['added']} 段，删除 {counts['removed']} 段，修改 {counts['changed']} 段，移动 {counts['moved']} 段。"
    )

    def marked(text: str, spans: list[tuple[int, int]]) -> str:
        out, pos = [], 0
        for a, b in spans:
            out += [text[pos:a], "[", text[a:b], "]"]
            pos = b
        return "".join([*out, text[pos:]])

    labels = {"added": "新增", "removed": "删除", "changed": "修改", "moved": "移动"}
    for c in result.changes:
        print(f"\n【{labels[c.kind]}】{c.chapter}")
        if c.kind == "changed":
            print("  旧：" + marked(old.blocks[c.old_block].text, c.old_spans))  # type: ignore[index]
            print("  新：" + marked(new.blocks[c.new_block].text, c.new_spans))  # type: ignore[index]
        else:
            block = new.blocks[c.new_block] if c.new_block is not None else old.blocks[c.old_block]  # type: ignore[index]
            print("  " + block.text)
    return 0


def cmd_targets(args: argparse.Namespace) -> int:
    from reader.targets.export import CSV_HEADER, csv_rows

    session = _session(args)
    doc = session.document(args.doc)
    found = session.targets(doc, args.kind)
    if args.csv:
        rows = csv_rows(doc, found)
        _emit_csv(CSV_HEADER, rows, args.output)
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
    _emit_text(text, args.output)
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    import time

    session = _session(args)
    if args.workers is not None:
        if args.workers < 1:
            raise ReaderError("--workers 至少为 1（1 表示只用本进程）。")
        session.index.workers = args.workers
        session.index.parallel_min_chars = 0
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
    doc: str | set[str] | None = session.library.resolve(args.doc) if args.doc else None
    if args.collection:
        if doc is not None:
            raise ReaderError("--doc 与 --collection 只能选一个。")
        doc = session.library.collection(args.collection)
        if not doc:
            known = "、".join(session.library.tags()) or "（还没有标签）"
            raise ReaderError(f"没有带标签“{args.collection}”的文档。已有标签：{known}。用 info DOC --tag 标签 添加。")
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
