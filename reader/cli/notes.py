"""Commands on notes: add, list, export, import, delete, backup, restore."""

from __future__ import annotations

import argparse
import json
import sys

from reader.cli.common import _emit_csv, _emit_json, _emit_text, _session
from reader.errors import ReaderError


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
    from reader.annotations import export as E

    session = _session(args)
    doc_id = session.library.resolve(args.doc) if args.doc else None
    if args.format == "json":
        ids = {doc_id} if doc_id else {a.doc for a in session.annotations.list()}
        documents = {d: info for d in sorted(ids) if (info := session.document_info(d))}
        text = session.annotations.dumps(doc_id, documents) + "\n"
    elif args.format == "md":
        doc = session.document(doc_id)
        text = E.to_markdown(doc, session.annotations.list(doc.id), session.document_info(doc.id))
    else:
        items = session.annotations.list(doc_id)
        docs = {}
        for d in {a.doc for a in items}:
            try:
                docs[d] = session.library.open(d)
            except ReaderError:  # notes of a document not (or no longer) in this library: exported without chapters
                pass
        _emit_csv(E.CSV_HEADER, E.csv_rows(docs, items), args.output, unit="条")
        return 0
    _emit_text(text, args.output, say=True)
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
