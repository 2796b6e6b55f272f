from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import BUNDLED_DOC_ID
from reader.cli import main
from reader.library import Library
from reader.paths import resources_dir, user_data_dir
from tests.conftest import DATA, ROOT


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_bundled_plan_is_always_in_the_library(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "list", "--json")
    assert code == 0
    entries = json.loads(out)
    assert entries[0]["id"] == BUNDLED_DOC_ID and entries[0]["bundled"]
    assert entries[0]["chars"] > 25000


def test_import_prints_the_id_and_list_shows_it(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "import", str(DATA / "plan_enumerations.txt"), "--title", "制造业方案")
    assert code == 0
    doc_id = out.strip()
    code, out, _ = run_cli(capsys, "list", "--json")
    assert [e["title"] for e in json.loads(out)][1] == "制造业方案"
    code, out, _ = run_cli(capsys, "outline", doc_id, "--json")
    assert json.loads(out)[1]["number"] == "一、"


def test_reimporting_a_changed_file_keeps_its_id(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "方案.txt"
    path.write_text((DATA / "plan_enumerations.txt").read_text(encoding="utf-8"), encoding="utf-8")
    _, first, _ = run_cli(capsys, "import", str(path))
    path.write_text(path.read_text(encoding="utf-8") + "四、附则\n本方案自印发之日起实施。\n", encoding="utf-8")
    code, second, _ = run_cli(capsys, "import", str(path), "--json")
    assert code == 0
    result = json.loads(second)
    assert result["id"] == first.strip() and result["replaced"]
    _, out, _ = run_cli(capsys, "list", "--json")
    assert len(json.loads(out)) == 2


def test_block_ids_are_stable_across_reimports(tmp_path: Path) -> None:
    lib = Library(tmp_path, resources_dir())
    path = tmp_path / "p.txt"
    path.write_text("一、总则\n第一段。\n第二段。\n", encoding="utf-8")
    before, _ = lib.import_file(path)
    path.write_text("一、总则\n新插入的一段。\n第一段。\n第二段。\n", encoding="utf-8")
    after, _ = lib.import_file(path)
    assert {b.text: b.id for b in before.blocks}["第二段。"] == {b.text: b.id for b in after.blocks}["第二段。"]


def test_outline_json_fields(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "outline", "--json")
    node = json.loads(out)[1]
    assert set(node) >= {"id", "level", "number", "title", "inferred", "block", "children"}
    assert node["number"] is None and node["inferred"] is True


def test_text_json_fields(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "text", "--json")
    blocks = json.loads(out)
    assert set(blocks[0]) >= {"index", "kind", "text", "node"}
    assert [b["index"] for b in blocks] == list(range(len(blocks)))


def test_unknown_document_is_a_user_error(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "outline", "no-such-doc")
    assert code == 1
    assert "no-such-doc" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_broken_file_import_is_a_user_error_and_leaves_no_state(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "坏 文件.docx"
    bad.write_bytes(b"not a zip")
    code, _, err = run_cli(capsys, "import", str(bad))
    assert code == 1 and "坏 文件.docx" in err
    assert not (data_dir / "library" / "catalog.json").exists()


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["outline", "--no-such-flag"])
    assert exc.value.code == 2
    # argparse's own words come in the CLI's language too, not English among Chinese.
    err = capsys.readouterr().err
    assert err.startswith("用法 / usage:") and "错误：无法识别的参数" in err
    with pytest.raises(SystemExit):
        main(["targets", "--kind", "x"])
    assert "参数 --kind：无效的选择 'x'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["outline", "--help"])
    assert "选项 / options" in capsys.readouterr().out


def test_data_dir_flag_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_READER_HOME", str(tmp_path / "env"))
    assert user_data_dir(tmp_path / "flag") == (tmp_path / "flag").resolve()
    assert user_data_dir() == (tmp_path / "env").resolve()


@pytest.mark.integration
def test_python_m_reader_prints_utf8_outline(tmp_path: Path) -> None:
    env = {**os.environ, "POLICY_READER_HOME": str(tmp_path), "PYTHONIOENCODING": "ascii"}
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "outline"], cwd=ROOT, env=env, capture_output=True, timeout=60
    )
    assert proc.returncode == 0
    assert "建设高水平大学和科研机构" in proc.stdout.decode("utf-8")


def test_nothing_is_written_into_resources(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.name for p in resources_dir().rglob("*"))
    run_cli(capsys, "import", str(DATA / "regulation_articles.txt"))
    run_cli(capsys, "outline")
    assert sorted(p.name for p in resources_dir().rglob("*")) == before


def test_a_catalog_changed_by_another_window_is_read_again(tmp_path: Path) -> None:
    """The catalog is parsed once and kept while the file is unchanged; another window's import shows up."""
    first, second = Library(tmp_path, resources_dir()), Library(tmp_path, resources_dir())
    assert [e.id for e in first.entries()] == [BUNDLED_DOC_ID]
    doc, _ = second.import_file(DATA / "plan_with_headings.txt")
    assert [e.id for e in first.entries()] == [BUNDLED_DOC_ID, doc.id]
    first.remove(doc.id)
    assert [e.id for e in second.entries()] == [BUNDLED_DOC_ID]
    assert [e.id for e in first.entries()] == [BUNDLED_DOC_ID]


