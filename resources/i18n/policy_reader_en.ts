<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../reader/ui/views/document_view.py" line="71"/>
        <source>正文</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="49"/>
        <source>政策阅读器</source>
        <translation>Policy Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="60"/>
        <source>筛选目录…</source>
        <translation>Filter contents…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="61"/>
        <location filename="../../reader/ui/main_window.py" line="134"/>
        <source>筛选目录</source>
        <translation>Filter contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="66"/>
        <source>章节目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="120"/>
        <source>打开/导入文件…</source>
        <translation>Open / import file…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="121"/>
        <source>导出当前章节为 PDF…</source>
        <translation>Export current chapter as PDF…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="122"/>
        <source>打印当前章节…</source>
        <translation>Print current chapter…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="123"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="124"/>
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="125"/>
        <source>前进</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="126"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="128"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="129"/>
        <source>实际大小</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="130"/>
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="131"/>
        <source>专注阅读</source>
        <translation>Focus mode</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="132"/>
        <source>转到目录</source>
        <translation>Go to contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="133"/>
        <source>转到正文</source>
        <translation>Go to text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="135"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="136"/>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="137"/>
        <location filename="../../reader/ui/main_window.py" line="553"/>
        <source>关于政策阅读器</source>
        <translation>About Policy Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="141"/>
        <source>跟随系统</source>
        <translation>Follow system</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="141"/>
        <source>浅色</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="141"/>
        <source>深色</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="155"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="157"/>
        <source>文档库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="164"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="167"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="172"/>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="175"/>
        <location filename="../../reader/ui/main_window.py" line="354"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="182"/>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="189"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="192"/>
        <source>导航</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="302"/>
        <source>已读 {0}%</source>
        <translation>{0}% read</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="355"/>
        <source>界面语言将在下次启动时切换。</source>
        <translation>The language changes the next time the app starts.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="427"/>
        <source>打开政策文件</source>
        <translation>Open a policy document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="427"/>
        <source>政策文件 ({0});;所有文件 (*)</source>
        <translation>Policy documents ({0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="434"/>
        <source>正在导入 {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="434"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="435"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="448"/>
        <source>已导入：{0}</source>
        <translation>Imported: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="454"/>
        <source>已取消导入。</source>
        <translation>Import cancelled.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="514"/>
        <source>导出为 PDF</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="524"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="539"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="554"/>
        <source>{0} {1}
离线阅读、检索和批注中文政策文件。
数据文件夹：{2}</source>
        <translation>{0} {1}
Read, search and annotate Chinese policy documents offline.
Data folder: {2}</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../reader/ui/models/outline_model.py" line="82"/>
        <source>“{0}”：原文没有这个标题，它取自该段正文的开头。</source>
        <translation>“{0}”: the original has no heading here; this title is taken from the start of the paragraph.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/outline_model.py" line="85"/>
        <source>（推断）</source>
        <translation> (inferred)</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../reader/ui/workers.py" line="60"/>
        <source>内部错误：{0}</source>
        <translation>Internal error: {0}</translation>
    </message>
</context>
</TS>
