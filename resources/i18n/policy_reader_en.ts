<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../reader/ui/views/document_view.py" line="73" />
        <source>正文</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="52" />
        <source>政策阅读器</source>
        <translation>Policy Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="63" />
        <source>筛选目录…</source>
        <translation>Filter contents…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="64" />
        <location filename="../../reader/ui/main_window.py" line="143" />
        <source>筛选目录</source>
        <translation>Filter contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="69" />
        <source>章节目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="129" />
        <source>打开/导入文件…</source>
        <translation>Open / import file…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="130" />
        <source>导出当前章节为 PDF…</source>
        <translation>Export current chapter as PDF…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="131" />
        <source>打印当前章节…</source>
        <translation>Print current chapter…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="132" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="133" />
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="134" />
        <source>前进</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="135" />
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="137" />
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="138" />
        <source>实际大小</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="139" />
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="140" />
        <source>专注阅读</source>
        <translation>Focus mode</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="141" />
        <source>转到目录</source>
        <translation>Go to contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="142" />
        <source>转到正文</source>
        <translation>Go to text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="144" />
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="145" />
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="146" />
        <location filename="../../reader/ui/main_window.py" line="682" />
        <source>关于政策阅读器</source>
        <translation>About Policy Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="148" />
        <source>突出显示目标与既往数据</source>
        <translation>Highlight Targets and Past Figures</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="151" />
        <source>导出目标与数据为 CSV…</source>
        <translation>Export Targets and Figures as CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="155" />
        <source>跟随系统</source>
        <translation>Follow system</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="155" />
        <source>浅色</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="155" />
        <source>深色</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="169" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="171" />
        <source>文档库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="179" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="182" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="187" />
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="190" />
        <location filename="../../reader/ui/main_window.py" line="483" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="195" />
        <source>面板</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="200" />
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="207" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="210" />
        <source>导航</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="241" />
        <source>目标与数据</source>
        <translation>Targets &amp; Figures</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="252" />
        <location filename="../../reader/ui/main_window.py" line="408" />
        <source>规划目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="253" />
        <location filename="../../reader/ui/main_window.py" line="408" />
        <source>既往数据</source>
        <translation>Past figure</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="359" />
        <source>已读 {0}%</source>
        <translation>{0}% read</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="413" />
        <source>{0}（按规划期末计）</source>
        <translation>{0} (end of plan period)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="414" />
        <source>所在章节</source>
        <translation>the section it is in</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="415" />
        <source>判断依据：{0}</source>
        <translation>Decided by: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="425" />
        <source>{0}-目标与数据</source>
        <translation>{0} - targets</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="426" />
        <source>导出为 CSV</source>
        <translation>Export as CSV</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="432" />
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="484" />
        <source>界面语言将在下次启动时切换。</source>
        <translation>The language changes the next time the app starts.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="556" />
        <source>打开政策文件</source>
        <translation>Open a policy document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="556" />
        <source>政策文件 ({0});;所有文件 (*)</source>
        <translation>Policy documents ({0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="563" />
        <source>正在导入 {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="563" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="564" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="577" />
        <source>已导入：{0}</source>
        <translation>Imported: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="583" />
        <source>已取消导入。</source>
        <translation>Import cancelled.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="643" />
        <source>导出为 PDF</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="434" />
        <location filename="../../reader/ui/main_window.py" line="653" />
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="668" />
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="683" />
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
        <location filename="../../reader/ui/models/outline_model.py" line="82" />
        <source>“{0}”：原文没有这个标题，它取自该段正文的开头。</source>
        <translation>“{0}”: the original has no heading here; this title is taken from the start of the paragraph.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/outline_model.py" line="85" />
        <source>（推断）</source>
        <translation> (inferred)</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="66" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="67" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="68" />
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="69" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="70" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="71" />
        <source>章节</source>
        <translation>Chapter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="84" />
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="84" />
        <source>既往</source>
        <translation>Past</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="104" />
        <source>* 原文未写年份，按规划期末计。</source>
        <translation>* No year in the text; the end of the plan period is assumed.</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="162" />
        <location filename="../../reader/ui/panels/targets_panel.py" line="177" />
        <source>规划目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="164" />
        <location filename="../../reader/ui/panels/targets_panel.py" line="178" />
        <source>既往数据</source>
        <translation>Past figure</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="175" />
        <source>类型筛选</source>
        <translation>Filter by kind</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="176" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="181" />
        <source>筛选指标、原文或章节…</source>
        <translation>Filter by indicator, text or chapter…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="182" />
        <source>筛选目标</source>
        <translation>Filter targets</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="185" />
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="194" />
        <source>目标列表</source>
        <translation>Targets list</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="241" />
        <source>{0} / {1} 条</source>
        <translation>{0} / {1} rows</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../reader/ui/workers.py" line="60" />
        <source>内部错误：{0}</source>
        <translation>Internal error: {0}</translation>
    </message>
</context>
</TS>
