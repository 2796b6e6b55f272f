<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Annotating</name>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="53"/>
        <source>添加/移除书签</source>
        <translation>Toggle Bookmark</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="54"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="55"/>
        <source>高亮选中文字</source>
        <translation>Highlight Selection</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="56"/>
        <source>为选中文字添加批注…</source>
        <translation>Add Note to Selection…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="57"/>
        <source>书签(&amp;B)</source>
        <translation>&amp;Bookmarks</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="163"/>
        <source>请先在正文中选中一段文字（不跨段）。</source>
        <translation>Select some text first (within one paragraph).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="177"/>
        <source>添加批注</source>
        <translation>Add Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="177"/>
        <location filename="../../reader/ui/features/annotating.py" line="202"/>
        <source>批注内容：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="202"/>
        <source>编辑批注</source>
        <translation>Edit Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="219"/>
        <source>已删除。按 Ctrl+Z 撤销。</source>
        <translation>Deleted. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="231"/>
        <source>已撤销。</source>
        <translation>Undone.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="244"/>
        <source>已移除书签。</source>
        <translation>Bookmark removed.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="249"/>
        <source>已添加书签。</source>
        <translation>Bookmark added.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="259"/>
        <source>（本文档还没有书签）</source>
        <translation>(No bookmarks in this document yet)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="270"/>
        <source>这条批注的原文已在新版本中删改，无法定位。</source>
        <translation>The text of this note was changed or removed in the new version; it cannot be placed.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="296"/>
        <source>批注：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="308"/>
        <source>高亮</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="310"/>
        <source>黄色</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="310"/>
        <source>绿色</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="310"/>
        <source>蓝色</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="310"/>
        <source>粉色</source>
        <translation>Pink</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="317"/>
        <source>添加批注…</source>
        <translation>Add Note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="323"/>
        <source>编辑批注…</source>
        <translation>Edit Note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/annotating.py" line="324"/>
        <source>删除此高亮/批注</source>
        <translation>Delete This Highlight/Note</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../reader/ui/app.py" line="211"/>
        <source>内部错误：{0}</source>
        <translation>Internal error: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="214"/>
        <source>经过已记入 {0}。报告问题时可附上这个文件：其中没有文档和批注的文字。</source>
        <translation>What happened has been logged in {0}. Attach this file to a bug report: it holds no text of your documents or notes.</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <location filename="../../reader/ui/features/appearance.py" line="30"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/appearance.py" line="32"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/appearance.py" line="33"/>
        <source>实际大小</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/appearance.py" line="36"/>
        <source>跟随系统</source>
        <translation>Follow system</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/appearance.py" line="36"/>
        <source>浅色</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/appearance.py" line="36"/>
        <source>深色</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/appearance.py" line="55"/>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/appearance.py" line="58"/>
        <location filename="../../reader/ui/features/appearance.py" line="92"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/appearance.py" line="93"/>
        <source>界面语言将在下次启动时切换。</source>
        <translation>The language changes the next time the app starts.</translation>
    </message>
</context>
<context>
    <name>ChapterPrinting</name>
    <message>
        <location filename="../../reader/ui/features/printing.py" line="31"/>
        <source>导出当前章节为 PDF…</source>
        <translation>Export current chapter as PDF…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/printing.py" line="33"/>
        <source>打印当前章节…</source>
        <translation>Print current chapter…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/printing.py" line="70"/>
        <source>导出为 PDF</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/printing.py" line="80"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
</context>
<context>
    <name>CitationCopy</name>
    <message>
        <location filename="../../reader/ui/features/citation.py" line="30"/>
        <source>复制并注明出处</source>
        <translation>Copy with Citation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/citation.py" line="32"/>
        <source>复制所选文字，并在其后注明文件名称和所在章节</source>
        <translation>Copy the selected text followed by the document title and the chapter it is in</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/citation.py" line="50"/>
        <source>{0}
——《{1}》{2}</source>
        <translation>{0}
— “{1}”, {2}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/citation.py" line="51"/>
        <source>{0}
——《{1}》</source>
        <translation>{0}
