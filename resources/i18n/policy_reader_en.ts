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
        <location filename="../../reader/ui/main_window.py" line="55" />
        <source>政策阅读器</source>
        <translation>Policy Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="66" />
        <source>筛选目录…</source>
        <translation>Filter contents…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="67" />
        <location filename="../../reader/ui/main_window.py" line="153" />
        <source>筛选目录</source>
        <translation>Filter contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="72" />
        <source>章节目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="139" />
        <source>打开/导入文件…</source>
        <translation>Open / import file…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="140" />
        <source>导出当前章节为 PDF…</source>
        <translation>Export current chapter as PDF…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="141" />
        <source>打印当前章节…</source>
        <translation>Print current chapter…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="142" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="143" />
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="144" />
        <source>前进</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="145" />
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="147" />
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="148" />
        <source>实际大小</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="149" />
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="150" />
        <source>专注阅读</source>
        <translation>Focus mode</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="151" />
        <source>转到目录</source>
        <translation>Go to contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="152" />
        <source>转到正文</source>
        <translation>Go to text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="154" />
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="155" />
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="156" />
        <location filename="../../reader/ui/main_window.py" line="884" />
        <source>关于政策阅读器</source>
        <translation>About Policy Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="158" />
        <source>突出显示目标与既往数据</source>
        <translation>Highlight Targets and Past Figures</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="161" />
        <source>导出目标与数据为 CSV…</source>
        <translation>Export Targets and Figures as CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="163" />
        <source>在本文档中查找…</source>
        <translation>Find in This Document…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="165" />
        <source>在全部文档中检索…</source>
        <translation>Search All Documents…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="166" />
        <source>下一处</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="167" />
        <source>上一处</source>
        <translation>Find Previous</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="168" />
        <source>重建检索索引</source>
        <translation>Rebuild Search Index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="172" />
        <source>跟随系统</source>
        <translation>Follow system</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="172" />
        <source>浅色</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="172" />
        <source>深色</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="186" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="188" />
        <source>文档库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="196" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="206" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="211" />
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="214" />
        <location filename="../../reader/ui/main_window.py" line="679" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="219" />
        <source>面板</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="224" />
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="231" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="234" />
        <source>导航</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="265" />
        <source>目标与数据</source>
        <translation>Targets &amp; Figures</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="270" />
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="276" />
        <source>建立索引 %p%</source>
        <translation>Indexing %p%</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="277" />
        <source>索引进度</source>
        <translation>Indexing progress</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="280" />
        <source>取消建立索引</source>
        <translation>Cancel indexing</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="295" />
        <location filename="../../reader/ui/main_window.py" line="455" />
        <source>规划目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="296" />
        <location filename="../../reader/ui/main_window.py" line="455" />
        <source>既往数据</source>
        <translation>Past figure</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="406" />
        <source>已读 {0}%</source>
        <translation>{0}% read</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="460" />
        <source>{0}（按规划期末计）</source>
        <translation>{0} (end of plan period)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="461" />
        <source>所在章节</source>
        <translation>the section it is in</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="462" />
        <source>判断依据：{0}</source>
        <translation>Decided by: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="472" />
        <source>{0}-目标与数据</source>
        <translation>{0} - targets</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="473" />
        <source>导出为 CSV</source>
        <translation>Export as CSV</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="479" />
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="509" />
        <source>检索索引已重建（{0}）。</source>
        <translation>The search index was rebuilt ({0}).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="516" />
        <source>已取消建立索引；检索结果可能不完整，重新检索时会继续。</source>
        <translation>Indexing cancelled; results may be incomplete until it resumes with the next search.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="553" />
        <source>正在建立索引，完成后显示结果…</source>
        <translation>Building the index; results follow when it is done…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="620" />
        <source>没有可跳转的检索结果。</source>
        <translation>No search hits to go to.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="630" />
        <source>第 {0} / {1} 处</source>
        <translation>Match {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="680" />
        <source>界面语言将在下次启动时切换。</source>
        <translation>The language changes the next time the app starts.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="756" />
        <source>打开政策文件</source>
        <translation>Open a policy document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="756" />
        <source>政策文件 ({0});;所有文件 (*)</source>
        <translation>Policy documents ({0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="763" />
        <source>正在导入 {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="279" />
        <location filename="../../reader/ui/main_window.py" line="763" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="764" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="779" />
        <source>已导入：{0}</source>
        <translation>Imported: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="785" />
        <source>已取消导入。</source>
        <translation>Import cancelled.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="845" />
        <source>导出为 PDF</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="481" />
        <location filename="../../reader/ui/main_window.py" line="855" />
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="870" />
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="885" />
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
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="88" />
        <source>检索：空格=并且，"短语"，OR，-排除</source>
        <translation>Search: space = AND, "phrase", OR, -exclude</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="89" />
        <source>检索词</source>
        <translation>Search query</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="97" />
        <source>检索范围</source>
        <translation>Search scope</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="98" />
        <source>全部文档</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="99" />
        <source>当前文档</source>
        <translation>This document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="102" />
        <source>按章筛选</source>
        <translation>Filter by chapter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="103" />
        <location filename="../../reader/ui/panels/search_panel.py" line="200" />
        <source>全部章节</source>
        <translation>All chapters</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="105" />
        <source>同义词</source>
        <translation>Synonyms</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="106" />
        <source>同时检索同义词（如 GDP = 地区生产总值）</source>
        <translation>Also search synonyms (e.g. GDP = 地区生产总值)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="120" />
        <source>检索结果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="176" />
        <source>没有找到“{0}”。</source>
        <translation>No matches for “{0}”.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="178" />
        <source>共 {0} 段命中</source>
        <translation>{0} paragraphs match</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="180" />
        <source>，显示前 {0} 段</source>
        <translation>, showing the first {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="188" />
        <source>{0} 也检索了：{1}</source>
        <translation>{0} also searched: {1}</translation>
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
