"""The command line's grammar: commands, options and their bilingual help; argparse's own words in the same style."""

from __future__ import annotations

import argparse

from reader import APP_NAME, BUNDLED_DOC_ID, __version__
from reader.cli.documents import (
    cmd_compare,
    cmd_diff,
    cmd_gui,
    cmd_import,
    cmd_index,
    cmd_info,
    cmd_list,
    cmd_outline,
    cmd_search,
    cmd_tables,
    cmd_targets,
    cmd_text,
)
from reader.cli.notes import (
    cmd_notes_add,
    cmd_notes_backup,
    cmd_notes_delete,
    cmd_notes_export,
    cmd_notes_import,
    cmd_notes_list,
    cmd_notes_restore,
)

EPILOG = f"""\
DOC 可以是文档 id、id 前缀、标题或已导入文件的路径；省略时为内置的东莞“十四五”规划纲要（{BUNDLED_DOC_ID}）。
数据文件夹：--data-dir 优先，其次环境变量 POLICY_READER_HOME，否则为系统的用户数据目录。
DOC may be a document id, id prefix, title or imported file path; it defaults to the bundled plan.
"""


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
    p.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)  # with --smoke: save the painted window
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser(
        "import",
        parents=[common, json_opt],
        help="导入文件或文件夹到文档库 / add files or folders to the library",
        description="导入 txt（自动识别 UTF-8/GBK/GB18030/UTF-16）、html、docx 或带文字层的 pdf，打印文档 id。"
        "再次导入同一路径的文件会原地更新（id 不变，批注保留）。给出文件夹或多个文件时逐个导入（含子文件夹）："
        "与已有文档内容相同的文件（同一文本的另一种格式）不重复导入，失败的文件列出原因，其余继续；有失败时退出码为 1。",
    )
    p.add_argument("file", metavar="FILE", nargs="+", help="文件或文件夹 / files or folders")
    p.add_argument("--title", metavar="T", help="文档标题（默认取自文件） / title to use")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", parents=[common, json_opt], help="列出文档库 / documents in the library")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser(
        "info",
        parents=[common, json_opt],
        help="文档信息：发文机关、文号、日期… / a document's metadata",
        description="显示文档自述的信息（发文机关 issuer、文号 number、日期 date、地区 region、类型 type、规划期 period），"
        "推断的值标“推断”；--set 改为自己的值，--unset 恢复推断值。",
    )
    p.add_argument("doc", nargs="?", metavar="DOC")
    p.add_argument("--set", metavar="FIELD=VALUE", action="append", default=[], help="设置 / set a field")
    p.add_argument("--unset", metavar="FIELD", action="append", default=[], help="恢复推断值 / back to inferred")
    p.add_argument("--tag", metavar="TAG", action="append", default=[], help="加标签（收藏夹） / add to a collection")
    p.add_argument("--untag", metavar="TAG", action="append", default=[], help="去掉标签 / remove from a collection")
    p.set_defaults(func=cmd_info)

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
        "compare",
        parents=[common],
        help="对比多个文档的指标 / indicators side by side",
        description="按指标对比两个或多个文档（先列较早的规划）：每个指标在各文档中的基期值、目标值、年份、单位、属性，"
        "以及较晚规划相对较早规划的变化（新增、不再列出、目标提高/降低）。单位不同的只标出，不换算。"
        "--join / --apart 手工配对或拆开两个指标（保存在数据文件夹的 comparisons.json，以后的对比都照此办理）。",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("docs", nargs="+", metavar="DOC")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="输出 JSON / JSON output")
    fmt.add_argument("--csv", action="store_true", help="输出 CSV（UTF-8 BOM） / CSV for Excel")
    fmt.add_argument("--md", action="store_true", help="输出 Markdown 表格 / Markdown table")
    p.add_argument("-o", "--output", metavar="FILE", help="写入文件而非标准输出 / write to FILE")
    p.add_argument(
        "--join",
        metavar="DOC:指标=DOC:指标",
        action="append",
        default=[],
        help="把两个指标当作同一个 / pair two indicators by hand",
    )
    p.add_argument(
        "--apart", metavar="DOC:指标=DOC:指标", action="append", default=[], help="不要配对 / keep them apart"
    )
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser(
        "diff",
        parents=[common, json_opt],
        help="比较同一文件的两个版本 / what changed between two editions",
        description="逐段比较两个版本（如征求意见稿与正式文本）：新增、删除、修改（标出改动的字词：中文按字，数字和英文按词）"
        "和移动的段落，并按章节汇总。",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.set_defaults(func=cmd_diff)

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
    p.add_argument("--collection", metavar="TAG", help="只在带此标签的文档中检索 / documents tagged TAG")
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
    p.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="用 N 个进程建立索引（默认：待索引超过约 60 万字时每个处理器核心一个，最多 4 个）；"
        "指定后不论多少都分给 N 个进程 / index with N processes, whatever the size",
    )
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
