#!/usr/bin/env bash
# Build the one-folder app with build.spec and check the frozen app works, offscreen, with no network:
# it prints the outline and a search hit through the frozen CLI, opens and paints the bundled plan,
# and writes nothing inside the bundle. Prints the bundle size and the frozen cold-start time.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
"$PY" -m PyInstaller --noconfirm --log-level ERROR --distpath build/dist --workpath build/work build.spec
APP=build/dist/PolicyReader/PolicyReader
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
before=$("$PY" scripts/tree_hash.py build/dist/PolicyReader)
export POLICY_READER_HOME="$home/data" QT_QPA_PLATFORM=offscreen
"$APP" outline | grep -q "坚持创新在现代化建设全局中的核心地位"
"$APP" search "散裂中子源" --json | grep -q '"total": 4'
# A PDF whose 主要指标 table is a ruled grid: pdfplumber (and its CJK CMaps) must be in the bundle.
pdf_id=$("$APP" import tests/data/corpus/cn15_fyp_outline_p1-2.pdf --json | "$PY" -c "import json,sys; print(json.load(sys.stdin)['id'])")
"$APP" targets "$pdf_id" --json | "$PY" -c "
import json, sys
rows = [t for t in json.load(sys.stdin) if t['reason'] == '指标表']
assert len(rows) == 38, len(rows)
print('frozen PDF import: indicator table read,', len(rows), 'figures')"
# A Word file: python-docx reads it through lxml.etree (build.spec leaves lxml's other parts out). Its first part
# heading, read from the document: 第一篇 开启全面建设社会主义现代化国家新征程.
docx_id=$("$APP" import tests/data/corpus/cn14_fyp_outline_p1-2.docx --json | "$PY" -c "import json,sys; print(json.load(sys.stdin)['id'])")
"$APP" outline "$docx_id" | grep -q "第一篇.*开启全面建设社会主义现代化国家新征程"
echo "frozen Word import: outline read"
# Index workers start through the frozen executable (multiprocessing's spawn and freeze_support): two of them
# rebuild the index of the three documents, each writing its own segment, and the search still finds everything.
"$APP" index --rebuild --workers 2 --json | "$PY" -c "
import json, sys
r = json.load(sys.stdin)
assert len(r['indexed']) == 3, r"
segments=$(ls "$home/data/index/"*.seg | wc -l)
[ "$segments" -ge 2 ] || { echo "the frozen app's index workers did not write their segments ($segments)" >&2; exit 1; }
"$APP" search "散裂中子源" --json | grep -q '"total": 4'
echo "frozen index workers: $segments segments"
# strace must be able to see a connect() before its silence means anything.
probe_ok=false
if command -v strace >/dev/null 2>&1; then
  strace -f -qq -e trace=connect -o "$home/probe.log" "$PY" -c "import socket; socket.socket().connect_ex(('127.0.0.1', 9))" || true
  grep -q "AF_INET" "$home/probe.log" 2>/dev/null && probe_ok=true
fi
if $probe_ok; then
  # The frozen app makes no internet connection (local IPC sockets such as D-Bus are fine).
  strace -f -qq -e trace=connect -o "$home/connect.log" "$APP" gui --smoke >/dev/null 2>&1 || true
  if grep -E "AF_INET6?" "$home/connect.log"; then echo "the frozen app opened a network connection" >&2; exit 1; fi
  echo "no network connections (strace saw $(grep -c connect "$home/connect.log" || true) local connects)"
else
  echo "strace cannot trace here; network check of the frozen app skipped (the test suite's socket guard still ran)"
fi
# "Open with": the system runs `PolicyReader FILE`; a GBK text file must be imported, opened and painted.
"$PY" -c "open('$home/规划.txt', 'wb').write('东莞市推进制造业高质量发展实施方案\n一、总体要求\n推进制造业高质量发展。\n'.encode('gbk'))"
"$APP" "$home/规划.txt" --smoke | tee "$home/open-with.txt"
grep -q "painted=True doc=东莞市推进制造业高质量发展实施方案" "$home/open-with.txt"
start=$("$PY" -c "import time; print(time.time())")
"$APP" gui --smoke --screenshot build/smoke-window.png | tee "$home/smoke.txt"
end=$("$PY" -c "import time; print(time.time())")
grep -q "painted=True" "$home/smoke.txt"
grep -q "screenshot=saved" "$home/smoke.txt"   # build/smoke-window.png: the frozen window as painted
grep -Eq "icu=(ok|n/a)" "$home/smoke.txt"   # the cut-down ICU data (packaging/linux/slim_icu.py) still answers Qt
test ! -e "$home/data/cache"   # the segmenter (jieba-rs) writes no dictionary cache
# On a real X server (Xvfb) through Qt's xcb plugin, as on a Linux desktop: the plugins and libraries build.spec
# leaves out are not needed there. Where a library is missing, the app must say which in one line (exit 1).
if command -v xvfb-run >/dev/null 2>&1 && [ "$(uname)" = Linux ]; then
  set +e
  env -u QT_QPA_PLATFORM xvfb-run -a "$APP" gui --smoke > "$home/xcb.txt" 2>&1
  xcb_rc=$?
  set -e
  if [ "$xcb_rc" -eq 0 ]; then
    grep -q "painted=True" "$home/xcb.txt"
    echo "frozen app on X11 (Xvfb, xcb plugin): painted"
  else
    cat "$home/xcb.txt" >&2
    [ "$xcb_rc" -eq 1 ] && [ "$(grep -c . "$home/xcb.txt")" -eq 1 ] && grep -q "平台插件缺少系统库" "$home/xcb.txt" \
      || { echo "the frozen app failed on X11 without saying why in one line (exit $xcb_rc)" >&2; exit 1; }
    echo "frozen app on X11: a system library is missing (said in one line); install what README 'Running on Linux' lists"
  fi
fi
after=$("$PY" scripts/tree_hash.py build/dist/PolicyReader)
[ "$before" = "$after" ] || { echo "the frozen app wrote into its own folder" >&2; exit 1; }
echo "bundle size: $(du -sh build/dist/PolicyReader | cut -f1)"
echo "frozen cold start to painted window (process wall time): $("$PY" -c "print(round($end - $start, 2))") s"
echo "bundle smoke test passed"
