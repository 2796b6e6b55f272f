"""Document metadata read from real documents, and importing a folder of them (issue #18).

The expected values were read in the documents (their title, number line, signature, approval or delivery line);
a field the document does not state is expected empty."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.document.docinfo import DocInfo, content_key, infer
from reader.document.importers import read_file
from reader.document.structure import build
from reader.session import Session
from tests.conftest import DATA, ROOT

GOLD = {
    # 国务院关于…的指导意见 / 国发〔2018〕42号 / … / 国务院 / 2018年12月21日
    "corpus/agri_mechanization_opinion_2018.txt": DocInfo(
        "国务院", "国发〔2018〕42号", "2018-12-21", "全国", "意见", ""
    ),
    # The outline's title and its first paragraph (第十四个五年（2021－2025年）规划); no date or body in the excerpt.
    "corpus/cn14_fyp_outline_p1-2.txt": DocInfo("", "", "", "全国", "纲要", "2021—2025"),
    "corpus/cn15_fyp_outline_p1-2.txt": DocInfo("", "", "", "全国", "纲要", "2026—2030"),
    # 政府工作报告 / ——2026年3月5日在第十四届全国人民代表大会第四次会议上 / 国务院总理　李强
    "heldout/gwr_2026_national.txt": DocInfo("国务院", "", "2026-03-05", "全国", "政府工作报告", ""),
    # 政府工作报告 / ——2026年2月4日在东莞市第十七届人民代表大会第六次会议上 / 东莞市常务副市长曾坚朋
    "heldout/gwr_2026_dongguan.txt": DocInfo("东莞市人民政府", "", "2026-02-04", "东莞市", "政府工作报告", ""),
    # …第十个五年计划纲要 / 2001年3月15日第九届全国人民代表大会第四次会议批准
    "plan_toc_preface.txt": DocInfo("全国人民代表大会", "", "2001-03-15", "全国", "纲要", "2001—2005"),
    # …“九五”计划和二〇一〇年远景目标纲要 / （一九九六年三月十七日第八届全国人民代表大会第四次会议批准）: a date in Chinese
    # numerals (it stopped the import with a traceback), the period by the plan's short name in quotes
    "heldout/cn9_fyp_outline_to_2010_goals.txt": DocInfo(
        "全国人民代表大会", "", "1996-03-17", "全国", "纲要", "1996—2000"
    ),
    # …第十一个五年规划纲要 / 2006年3月14日第十届全国人民代表大会第四次会议批准 / …第十一个五年（2006—2010年）规划纲要…
    "heldout/cn11_fyp_outline.txt": DocInfo("全国人民代表大会", "", "2006-03-14", "全国", "纲要", "2006—2010"),
    # Sections cut out of two work reports: no title, nothing stated about themselves.
    "corpus/nanjing_2026_gwr_p2-3.txt": DocInfo(),
}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_metadata_is_what_the_document_states(name: str) -> None:
    doc = build(read_file(DATA / name), "t")
    assert infer(doc) == GOLD[name]


def test_the_same_text_in_three_formats_has_one_content_key() -> None:
    keys = {
        content_key(build(read_file(DATA / "corpus" / f"cn14_fyp_outline_p1-2.{ext}"), "t"))
        for ext in ("txt", "docx", "pdf")
    }
    assert len(keys) == 1
    other = content_key(build(read_file(DATA / "corpus" / "cn15_fyp_outline_p1-2.txt"), "t"))
    assert other not in keys


@pytest.mark.integration
def test_folder_import_keeps_one_document_per_text_and_lists_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    shutil.copytree(DATA / "corpus", folder, ignore=shutil.ignore_patterns("*.json", "README.md"))
    (folder / "sub").mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "pdf" / "r4-aes-user-password.pdf", folder / "sub" / "locked.pdf")
    (folder / ".hidden.txt").write_text("不应导入", encoding="utf-8")
    session = Session(tmp_path / "data")
    report = session.import_many([folder])
    # Five distinct texts (the outlines come as .docx, .pdf and .txt: the Word copy is kept), one locked PDF.
    assert sorted(Path(p).name for p, _i, _t in report.imported) == [
        "agri_mechanization_opinion_2018.txt",
        "cn14_fyp_outline_p1-2.docx",
        "cn15_fyp_outline_p1-2.docx",
        "nanjing_2026_gwr_p2-3.txt",
        "zhejiang_2026_gwr_15th_goals.txt",
    ]
    assert sorted(Path(p).name for p, _t in report.duplicates) == [
        "cn14_fyp_outline_p1-2.pdf",
        "cn14_fyp_outline_p1-2.txt",
        "cn15_fyp_outline_p1-2.pdf",
        "cn15_fyp_outline_p1-2.txt",
    ]
    assert [Path(p).name for p, _e in report.failed] == ["locked.pdf"] and "密码" in report.failed[0][1]
    entries = {e.title: e for e in session.library.entries()}
    agri = entries["国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见"]
    assert agri.detail("number") == "国发〔2018〕42号" and agri.inferred("number")
    # Everything imported is searchable at once.
    assert session.index.search("农机装备", limit=None).total > 0
    # Importing the folder again adds nothing: every file updates itself or repeats another.
    again = session.import_many([folder])
    assert len(session.library.entries()) == 6 and len(again.imported) == 5


def test_the_readers_metadata_wins_and_survives_a_reimport(tmp_path: Path) -> None:
    session = Session(tmp_path / "data")
    source = tmp_path / "nanjing.txt"
    shutil.copy(DATA / "corpus" / "nanjing_2026_gwr_p2-3.txt", source)
    doc, _, _ = session.import_file(source, index=False)
    session.library.set_info(doc.id, "region", "南京市")
    session.import_file(source, index=False)
    entry = next(e for e in session.library.entries() if e.id == doc.id)
    assert entry.detail("region") == "南京市" and not entry.inferred("region")
    session.library.set_info(doc.id, "region", None)
    entry = next(e for e in session.library.entries() if e.id == doc.id)
    assert entry.detail("region") == ""


def test_cli_imports_a_folder_and_edits_metadata(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = str(tmp_path / "data")
    folder = tmp_path / "two"
    folder.mkdir()
    for name in ("cn15_fyp_outline_p1-2.txt", "cn15_fyp_outline_p1-2.docx"):
        shutil.copy(DATA / "corpus" / name, folder / name)
    assert main(["--data-dir", data, "import", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert len(out.split()) == 1 and "已导入 1 个，重复 1 个，失败 0 个" in err
    doc_id = out.strip()
    assert main(["--data-dir", data, "info", doc_id, "--set", "issuer=全国人民代表大会"]) == 0
    out, _ = capsys.readouterr()
    assert "发文机关（issuer）：全国人民代表大会\n" in out and "规划期（period）：2026—2030（推断）" in out
    assert main(["--data-dir", data, "info", doc_id, "--set", "colour=red"]) == 1
    assert main(["--data-dir", data, "import", str(folder), "--title", "x"]) == 1


@pytest.mark.integration
def test_cli_collections(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = str(tmp_path / "data")
    names = ("cn14_fyp_outline_p1-2.txt", "cn15_fyp_outline_p1-2.txt", "agri_mechanization_opinion_2018.txt")
    assert main(["--data-dir", data, "import", *(str(DATA / "corpus" / n) for n in names)]) == 0
    cn14, cn15, agri = capsys.readouterr()[0].split()
    for doc_id in (cn14, cn15):
        assert main(["--data-dir", data, "info", doc_id, "--tag", "国家五年规划"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "search", "农业", "--collection", "国家五年规划", "--json"]) == 0
    hits = __import__("json").loads(capsys.readouterr()[0])["hits"]
    assert hits and {h["doc"] for h in hits} <= {cn14, cn15}
    assert main(["--data-dir", data, "search", "农业", "--json"]) == 0
    assert agri in {h["doc"] for h in __import__("json").loads(capsys.readouterr()[0])["hits"]}
    assert main(["--data-dir", data, "search", "农业", "--collection", "省级"]) == 1
    assert "已有标签：国家五年规划" in capsys.readouterr()[1]


def test_notes_exports_carry_what_is_known_of_the_document(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(DATA / "corpus" / "agri_mechanization_opinion_2018.txt")]) == 0
    doc_id = capsys.readouterr()[0].split()[0]
    assert main(["--data-dir", data, "info", doc_id, "--tag", "农业"]) == 0
    assert (
        main(
            [
                "--data-dir",
                data,
                "notes",
                "add",
                "--doc",
                doc_id,
                "--block",
                "3",
                "--start",
                "0",
                "--end",
                "4",
                "--note",
                "看",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--data-dir", data, "notes", "export", "--format", "md", "--doc", doc_id]) == 0
    md = capsys.readouterr()[0]
    assert "发文机关：国务院　文号：国发〔2018〕42号　日期：2018-12-21" in md and "标签：#农业" in md
    assert main(["--data-dir", data, "notes", "export", "--format", "json"]) == 0
    exported = __import__("json").loads(capsys.readouterr()[0])
    assert exported["documents"][doc_id]["number"] == "国发〔2018〕42号" and len(exported["annotations"]) == 1


def test_two_imports_at_once_both_stay_in_the_library(tmp_path: Path) -> None:
    # Open With while another import runs, or two files dropped one after the other: the catalog was read before
    # the long part of an import and written after it, so the later import dropped the earlier one. Here the first
    # import waits, just before saving, until the second has finished.
    import threading

    session = Session(tmp_path / "data")
    second_done = threading.Event()

    def first_progress(percent: int, _label: str) -> None:
        if percent == 90:  # saving
            second_done.wait(timeout=30)

    first = threading.Thread(
        target=session.import_file,
        args=(DATA / "corpus" / "agri_mechanization_opinion_2018.txt",),
        kwargs={"index": False, "progress": first_progress},
    )
    first.start()
    session.import_file(DATA / "corpus" / "cn15_fyp_outline_p1-2.txt", index=False)
    second_done.set()
    first.join()
    titles = sorted(e.title[:6] for e in session.library.entries())
    assert titles == ["东莞市国民经", "中华人民共和", "国务院关于加"]