def test_search_takes_an_excluded_word_and_unquoted_words(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "科技", "--json"]) == 0
    with_tech = json.loads(capsys.readouterr().out)["total"]
    # -碳达峰 is a query word to exclude, not an unknown option; words typed apart form one query.
    assert main(["search", "科技", "-碳达峰", "--json"]) == 0
    without = json.loads(capsys.readouterr().out)
    assert without["query"] == "科技 -碳达峰" and 0 < without["total"] <= with_tech
    assert main(["search", "-碳达峰", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["query"] == "-碳达峰"


def test_lang_is_accepted_before_the_command(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "list"]) == 0
    assert "dongguan-14th-fyp" in capsys.readouterr().out


def test_index_rebuild_says_what_it_did(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "--rebuild"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("已索引 1 篇") and "rebuild requested" not in captured.err


def test_the_bundled_plan_restores_only_the_stripped_names_and_says_it_is_an_excerpt() -> None:
    doc = Library(Path("/nonexistent-never-written"), resources_dir()).open(BUNDLED_DOC_ID)
    text = "\n".join(b.text for b in doc.blocks)
    # The six formulas of shared/seed/PROVENANCE.md, as the official wording has them.
    assert "坚持以习近平新时代中国特色社会主义思想为指导" in text
    assert "在以习近平同志为核心的党中央坚强领导下" in text
    assert "坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代" in text
    assert "坚决维护习近平总书记党中央的核心" in text and "全面贯彻习近平总书记对广东" in text
    assert "以习新时代" not in text and "习同志" not in text and "习总书记" not in text
    # Damage that no source confirms stays as it is.
    assert "认线”工作思路" in text and text.rstrip().endswith("拓展金融服务应用场。")
    extra = doc.meta.extra
    assert "金融" in extra["节选"] and "6 处" in extra["修复"] and "idg.timedg.com" in extra["来源"]


def test_ambiguous_titles_and_prefixes_are_named_not_guessed(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = []
    for name in ("a", "b"):
        copy = tmp_path / name / "plan.txt"
        copy.parent.mkdir()
        copy.write_text((DATA / "plan_enumerations.txt").read_text(encoding="utf-8"), encoding="utf-8")
        code, out, _ = run_cli(capsys, "import", str(copy), "--title", "同名方案")
        assert code == 0
        ids.append(out.strip())
    code, out, err = run_cli(capsys, "outline", "同名方案")
    assert code == 1 and "2 个文档标题都是“同名方案”" in err and all(i in err for i in ids)
    common = ids[0][: next(i for i, (a, b) in enumerate(zip(*ids, strict=False)) if a != b)]
    assert common  # both ids start with the file's name
    code, out, err = run_cli(capsys, "outline", common)
    assert code == 1 and "请多输入几个字符" in err and "没有" not in err
    code, out, _ = run_cli(capsys, "outline", ids[0])
    assert code == 0


def test_output_into_a_missing_folder_is_refused_and_files_get_normal_permissions(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder" / "targets.csv"
    code, _, err = run_cli(capsys, "targets", "--csv", "-o", str(missing))
    assert code == 1 and "不存在" in err and len(err.strip().splitlines()) == 1
    assert not missing.parent.exists()
    written = tmp_path / "targets.csv"
    code, _, _ = run_cli(capsys, "targets", "--csv", "-o", str(written))
    assert code == 0 and written.read_text(encoding="utf-8-sig").startswith("类型")
    if os.name == "posix":
        umask = os.umask(0o022)
        os.umask(umask)
        assert written.stat().st_mode & 0o777 == 0o666 & ~umask  # what any new file gets, not owner-only


def test_reopening_a_file_keeps_the_title_given_at_import(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = str(DATA / "plan_enumerations.txt")
    code, out, _ = run_cli(capsys, "import", source, "--title", "我的标题")
    assert code == 0
    doc_id = out.strip()
    from reader.session import Session

    Session(data_dir).import_file(source)  # what `gui FILE` and drag-and-drop do: no title given
    _, out, _ = run_cli(capsys, "list", "--json")
    assert {e["id"]: e["title"] for e in json.loads(out)}[doc_id] == "我的标题"
    run_cli(capsys, "import", source, "--title", "新标题")
    _, out, _ = run_cli(capsys, "list", "--json")
    assert {e["id"]: e["title"] for e in json.loads(out)}[doc_id] == "新标题"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux can lack a display")
def test_gui_without_a_display_is_one_line_not_an_abort(tmp_path: Path) -> None:
    """Qt aborted the process (exit 134) with a page of plugin names; now one line says what is missing."""

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run(
        [sys.executable, "-m", "reader", "gui", "--data-dir", str(tmp_path / "d")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0 and "DISPLAY" in run.stderr and "Traceback" not in run.stderr