— “{1}”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/citation.py" line="58"/>
        <source>已复制所选文字及出处</source>
        <translation>Copied the selection with its source</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="147"/>
        <source>对比文档</source>
        <translation>Compare documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="151"/>
        <source>要对比的文档</source>
        <translation>Documents to compare</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="152"/>
        <source>对比</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="155"/>
        <source>筛选指标或变化…</source>
        <translation>Filter indicators or changes…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="157"/>
        <source>勾选两个或多个文档（较早的规划在前），然后按“对比”。</source>
        <translation>Tick two or more documents (earlier plans first), then press Compare.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="175"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="177"/>
        <source>导出 Markdown…</source>
        <translation>Export Markdown…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="182"/>
        <source>文档</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="229"/>
        <source>请至少勾选两个文档。</source>
        <translation>Tick at least two documents.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="250"/>
        <source>{0} 个指标见于多个文档，{1} 个只见于一个。点击数值查看原文；右键可手工配对或拆开。</source>
        <translation>{0} indicators appear in several documents, {1} in one only. Click a figure to read its source; right-click to pair or separate rows by hand.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="272"/>
        <source>把所选两行当作同一个指标</source>
        <translation>Treat the two selected rows as one indicator</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="276"/>
        <source>拆开此行（不是同一个指标）</source>
        <translation>Separate this row (not the same indicator)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="305"/>
        <source>指标对比</source>
        <translation>indicator comparison</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="307"/>
        <source>导出对比</source>
        <translation>Export comparison</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="316"/>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="318"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
</context>
<context>
    <name>Comparing</name>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="332"/>
        <source>对比文档…</source>
        <translation>Compare documents…</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="68"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="70"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="72"/>
        <source>基期值</source>
        <translation>Past figure</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="72"/>
        <source>目标值</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="72"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="98"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="99"/>
        <source>不再列出</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="100"/>
        <source>目标提高 ↑</source>
        <translation>Target raised ↑</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="101"/>
        <source>目标降低 ↓</source>
        <translation>Target lowered ↓</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="102"/>
        <source>目标不变</source>
        <translation>Target unchanged</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/comparing.py" line="109"/>
        <source>（单位不同）</source>
        <translation> (units differ)</translation>
    </message>
</context>
<context>
    <name>DocumentInfo</name>
    <message>
        <location filename="../../reader/ui/features/docinfo.py" line="16"/>
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/docinfo.py" line="17"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/docinfo.py" line="18"/>
        <source>编码</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/docinfo.py" line="19"/>
        <source>网页日期</source>
        <translation>Page date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/docinfo.py" line="20"/>
        <source>网页位置</source>
        <translation>Page location</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/docinfo.py" line="21"/>
        <source>字数</source>
        <translation>Characters</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/docinfo.py" line="32"/>
        <source>文档信息</source>
        <translation>Document Info</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/docinfo.py" line="40"/>
        <source>{0} {1}
离线阅读、检索和批注中文政策文件。
数据文件夹：{2}

内置示例为东莞市“十四五”规划纲要的网页转载节选（止于“金融”一章），详见 帮助 › 文档信息。</source>
        <translation>{0} {1}
Read, search and annotate Chinese policy documents offline.
Data folder: {2}

The bundled example is an excerpt of a web copy of Dongguan&apos;s 14th Five-Year Plan outline (it ends in the finance chapter); see Help › Document Info.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/docinfo.py" line="41"/>
        <source>政策阅读器</source>
        <translation>Policy Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/docinfo.py" line="42"/>
        <source>关于政策阅读器</source>
        <translation>About Policy Reader</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../reader/ui/views/document_view.py" line="62"/>
        <source>正文</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>Editions</name>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="196"/>
        <source>比较两个版本…</source>
        <translation>Compare two editions…</translation>
    </message>
</context>
<context>
    <name>EditionsWindow</name>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="41"/>
        <source>比较两个版本</source>
        <translation>Compare two editions</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="46"/>
        <location filename="../../reader/ui/features/editions.py" line="61"/>
        <source>旧版本</source>
        <translation>Older edition</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="47"/>
        <location filename="../../reader/ui/features/editions.py" line="63"/>
        <source>新版本</source>
        <translation>Newer edition</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="48"/>
        <source>比较</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="50"/>
        <source>上一处</source>
        <translation>Find Previous</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="52"/>
        <source>下一处</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="54"/>
        <source>选择旧版本和新版本（例如征求意见稿和正式文本），然后按“比较”。</source>
        <translation>Choose the older and the newer edition (for example the draft for comment and the adopted text), then press Compare.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="98"/>
        <source>请选择两个不同的文档。</source>
        <translation>Choose two different documents.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="113"/>
        <source>新增 {0} 段，删除 {1} 段，修改 {2} 段，移动 {3} 段。点击一段在原文中查看。</source>
        <translation>{0} paragraphs added, {1} removed, {2} changed, {3} moved. Click one to read it in place.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="118"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="119"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="120"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="121"/>
        <source>移动</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="130"/>
        <source>（原在：{0}）</source>
        <translation>(was in: {0})</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/editions.py" line="169"/>
        <source>旧版本的 {0} 条批注：{1} 条在新版本中找到原处。</source>
        <translation>{0} notes of the older edition: {1} found in place in the newer one.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../reader/ui/features/navigation.py" line="28"/>
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/navigation.py" line="31"/>
        <source>前进</source>
        <translation>Forward</translation>
    </message>
</context>
<context>
    <name>ImportFeature</name>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="35"/>
        <source>打开/导入文件…</source>
        <translation>Open / import file…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="39"/>
        <source>导入文件夹…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="41"/>
        <source>文档库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="71"/>
        <source>打开政策文件</source>
        <translation>Open a policy document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="71"/>
        <source>政策文件 ({0});;所有文件 (*)</source>
        <translation>Policy documents ({0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="79"/>
        <source>导入文件夹（含子文件夹）</source>
        <translation>Import a folder (with its subfolders)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="100"/>
        <source>已导入 {0} 个文件，重复 {1} 个，失败 {2} 个。</source>
        <translation>Imported {0} files; {1} duplicates, {2} failed.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="104"/>
        <source>跳过（与《{1}》内容相同）：{0}</source>
        <translation>Skipped (same text as “{1}”): {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="105"/>
        <source>失败：{0}</source>
        <translation>Failed: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="107"/>
        <source>已取消：其余文件未导入。</source>
        <translation>Cancelled: the remaining files were not imported.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="113"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="140"/>
        <location filename="../../reader/ui/features/importing.py" line="157"/>
        <source>正在导入 {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="147"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="148"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="170"/>
        <source>取消前导入已完成，可在文档列表中打开。</source>
        <translation>The import finished before it could be cancelled; open it from the document list.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="181"/>
        <source>已取消导入。</source>
        <translation>Import cancelled.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/importing.py" line="191"/>
        <source>正在取消导入…</source>
        <translation>Cancelling the import…</translation>
    </message>
</context>
<context>
    <name>Indexer</name>
    <message>
        <location filename="../../reader/ui/features/indexing.py" line="35"/>
        <source>建立索引 %p%</source>
        <translation>Indexing %p%</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/indexing.py" line="36"/>
        <source>索引进度</source>
        <translation>Indexing progress</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/indexing.py" line="38"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/indexing.py" line="39"/>
        <source>取消建立索引</source>
        <translation>Cancel indexing</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/indexing.py" line="42"/>
        <source>重建检索索引</source>
        <translation>Rebuild Search Index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/indexing.py" line="85"/>
        <source>检索索引已重建（{0}）。</source>
        <translation>The search index was rebuilt ({0}).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/indexing.py" line="93"/>
        <source>已取消建立索引；检索结果可能不完整，重新检索时会继续。</source>
        <translation>Indexing cancelled; results may be incomplete until it resumes with the next search.</translation>
    </message>
</context>
<context>
    <name>LibraryFeature</name>
    <message>
        <location filename="../../reader/ui/features/library.py" line="170"/>
        <source>筛选标题、机关、文号、地区…</source>
        <translation>Filter by title, issuer, number, region…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="176"/>
        <source>文档库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="202"/>
        <location filename="../../reader/ui/features/library.py" line="276"/>
        <source>从文档库移除…</source>
        <translation>Remove from library…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="237"/>
        <source>共 {0} 个文档</source>
        <translation>{0} documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="239"/>
        <source>{0} / {1} 个文档</source>
        <translation>{0} of {1} documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="272"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="274"/>
        <source>修改此项…</source>
        <translation>Edit this field…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="309"/>
        <source>已从文档库移除：{0}</source>
        <translation>Removed from the library: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="316"/>
        <source>移除文档</source>
        <translation>Remove document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="318"/>
        <source>从文档库移除《{0}》？原文件不受影响。</source>
        <translation>Remove “{0}” from the library? The file itself is not touched.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="319"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="323"/>
        <source>从文档库移除《{0}》？原文件不受影响。
它有 {1} 条批注：</source>
        <translation>Remove “{0}” from the library? The file itself is not touched.
It has {1} notes:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="324"/>
        <source>保留批注</source>
        <translation>Keep the notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="325"/>
        <source>导出批注后移除…</source>
        <translation>Export the notes, then remove…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="326"/>
        <source>连同批注删除</source>
        <translation>Delete the notes too</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="328"/>
        <source>保留的批注在重新导入同一文件时回到原处。</source>
        <translation>Kept notes return to their places when the same file is imported again.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="337"/>
        <source>{0}-批注</source>
        <translation>{0} - notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="338"/>
        <source>导出批注</source>
        <translation>Export Notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="344"/>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../reader/ui/features/library.py" line="73"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="74"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="75"/>
        <source>发文机关</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="76"/>
        <source>文号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="77"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="78"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="79"/>
        <source>规划期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="80"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="81"/>
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="82"/>
        <source>导入于</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="106"/>
        <source>（内置）</source>
        <translation> (bundled)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="127"/>
        <source>从文档中读出，可双击修改；清空则恢复为读出的值</source>
        <translation>Read from the document; double-click to change, clear to go back to it</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="129"/>
        <source>双击修改；清空则恢复为从文档中读出的值</source>
        <translation>Double-click to change; clear to go back to the value read from the document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/library.py" line="131"/>
        <source>双击修改：空格分隔的标签（收藏夹），检索时可只查某个标签下的文档</source>
        <translation>Double-click to change: tags separated by spaces (collections); a search can be limited to one tag</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/app.py" line="86"/>
        <location filename="../../reader/ui/main_window.py" line="60"/>
        <source>政策阅读器</source>
        <translation>Policy Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="132"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="134"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="135"/>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="136"/>
        <source>关于政策阅读器</source>
        <translation>About Policy Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="137"/>
        <source>文档信息…</source>
        <translation>Document Info…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="142"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="148"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="152"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="159"/>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="163"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="166"/>
        <source>导航</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="173"/>
        <source>目标与数据</source>
        <translation>Targets and Figures</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="176"/>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="188"/>
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="190"/>
        <source>文档库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="322"/>
        <source>已导入：{0}</source>
        <translation>Imported: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="339"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../reader/ui/features/navigation.py" line="84"/>
        <source>筛选目录…</source>
        <translation>Filter contents…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/navigation.py" line="85"/>
        <location filename="../../reader/ui/features/navigation.py" line="110"/>
        <source>筛选目录</source>
        <translation>Filter contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/navigation.py" line="90"/>
        <source>章节目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/navigation.py" line="108"/>
        <source>转到目录</source>
        <translation>Go to contents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/navigation.py" line="109"/>
        <source>转到正文</source>
        <translation>Go to text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/navigation.py" line="120"/>
        <location filename="../../reader/ui/features/navigation.py" line="197"/>
        <source>已读 {0}%</source>
        <translation>{0}% read</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="44"/>
        <source>筛选原文、批注或标签…</source>
        <translation>Filter by text, note or tag…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="45"/>
        <source>筛选批注</source>
        <translation>Filter notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="49"/>
        <source>批注类型筛选</source>
        <translation>Filter by kind</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="51"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="52"/>
        <location filename="../../reader/ui/panels/notes_panel.py" line="116"/>
        <source>高亮</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="53"/>
        <location filename="../../reader/ui/panels/notes_panel.py" line="116"/>
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="54"/>
        <location filename="../../reader/ui/panels/notes_panel.py" line="116"/>
        <source>书签</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="55"/>
        <source>黄色</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="56"/>
        <source>绿色</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="57"/>
        <source>蓝色</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="58"/>
        <source>粉色</source>
        <translation>Pink</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="62"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="73"/>
        <source>批注列表</source>
        <translation>Notes list</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="120"/>
        <source>无法定位（原文已删改）</source>
        <translation>Cannot be placed (text changed)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="123"/>
        <source>（未分章）</source>
        <translation>(No chapter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="149"/>
        <source>还没有批注。在正文中选中文字后右键，可高亮或添加批注；Ctrl+D 添加书签。</source>
        <translation>No notes yet. Select text and right-click to highlight or add a note; Ctrl+D adds a bookmark.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="151"/>
        <source>没有符合筛选条件的批注。</source>
        <translation>No notes match the filter.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="179"/>
        <source>转到</source>
        <translation>Go To</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="180"/>
        <source>编辑批注…</source>
        <translation>Edit Note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/notes_panel.py" line="181"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>NotesTransfer</name>
    <message>
        <location filename="../../reader/ui/features/notes_transfer.py" line="38"/>
        <source>导出批注…</source>
        <translation>Export Notes…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/notes_transfer.py" line="40"/>
        <source>导入批注…</source>
        <translation>Import Notes…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/notes_transfer.py" line="53"/>
        <source>{0}-批注</source>
        <translation>{0} - notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/notes_transfer.py" line="56"/>
        <source>导出批注</source>
        <translation>Export Notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/notes_transfer.py" line="58"/>
        <source>Markdown（适合贴进报告） (*.md);;CSV（Excel） (*.csv);;JSON（完整备份，可再导入） (*.json)</source>
        <translation>Markdown for reports (*.md);;CSV for Excel (*.csv);;JSON, complete and re-importable (*.json)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/notes_transfer.py" line="71"/>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/notes_transfer.py" line="73"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/notes_transfer.py" line="82"/>
        <source>导入批注</source>
        <translation>Import Notes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/notes_transfer.py" line="89"/>
        <source>无法导入批注文件 {0}：{1}</source>
        <translation>Cannot import the notes file {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/notes_transfer.py" line="96"/>
        <source>批注已合并：新增 {0}，更新 {1}，跳过 {2}。</source>
        <translation>Notes merged: {0} added, {1} updated, {2} skipped.</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../reader/ui/models/outline_model.py" line="92"/>
        <source>原文没有这个标题，它取自该段正文：
{0}</source>
        <translation>The document has no heading here; this title is taken from the paragraph:
{0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/outline_model.py" line="94"/>
        <source>条目：标题取自这一段的第一句
{0}</source>
        <translation>Item: its title is the first sentence of this paragraph
{0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/models/outline_model.py" line="101"/>
        <source>（推断）</source>
        <translation> (inferred)</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../../reader/ui/features/panels.py" line="18"/>
        <source>面板</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/panels.py" line="19"/>
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/panels.py" line="20"/>
        <source>专注阅读</source>
        <translation>Focus mode</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="130"/>
        <source>检索：空格=并且，&quot;短语&quot;，OR，-排除</source>
        <translation>Search: space = AND, &quot;phrase&quot;, OR, -exclude</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="131"/>
        <source>检索词</source>
        <translation>Search query</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="139"/>
        <source>检索范围</source>
        <translation>Search scope</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="140"/>
        <source>全部文档</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="141"/>
        <source>当前文档</source>
        <translation>This document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="145"/>
        <source>按章筛选</source>
        <translation>Filter by chapter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="146"/>
        <location filename="../../reader/ui/panels/search_panel.py" line="348"/>
        <source>全部章节</source>
        <translation>All chapters</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="148"/>
        <source>同义词</source>
        <translation>Synonyms</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="149"/>
        <source>同时检索同义词（如 GDP = 地区生产总值）</source>
        <translation>Also search synonyms (e.g. GDP = 地区生产总值)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="166"/>
        <source>检索结果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="190"/>
        <source>空格</source>
        <translation>space</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="190"/>
        <source>同时包含</source>
        <translation>all of the words</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="190"/>
        <source>碳达峰 碳中和</source>
        <translation>碳达峰 碳中和</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="191"/>
        <source>连续短语</source>
        <translation>exact phrase</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="191"/>
        <source>&quot;高质量发展&quot;</source>
        <translation>&quot;高质量发展&quot;</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="192"/>
        <source>任一</source>
        <translation>either</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="192"/>
        <source>松山湖 OR 滨海湾</source>
        <translation>松山湖 OR 滨海湾</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="193"/>
        <source>-词</source>
        <translation>-word</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="193"/>
        <source>排除</source>
        <translation>exclude</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="193"/>
        <source>创新 -科技</source>
        <translation>创新 -科技</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="198"/>
        <source>输入关键词即检索，不必按回车。原文中逐字出现的段落都会列出，最相关的在前。</source>
        <translation>Type to search; no need to press Enter. Every paragraph that contains the words as written is listed, the most relevant first.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="199"/>
        <source>Ctrl+K 检索全部文档，Ctrl+F 检索当前文档；F3 / Shift+F3 在命中之间跳转。</source>
        <translation>Ctrl+K searches all documents, Ctrl+F the current one; F3 / Shift+F3 step through the hits.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="200"/>
        <source>勾选“同义词”时，GDP 也会找到“地区生产总值”。</source>
        <translation>With Synonyms ticked, GDP also finds 地区生产总值.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="249"/>
        <source>标签 #{0}</source>
        <translation>Tag #{0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="317"/>
        <source>没有找到“{0}”。</source>
        <translation>No matches for “{0}”.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="319"/>
        <source>共 {0} 段命中</source>
        <translation>{0} paragraphs match</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="321"/>
        <source>，已列出 {0} 段，滚动到底部列出更多</source>
        <translation>; {0} listed, scroll to the end for more</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="327"/>
        <source>；另有 {0} 个文档</source>
        <translation>; {0} more documents</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="330"/>
        <source>{0} 也检索了：{1}</source>
        <translation>{0} also searched: {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="354"/>
        <source>另有 {0} 个章节，先选定文档可逐一列出</source>
        <translation>{0} more chapters: choose a document to list them all</translation>
    </message>
</context>
<context>
    <name>Searching</name>
    <message>
        <location filename="../../reader/ui/features/searching.py" line="54"/>
        <source>在本文档中查找…</source>
        <translation>Find in This Document…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/searching.py" line="55"/>
        <source>在全部文档中检索…</source>
        <translation>Search All Documents…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/searching.py" line="56"/>
        <source>下一处</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/searching.py" line="57"/>
        <source>上一处</source>
        <translation>Find Previous</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/searching.py" line="119"/>
        <source>正在建立索引，完成后显示结果…</source>
        <translation>Building the index; results follow when it is done…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/searching.py" line="146"/>
        <source>卷首</source>
        <translation>Front matter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/searching.py" line="196"/>
        <source>没有可跳转的检索结果。</source>
        <translation>No search hits to go to.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/searching.py" line="205"/>
        <source>第 {0} / {1} 处</source>
        <translation>Match {0} of {1}</translation>
    </message>
</context>
<context>
    <name>TableActions</name>
    <message>
        <location filename="../../reader/ui/features/tables.py" line="39"/>
        <source>复制整张表格（粘贴到表格软件为单元格）</source>
        <translation>Copy the whole table (pastes as spreadsheet cells)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/tables.py" line="40"/>
        <source>导出表格为 CSV…</source>
        <translation>Export table as CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/tables.py" line="45"/>
        <source>已复制表格：{0} 行</source>
        <translation>Table copied: {0} rows</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/tables.py" line="50"/>
        <source>导出表格为 CSV</source>
        <translation>Export table as CSV</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/tables.py" line="59"/>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/tables.py" line="61"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
</context>
<context>
    <name>TargetsFeature</name>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="51"/>
        <source>突出显示目标与既往数据</source>
        <translation>Highlight Targets and Past Figures</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="57"/>
        <source>导出目标与数据为 CSV…</source>
        <translation>Export Targets and Figures as CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="80"/>
        <source>正在识别目标…</source>
        <translation>Finding targets…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="104"/>
        <location filename="../../reader/ui/features/targets.py" line="121"/>
        <source>规划目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="104"/>
        <location filename="../../reader/ui/features/targets.py" line="122"/>
        <source>既往数据</source>
        <translation>Past figure</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="108"/>
        <source>{0}（按规划期末计）</source>
        <translation>{0} (end of plan period)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="110"/>
        <source>比{0}年</source>
        <translation>vs. {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="113"/>
        <source>所在章节</source>
        <translation>the section it is in</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="113"/>
        <source>规划正文（不在回顾部分）</source>
        <translation>the plan's text (not a review part)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="115"/>
        <source>判断依据：{0}</source>
        <translation>Decided by: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="134"/>
        <source>{0}-目标与数据</source>
        <translation>{0} - targets</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="135"/>
        <source>导出为 CSV</source>
        <translation>Export as CSV</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="141"/>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/features/targets.py" line="143"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="75"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="76"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="77"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="78"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="79"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="80"/>
        <source>基年</source>
        <translation>Base year</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="81"/>
        <source>属性</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="82"/>
        <source>章节</source>
        <translation>Chapter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="95"/>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="95"/>
        <source>既往</source>
        <translation>Past</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="119"/>
        <source>* 原文未写年份，按规划期末计。</source>
        <translation>* No year in the text; the end of the plan period is assumed.</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="168"/>
        <location filename="../../reader/ui/panels/targets_panel.py" line="183"/>
        <source>规划目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="170"/>
        <location filename="../../reader/ui/panels/targets_panel.py" line="184"/>
        <source>既往数据</source>
        <translation>Past figure</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="181"/>
        <source>类型筛选</source>
        <translation>Filter by kind</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="182"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="187"/>
        <source>筛选指标、原文或章节…</source>
        <translation>Filter by indicator, text or chapter…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="188"/>
        <source>筛选目标</source>
        <translation>Filter targets</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="191"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="200"/>
        <source>目标列表</source>
        <translation>Targets list</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/targets_panel.py" line="247"/>
        <source>{0} / {1} 条</source>
        <translation>{0} / {1} rows</translation>
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
