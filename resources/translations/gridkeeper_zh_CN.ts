<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Ctrl+Enter saves.</source>
        <translation>按 Ctrl+Enter 保存。</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Activity of {team}</source>
        <translation>{team}的活动</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>活动内容(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Participants:</source>
        <translation>参加人数(&amp;P)：</translation>
    </message>
    <message>
        <source>Each for:</source>
        <translation>每人时长：</translation>
    </message>
    <message>
        <source>&amp;Households served:</source>
        <translation>服务户数(&amp;H)：</translation>
    </message>
    <message>
        <source>Compound:</source>
        <translation>小区：</translation>
    </message>
    <message>
        <source>Service done from the lists:</source>
        <translation>完成的清单服务项：</translation>
    </message>
</context>
<context>
    <name>AddressDialog</name>
    <message>
        <source>e.g. 2 (empty when the building has no units)</source>
        <extracomment>What OK does with (building id, unit, room); raises GridKeeperError to refuse.</extracomment>
        <translation>如 2（楼栋不分单元时留空）</translation>
    </message>
    <message>
        <source>e.g. 501</source>
        <translation>如 501</translation>
    </message>
    <message>
        <source>Community:</source>
        <translation>社区：</translation>
    </message>
    <message>
        <source>Compound:</source>
        <translation>小区：</translation>
    </message>
    <message>
        <source>Building:</source>
        <translation>楼栋：</translation>
    </message>
    <message>
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单元：</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>室：</translation>
    </message>
    <message>
        <source>No building is on file yet: set up the street&apos;s communities, compounds and buildings first (网格设置), or import a household roster.</source>
        <translation>还没有任何楼栋：请先在“网格设置”中建立社区、小区和楼栋，或导入户籍花名册。</translation>
    </message>
    <message>
        <source>(no grid yet)</source>
        <translation>（尚未划入网格）</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Agreement of {number}</source>
        <translation>{number} 的调解协议</translation>
    </message>
    <message>
        <source>The facts of the dispute and what was in dispute</source>
        <translation>纠纷的主要事实和争议事项</translation>
    </message>
    <message>
        <source>One term per line: who does what, pays how much, by when</source>
        <translation>每行一条：谁做什么、支付多少、何时完成</translation>
    </message>
    <message>
        <source>e.g. paid in cash on signing, repair by a licensed builder</source>
        <translation>例如：签字时当面付清现金，由有资质的施工单位维修</translation>
    </message>
    <message>
        <source>to be performed by</source>
        <translation>履行期限至</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>协议形式</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>纠纷事实</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <source>How performed</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>履行期限</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>GridKeeper</source>
        <translation>网格管家</translation>
    </message>
    <message>
        <source>Restoring the profile from the backup of {date}…</source>
        <translation>正在从 {date} 的备份恢复档案……</translation>
    </message>
    <message>
        <source>The profile was restored from the backup of {date}. The profile as it was is kept as a backup too. For sync this laptop is now a new one: it joins its office again (gridkeeper office join with a code from an admin, or gridkeeper office rejoin if it was the admin laptop).</source>
        <translation>档案已从 {date} 的备份恢复，恢复前的档案也另存了一份备份。对同步而言，这台电脑现在是一台新电脑，需要重新加入单位（用管理员给的邀请码执行 gridkeeper office join；如果它原来是管理员电脑，执行 gridkeeper office rejoin）。</translation>
    </message>
    <message>
        <source>Encrypt this profile</source>
        <translation>加密本档案</translation>
    </message>
    <message>
        <source>Choose a passphrase. GridKeeper then encrypts the profile and its backups, and asks for the passphrase at every start and after it locks. A backup is made first.</source>
        <translation>请设置密码。网格管家随后加密档案及其备份，并在每次启动和锁定后要求输入密码。加密前会先做一份备份。</translation>
    </message>
    <message>
        <source>Welcome to GridKeeper</source>
        <translation>欢迎使用网格管家</translation>
    </message>
    <message>
        <source>Choose a passphrase for the records on this laptop. GridKeeper encrypts them with it, and asks for it at every start and after it locks.</source>
        <translation>请为本机上的档案设置密码。网格管家用它加密档案，并在每次启动和锁定后要求输入。</translation>
    </message>
    <message>
        <source>This profile is not encrypted: anybody who copies its folder can read the records. Encrypt it now? A backup is made first.</source>
        <translation>本档案未加密：任何人复制其文件夹即可读取档案内容。现在加密吗？加密前会先做一份备份。</translation>
    </message>
    <message>
        <source>Encrypt…</source>
        <translation>加密……</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Never for this profile</source>
        <translation>本档案不再询问</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Photos and scans</source>
        <translation>照片和扫描件</translation>
    </message>
    <message>
        <source>Add pho&amp;to or scan…</source>
        <translation>添加照片或扫描件(&amp;T)…</translation>
    </message>
    <message>
        <source>Attach a JPEG or PNG photo or a PDF scan (at most 15 MB)</source>
        <translation>添加 JPEG、PNG 照片或 PDF 扫描件（每个不超过 15 MB）</translation>
    </message>
    <message>
        <source>PDF scan</source>
        <translation>PDF 扫描件</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Added {at} by {by}, {size}</source>
        <translation>{by}于 {at} 添加，{size}</translation>
    </message>
    <message>
        <source>Not received yet</source>
        <translation>尚未收到</translation>
    </message>
    <message>
        <source>Attach photos or scans</source>
        <translation>添加照片或扫描件</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) attached.</source>
        <translation>
            <numerusform>已添加 %n 张照片。</numerusform>
        </translation>
    </message>
    <message>
        <source>This photo has not been received from the office&apos;s shared folder yet. Sync when the shared folder can be reached, then try again.</source>
        <translation>这张照片还没有从办公室的共享文件夹收到。请在能连上共享文件夹时同步，然后再打开。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Caption…</source>
        <translation>说明…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>What the photo shows:</source>
        <translation>照片内容：</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <source>Remove this photo? It stays in the history and in backups.</source>
        <translation>移除这张照片吗？历史记录和备份中仍会保留。</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Shown in full</source>
        <translation>完整显示</translation>
    </message>
    <message>
        <source>Exported in full</source>
        <translation>完整导出</translation>
    </message>
    <message>
        <source>Dumped (every number)</source>
        <translation>导出全部数据（含全部号码）</translation>
    </message>
    <message>
        <source>Agreement printed</source>
        <translation>打印调解协议书</translation>
    </message>
    <message numerus="yes">
        <source>Every time a full ID or phone number was shown, exported or printed, on any laptop of the office: the newest %n entries.</source>
        <translation>
            <numerusform>单位内任何一台电脑上每次完整显示、导出或打印身份证号、电话号码的记录：最近 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>涉及对象</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>many persons</source>
        <translation>多人</translation>
    </message>
</context>
<context>
    <name>BuildingsDialog</name>
    <message>
        <source>Edit building</source>
        <translation>编辑楼幢</translation>
    </message>
    <message>
        <source>New buildings in {compound}</source>
        <translation>在{compound}新建楼幢</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>1-12, or 1、3、5, or 综合楼</source>
        <translation>1-12，或 1、3、5，或 综合楼</translation>
    </message>
    <message>
        <source>&amp;Buildings:</source>
        <translation>楼幢(&amp;B)：</translation>
    </message>
    <message>
        <source>“1-12” adds 1幢 to 12幢; buildings already there are left as they are.</source>
        <translation>“1-12”即新建1幢至12幢；已有的楼幢保持不变。</translation>
    </message>
    <message>
        <source>&amp;Units:</source>
        <translation>单元数(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Floors:</source>
        <translation>层数(&amp;F)：</translation>
    </message>
    <message>
        <source>Building {name} saved.</source>
        <translation>楼幢{name}已保存。</translation>
    </message>
    <message numerus="yes">
        <source>%n building(s) added to {compound}.</source>
        <translation>
            <numerusform>已在{compound}新建%n幢楼。</numerusform>
        </translation>
    </message>
    <message>
        <source>Already there: {names}.</source>
        <translation>已有：{names}。</translation>
    </message>
</context>
<context>
    <name>CadreDialog</name>
    <message>
        <source>Who is using this laptop?</source>
        <translation>谁在使用这台电脑？</translation>
    </message>
    <message>
        <source>This laptop belongs to one cadre. Choose yourself from the street&apos;s cadres, or add yourself if you are new and tick the grids you hold. Pages then show your grids.</source>
        <translation>这台电脑归一位干部使用。请从街道的干部中选择您自己；如果您是新来的，请添加自己并勾选您负责的网格。之后各页面显示您的网格。</translation>
    </message>
    <message>
        <source>I am one of the street&apos;s cadres:</source>
        <translation>我是街道的这些干部之一：</translation>
    </message>
    <message>
        <source>Type to filter by name, role, community or grid</source>
        <translation>输入姓名、角色、社区或网格进行筛选</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Grids held today</source>
        <translation>今天负责的网格</translation>
    </message>
    <message>
        <source>I am new:</source>
        <translation>我是新来的：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Grids I hold:</source>
        <translation>我负责的网格：</translation>
    </message>
    <message>
        <source>no grid today</source>
        <translation>今天没有负责的网格</translation>
    </message>
    <message>
        <source>Grids held, past and present:</source>
        <translation>负责过和正在负责的网格：</translation>
    </message>
    <message>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>No grid held so far.</source>
        <translation>至今没有负责过网格。</translation>
    </message>
    <message>
        <source>The profile has no grids yet: import the grid division table or a roster first, or go on without grids and see every household.</source>
        <translation>档案里还没有网格：请先导入网格划分表或花名册；也可以先不选网格，查看全部住户。</translation>
    </message>
    <message>
        <source>Enter your name, or choose a cadre from the list.</source>
        <translation>请输入您的姓名，或从列表中选择一名干部。</translation>
    </message>
    <message>
        <source>Tick the grids you hold (at least one).</source>
        <translation>请勾选您负责的网格（至少一个）。</translation>
    </message>
    <message>
        <source>Choose a cadre from the list.</source>
        <translation>请从列表中选择一名干部。</translation>
    </message>
</context>
<context>
    <name>CadreEditDialog</name>
    <message>
        <source>Edit cadre</source>
        <translation>编辑干部</translation>
    </message>
    <message>
        <source>New cadre</source>
        <translation>新增干部</translation>
    </message>
    <message>
        <source>unchanged ({phone})</source>
        <translation>不变（{phone}）</translation>
    </message>
    <message>
        <source>138 0577 1234 or 0577-62345678</source>
        <translation>138 0577 1234 或 0577-62345678</translation>
    </message>
    <message>
        <source>(the street)</source>
        <translation>（街道）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>身份(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Community:</source>
        <translation>社区(&amp;C)：</translation>
    </message>
    <message>
        <source>Cadre {name} saved.</source>
        <translation>干部{name}已保存。</translation>
    </message>
    <message>
        <source>Cadre {name} added.</source>
        <translation>已新增干部{name}。</translation>
    </message>
</context>
<context>
    <name>CallSheet</name>
    <message>
        <source>Call sheet, {date}</source>
        <extracomment>As for the agreement: a Latin face first (Qt&apos;s PDF writer keeps its digits searchable), then Chinese.</extracomment>
        <translation>今日联系表（{date}）</translation>
    </message>
    <message>
        <source>Due {due} · Overdue {overdue} · Alerts {alerts}</source>
        <translation>今日应联系 {due} · 逾期 {overdue} · 预警 {alerts}</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Last reached</source>
        <translation>上次联系上</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Knock on the door</source>
        <translation>请上门</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日应联系</translation>
    </message>
    <message>
        <source>%n day(s) overdue</source>
        <translation>逾期 %n 天</translation>
    </message>
    <message>
        <source>Nobody is due today.</source>
        <translation>今天没有需要联系的人。</translation>
    </message>
    <message>
        <source>Outcome: ✓ well · ✗ no answer · other: write it. Enter each contact in GridKeeper the same day.</source>
        <translation>结果栏：✓ 安好 · ✗ 无人接听 · 其他情况请写明。每次联系请当天录入网格管家。</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Return visit due</source>
        <translation>应回访日期</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Start &amp;mediation</source>
        <extracomment>The buttons, in the order a case goes: (action name, English label). Shown when the step is open.</extracomment>
        <translation>开始调解(&amp;M)</translation>
    </message>
    <message>
        <source>Record &amp;session…</source>
        <translation>记录调解(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Agreement reached…</source>
        <translation>达成协议(&amp;A)…</translation>
    </message>
    <message>
        <source>Edit &amp;agreement…</source>
        <translation>修改协议(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Failed…</source>
        <translation>调解不成(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Escalate…</source>
        <translation>上报移交(&amp;E)…</translation>
    </message>
    <message>
        <source>Being &amp;performed</source>
        <translation>开始履行(&amp;P)</translation>
    </message>
    <message>
        <source>Per&amp;formed</source>
        <translation>已履行(&amp;F)</translation>
    </message>
    <message>
        <source>Not perfor&amp;med</source>
        <translation>未履行(&amp;M)</translation>
    </message>
    <message>
        <source>Return &amp;visit…</source>
        <translation>回访(&amp;V)…</translation>
    </message>
    <message>
        <source>Sc&amp;hedule visit…</source>
        <translation>安排回访(&amp;H)…</translation>
    </message>
    <message>
        <source>Ar&amp;chive</source>
        <translation>归档(&amp;C)</translation>
    </message>
    <message>
        <source>Add pa&amp;rty…</source>
        <translation>添加当事人(&amp;R)…</translation>
    </message>
    <message>
        <source>Pr&amp;int agreement…</source>
        <translation>打印协议书(&amp;I)…</translation>
    </message>
    <message>
        <source>Save agreement as P&amp;DF…</source>
        <translation>协议书另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender, ethnicity, born</source>
        <translation>性别、民族、出生日期</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>委托代理人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Resident&apos;s file</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>Remove the selected party…</source>
        <translation>移除选中的当事人…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <source>Return visits</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>History</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Choose a case in the list, or start a new one (Ctrl+N).</source>
        <translation>请在列表中选择案件，或新建案件（Ctrl+N）。</translation>
    </message>
    <message>
        <source>Received {date} · {source} · {category}</source>
        <translation>{date} 受理 · {source} · {category}</translation>
    </message>
    <message>
        <source>Compound: {name}</source>
        <translation>小区：{name}</translation>
    </message>
    <message>
        <source>Mediators: {names}</source>
        <translation>调解员：{names}</translation>
    </message>
    <message>
        <source>Next return visit due {date}</source>
        <translation>下次回访：{date}</translation>
    </message>
    <message>
        <source>Told of other remedies: {text}</source>
        <translation>已告知其他救济途径：{text}</translation>
    </message>
    <message>
        <source>Escalated to {level}: {reason}</source>
        <translation>已移交{level}：{reason}</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>已关联</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>No agreement yet.</source>
        <translation>尚未达成协议。</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>协议形式</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>纠纷事实</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <source>How performed</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>履行期限</translation>
    </message>
</context>
<context>
    <name>ChangeCompanyDialog</name>
    <message>
        <source>Property company of the compound</source>
        <translation>小区物业服务企业</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>物业企业(&amp;C)：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>起始日期：</translation>
    </message>
    <message>
        <source>&amp;Reason for the change:</source>
        <translation>更换原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Add the property company first.</source>
        <translation>请先添加该物业企业。</translation>
    </message>
</context>
<context>
    <name>CommitteeDialog</name>
    <message>
        <source>New owners&apos; committee term</source>
        <translation>新一届业委会</translation>
    </message>
    <message>
        <source>The chair is a Party member</source>
        <translation>主任是党员</translation>
    </message>
    <message>
        <source>Names separated by 、</source>
        <translation>姓名之间用“、”分隔</translation>
    </message>
    <message>
        <source>Elected on:</source>
        <translation>选举日期：</translation>
    </message>
    <message>
        <source>Term ends:</source>
        <translation>任期届满：</translation>
    </message>
    <message>
        <source>&amp;Chair:</source>
        <translation>主任(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Members:</source>
        <translation>委员(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>CommunityDialog</name>
    <message>
        <source>Edit community</source>
        <translation>编辑社区</translation>
    </message>
    <message>
        <source>New community</source>
        <translation>新建社区</translation>
    </message>
    <message>
        <source>12 digits, like 330382001001 (may stay empty)</source>
        <translation>12位数字，如 330382001001（可不填）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Division code:</source>
        <translation>区划代码(&amp;D)：</translation>
    </message>
    <message>
        <source>Community {name} saved.</source>
        <translation>社区{name}已保存。</translation>
    </message>
    <message>
        <source>Community {name} added.</source>
        <translation>已新建社区{name}。</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <source>New property company</source>
        <translation>新增物业企业</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>CompoundDialog</name>
    <message>
        <source>Edit compound</source>
        <translation>编辑小区</translation>
    </message>
    <message>
        <source>New compound in {community}</source>
        <translation>在{community}新建小区</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Property company:</source>
        <translation>物业公司(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Homeowners&apos; committee:</source>
        <translation>业委会(&amp;H)：</translation>
    </message>
    <message>
        <source>Compound {name} saved.</source>
        <translation>小区{name}已保存。</translation>
    </message>
    <message>
        <source>Compound {name} added to {community}.</source>
        <translation>已在{community}新建小区{name}。</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>When two laptops changed the same thing before syncing, GridKeeper kept one value (the same on every laptop) and kept the other here. For each one: keep the value now, take the other, or type a new one. Your choice syncs to the other laptops like any edit.</source>
        <translation>两台电脑在同步前改了同一项内容时，网格管家保留其中一个值（每台电脑上都一样），另一个值保存在这里。请逐条处理：保留现在的值、采用另一个值，或输入新值。您的选择会像普通修改一样同步到其他电脑。</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Which one</source>
        <translation>是哪一位</translation>
    </message>
    <message>
        <source>Value now</source>
        <translation>现在的值</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <source>Which won</source>
        <translation>哪方的值生效</translation>
    </message>
    <message>
        <source>No conflicts to review.</source>
        <translation>没有需要处理的冲突。</translation>
    </message>
    <message>
        <source>&amp;Keep current</source>
        <translation>保留现在的值(&amp;K)</translation>
    </message>
    <message>
        <source>The value now stays; the other one is set aside</source>
        <translation>保留现在的值，另一个值不再采用</translation>
    </message>
    <message>
        <source>&amp;Take the other</source>
        <translation>采用另一个值(&amp;T)</translation>
    </message>
    <message>
        <source>The other laptop&apos;s value replaces the value now</source>
        <translation>用另一台电脑的值替换现在的值</translation>
    </message>
    <message>
        <source>Type a &amp;new value…</source>
        <translation>输入新值(&amp;N)…</translation>
    </message>
    <message>
        <source>Neither is right: type the value it should have</source>
        <translation>两个都不对：输入正确的值</translation>
    </message>
    <message>
        <source>Show &amp;full numbers</source>
        <translation>显示完整号码(&amp;F)</translation>
    </message>
    <message>
        <source>Shows both numbers in full; the audit log records who looked, and when</source>
        <translation>显示两个完整号码；审计日志会记下查看人和时间</translation>
    </message>
    <message>
        <source>ID and phone numbers are masked.</source>
        <translation>身份证号和电话号码已脱敏显示。</translation>
    </message>
    <message>
        <source>this laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>another laptop</source>
        <translation>其他电脑</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>born {year}</source>
        <translation>{year}年生</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>时间不详</translation>
    </message>
    <message>
        <source>{label}: {value}, written by {who} at {when}</source>
        <translation>{label}：{value}，由{who}于{when}填写</translation>
    </message>
    <message>
        <source>The full numbers are shown; the audit log records that you looked.</source>
        <translation>已显示完整号码，审计日志已记下本次查看。</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>Kept {value} for {field} of {what}.</source>
        <translation>已保留{what}的{field}：{value}。</translation>
    </message>
    <message>
        <source>Took {value} for {field} of {what}.</source>
        <translation>已将{what}的{field}改为另一个值：{value}。</translation>
    </message>
    <message>
        <source>Deletion has only two values: keep the current one or take the other.</source>
        <translation>删除状态只有两种取值：保留现在的值，或采用另一个值。</translation>
    </message>
    <message>
        <source>New {field} of {what} (type the full number; several phone numbers separated by spaces):</source>
        <translation>{what}的新{field}（请输入完整号码；多个电话号码用空格分隔）：</translation>
    </message>
    <message>
        <source>New {field} of {what}:</source>
        <translation>{what}的新{field}：</translation>
    </message>
    <message>
        <source>Type a new value</source>
        <translation>输入新值</translation>
    </message>
    <message>
        <source>Nothing was typed, so nothing was changed.</source>
        <translation>没有输入内容，未作改动。</translation>
    </message>
    <message>
        <source>That is not a phone number (or not only phone numbers); nothing was changed.</source>
        <translation>输入的不是电话号码（或含有非电话号码的内容），未作改动。</translation>
    </message>
    <message>
        <source>Set {field} of {what} to {value}.</source>
        <translation>已将{what}的{field}设为{value}。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Record a contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <source>What was said, how they are</source>
        <translation>谈了什么、近况如何</translation>
    </message>
    <message>
        <source>A need to follow up, e.g. medicine to be fetched</source>
        <translation>需要跟进的需求，例如代取药品</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>方式(&amp;H)：</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <source>N&amp;eed raised:</source>
        <translation>提出的需求(&amp;E)：</translation>
    </message>
    <message>
        <source>Saving ends the plan and marks the person deceased in the household file.</source>
        <translation>保存后结束该关爱计划，并在户档中将此人标为已去世。</translation>
    </message>
    <message>
        <source>Saving ends the plan and marks the person moved out in the household file.</source>
        <translation>保存后结束该关爱计划，并在户档中将此人标为已搬离。</translation>
    </message>
    <message>
        <source>Saving pauses the plan; restart it in the plan form when they agree again.</source>
        <translation>保存后暂停该关爱计划；对方同意后，可在计划中重新开始。</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <source>Correct a contact</source>
        <translation>更正联系记录</translation>
    </message>
    <message>
        <source>Why, e.g. Enter pressed on the wrong row</source>
        <translation>更正原因，例如：回车按错了行</translation>
    </message>
    <message>
        <source>The record stays as it was; the correction is kept beside it with your name.</source>
        <translation>原记录保持不变；更正另行保存，并记下您的姓名。</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>Recorded:</source>
        <translation>原记录：</translation>
    </message>
    <message>
        <source>It really &amp;was:</source>
        <translation>实际情况(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>原因(&amp;Y)：</translation>
    </message>
</context>
<context>
    <name>CoverDialog</name>
    <message>
        <source>Put in a grid</source>
        <translation>划入网格</translation>
    </message>
    <message>
        <source>Places:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>&amp;Grid:</source>
        <translation>网格(&amp;G)：</translation>
    </message>
    <message>
        <source>This community has no grid yet: add one first.</source>
        <translation>本社区还没有网格，请先新建网格。</translation>
    </message>
    <message>
        <source>No household moves now; buildings added to the compound later will be in this grid.</source>
        <translation>现在没有住户变动；小区以后新建的楼幢将划入本网格。</translation>
    </message>
    <message>
        <source>These buildings are in this grid already.</source>
        <translation>这些楼幢已在本网格内。</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) from {grid}</source>
        <translation>
            <numerusform>%n户来自{grid}</numerusform>
        </translation>
    </message>
    <message>
        <source>no grid (未划网格)</source>
        <translation>未划网格</translation>
    </message>
    <message>
        <source>{households} in {buildings} move to this grid: {sources}.</source>
        <translation>{buildings}共{households}将划入本网格：{sources}。</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n building(s)</source>
        <translation>
            <numerusform>%n幢</numerusform>
        </translation>
    </message>
    <message>
        <source>{households} in {buildings} put in {grid}.</source>
        <translation>{buildings}共{households}已划入{grid}。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>My grids</source>
        <translation>我的网格</translation>
    </message>
    <message>
        <source>Whole street</source>
        <translation>全街道</translation>
    </message>
    <message>
        <source>{month} (so far)</source>
        <translation>{month}（本月至今）</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export monthly pack (.xlsx)…</source>
        <translation>导出月度协商材料(&amp;E)（.xlsx）…</translation>
    </message>
    <message>
        <source>Full phone numbers (written to the audit log)</source>
        <translation>完整电话号码（记入审计日志）</translation>
    </message>
    <message>
        <source>Persons under a care plan</source>
        <translation>纳入关爱计划人数</translation>
    </message>
    <message>
        <source>Under daily contact</source>
        <translation>每日联系人数</translation>
    </message>
    <message>
        <source>Contacts made / expected</source>
        <translation>已联系 / 应联系</translation>
    </message>
    <message>
        <source>Alerts at the end</source>
        <translation>期末预警</translation>
    </message>
    <message>
        <source>Services delivered</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <source>Contacts logged</source>
        <translation>联系记录数</translation>
    </message>
    <message>
        <source>Mediations received</source>
        <translation>受理调解</translation>
    </message>
    <message>
        <source>Agreements reached</source>
        <translation>达成协议</translation>
    </message>
    <message>
        <source>Failed / escalated</source>
        <translation>调解不成 / 上报</translation>
    </message>
    <message>
        <source>Return visits made / overdue</source>
        <translation>已回访 / 回访逾期</translation>
    </message>
    <message>
        <source>Night walks held</source>
        <translation>夜巡次数</translation>
    </message>
    <message>
        <source>Grid-weeks walked / expected</source>
        <translation>已夜巡网格周 / 应夜巡</translation>
    </message>
    <message>
        <source>Findings logged</source>
        <translation>发现问题数</translation>
    </message>
    <message>
        <source>Problems opened / closed</source>
        <translation>新增 / 办结问题</translation>
    </message>
    <message>
        <source>Problems open at the end</source>
        <translation>期末未办结问题</translation>
    </message>
    <message>
        <source>Median days to close</source>
        <translation>办结天数中位数</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>&amp;Quarterly evaluation {quarter} (.xlsx)…</source>
        <translation>季度督考 {quarter}（.xlsx）(&amp;Q)…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{period} ({first} to {last}) · counting…</source>
        <translation>{period}（{first} 至 {last}）· 正在统计…</translation>
    </message>
    <message>
        <source>Owners&apos; committees: {committees} of {compounds} compounds · with a Party organisation: {party} (coverage {cover}) · secretary chairs (一肩挑): {one} · terms ending within 6 months: {ending} · clubs and teams: {activities} activities, {hours} volunteer hours, {households} households served</source>
        <translation>业委会：{compounds} 个小区中 {committees} 个 · 建立党组织：{party} 个（覆盖率 {cover}） · 书记主任“一肩挑”：{one} 个 · 6 个月内任期届满：{ending} 个 · 社团与志愿队：活动 {activities} 次，志愿服务 {hours} 小时，服务 {households} 户</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Problems open at the end, by owner</source>
        <translation>期末未办结问题（按责任方）</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Services by type</source>
        <translation>服务类型分布</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Coverage by plan frequency (%)</source>
        <translation>按联系频次的覆盖率（%）</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>{period} · {scope} · figures as of {date}</source>
        <translation>{period} · {scope} · 数据截至 {date}</translation>
    </message>
    <message>
        <source>whole street</source>
        <translation>全街道</translation>
    </message>
    <message>
        <source>{period} ({first} to {last}) · {scope} · figures as of {date}</source>
        <translation>{period}（{first} 至 {last}）· {scope} · 数据截至 {date}</translation>
    </message>
    <message>
        <source>Monthly pack {period} {scope}.xlsx</source>
        <translation>月度协商材料 {period} {scope}.xlsx</translation>
    </message>
    <message>
        <source>Monthly pack {period}.xlsx</source>
        <translation>月度协商材料 {period}.xlsx</translation>
    </message>
    <message>
        <source>Export the monthly pack</source>
        <translation>导出月度协商材料</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <source>Saved the monthly pack as {path}.</source>
        <translation>月度协商材料已保存为 {path}。</translation>
    </message>
    <message>
        <source>Quarterly evaluation {quarter}.xlsx</source>
        <translation>季度督考 {quarter}.xlsx</translation>
    </message>
    <message>
        <source>Export the quarterly evaluation</source>
        <translation>导出季度督考</translation>
    </message>
    <message>
        <source>Saved the quarterly evaluation as {path}.</source>
        <translation>季度督考已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>DeliberationsTab</name>
    <message>
        <source>New matter…</source>
        <translation>新建议事…</translation>
    </message>
    <message>
        <source>Record the next stage…</source>
        <translation>记录下一环节…</translation>
    </message>
    <message>
        <source>Send back…</source>
        <translation>退回重议…</translation>
    </message>
    <message>
        <source>Result notice as PDF…</source>
        <translation>议事结果公示 PDF…</translation>
    </message>
    <message>
        <source>{stage} {day} ({method}): {consulted} households consulted: {yes} for, {no} against, {abstain} abstaining, {missed} not reached</source>
        <translation>{stage} {day}（{method}）：征询 {consulted} 户，同意 {yes} 户，反对 {no} 户，弃权 {abstain} 户，未联系上 {missed} 户</translation>
    </message>
    <message>
        <source>New matter</source>
        <translation>新建议事</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>议事事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细情况</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Choose a matter first.</source>
        <translation>请先选择一件事项。</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>党组织意见</translation>
    </message>
    <message>
        <source>What the three parties agreed</source>
        <translation>三方协议内容</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Households consulted</source>
        <translation>征询户数</translation>
    </message>
    <message>
        <source>For</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Abstaining</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Optional, one line per building: building, for, against, abstaining, not reached — e.g. 3幢 12 3 1 0</source>
        <translation>选填，每栋一行：楼栋、赞成、反对、弃权、未联系到，如 3幢 12 3 1 0</translation>
    </message>
    <message>
        <source>By building</source>
        <translation>分楼栋统计</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>This matter is decided.</source>
        <translation>该事项已有结果。</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回重议</translation>
    </message>
    <message>
        <source>Back to</source>
        <translation>退回到</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>DivisionReasons</name>
    <message>
        <source>Community missing</source>
        <translation>缺少社区</translation>
    </message>
    <message>
        <source>Grid missing</source>
        <translation>缺少网格</translation>
    </message>
    <message>
        <source>Compound missing</source>
        <translation>缺少小区</translation>
    </message>
    <message>
        <source>Text too long</source>
        <translation>文字过长</translation>
    </message>
    <message>
        <source>Control characters in a cell</source>
        <translation>单元格含控制字符</translation>
    </message>
    <message>
        <source>Text-direction characters in a cell</source>
        <translation>单元格含文字方向控制符</translation>
    </message>
    <message>
        <source>Phone number not valid</source>
        <translation>电话号码无效</translation>
    </message>
    <message>
        <source>Phones do not match the names</source>
        <translation>电话与姓名对不上</translation>
    </message>
    <message>
        <source>Not a person&apos;s name</source>
        <translation>不是人名</translation>
    </message>
    <message>
        <source>Formula without a value</source>
        <translation>公式没有计算结果</translation>
    </message>
    <message>
        <source>Buildings not readable</source>
        <translation>楼幢写法无法识别</translation>
    </message>
    <message>
        <source>Building in two grids</source>
        <translation>同一楼幢划入两个网格</translation>
    </message>
    <message>
        <source>Building split by unit</source>
        <translation>楼幢按单元拆分</translation>
    </message>
    <message>
        <source>Grid code in two communities</source>
        <translation>网格编码跨两个社区</translation>
    </message>
    <message>
        <source>Grid codes disagree</source>
        <translation>网格编码不一致</translation>
    </message>
    <message>
        <source>Grid code already taken</source>
        <translation>网格编码已被占用</translation>
    </message>
    <message>
        <source>One cadre, two phones</source>
        <translation>同一干部两个电话</translation>
    </message>
    <message>
        <source>Which cadre is meant?</source>
        <translation>无法确定是哪位干部</translation>
    </message>
    <message>
        <source>Column not read</source>
        <translation>未读取的列</translation>
    </message>
    <message>
        <source>One cadre, two roles</source>
        <translation>同一干部两个职责</translation>
    </message>
    <message>
        <source>Building moves to another grid</source>
        <translation>楼幢改划到其他网格</translation>
    </message>
    <message>
        <source>Building leaves its grid</source>
        <translation>楼幢移出原网格</translation>
    </message>
    <message>
        <source>Cadre&apos;s stint ends</source>
        <translation>干部任职结束</translation>
    </message>
</context>
<context>
    <name>DivisionSummary</name>
    <message>
        <source>To be created — communities: {communities} · grids: {grids} · compounds: {compounds} · buildings: {buildings} · cadres: {cadres} · stints: {stints}</source>
        <translation>将新建 — 社区：{communities} · 网格：{grids} · 小区：{compounds} · 楼幢：{buildings} · 干部：{cadres} · 任职：{stints}</translation>
    </message>
    <message>
        <source>Created — communities: {communities} · grids: {grids} · compounds: {compounds} · buildings: {buildings} · cadres: {cadres} · stints: {stints}</source>
        <translation>已新建 — 社区：{communities} · 网格：{grids} · 小区：{compounds} · 楼幢：{buildings} · 干部：{cadres} · 任职：{stints}</translation>
    </message>
    <message>
        <source>To be put in a grid: {placed} · to move to another grid: {moved} · to leave their grid: {places} · stints to end: {stints} · other changes: {other}</source>
        <translation>将划入网格：{placed} · 将改划到其他网格：{moved} · 将移出原网格：{places} · 将结束任职：{stints} · 其他改动：{other}</translation>
    </message>
    <message>
        <source>Put in a grid: {placed} · moved to another grid: {moved} · left their grid: {places} · stints ended: {stints} · other changes: {other}</source>
        <translation>已划入网格：{placed} · 已改划到其他网格：{moved} · 已移出原网格：{places} · 已结束任职：{stints} · 其他改动：{other}</translation>
    </message>
</context>
<context>
    <name>DivisionWizard</name>
    <message>
        <source>Only an admin laptop of the office imports the grid division table: it changes the grids and who holds them for every colleague. Export it here, and ask the admin to import it.</source>
        <translation>网格划分表只能由本单位的管理员电脑导入：它会改变全体同事的网格以及各网格由谁负责。可以在这里导出，请管理员导入。</translation>
    </message>
    <message>
        <source>Import grid division table</source>
        <translation>导入网格划分表</translation>
    </message>
</context>
<context>
    <name>DutyTab</name>
    <message>
        <source>Generate roster…</source>
        <translation>生成值班表…</translation>
    </message>
    <message>
        <source>Edit shift…</source>
        <translation>调整值班…</translation>
    </message>
    <message>
        <source>Take a matter…</source>
        <translation>登记事项…</translation>
    </message>
    <message>
        <source>Settled…</source>
        <translation>当场化解…</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>上报…</translation>
    </message>
    <message>
        <source>To mediation</source>
        <translation>转调解</translation>
    </message>
    <message>
        <source>To list item</source>
        <translation>转清单</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>反馈…</translation>
    </message>
    <message>
        <source>{day} {compound}: {secretary}, {chair}, {cadres} · {n} matters</source>
        <translation>{day} {compound}：{secretary}、{chair}、{cadres} · {n} 件事项</translation>
    </message>
    <message>
        <source>This month: {evenings} evenings, {taken} matters taken, {settled} settled on the spot, {escalated} escalated, {answered} answered within 7 days</source>
        <translation>本月：值班 {evenings} 晚，受理 {taken} 件，当场化解 {settled} 件，上报 {escalated} 件，7 日内反馈 {answered} 件</translation>
    </message>
    <message>
        <source>That duty evening is not in this roster any more.</source>
        <translation>该值班晚次已不在当前值班表中。</translation>
    </message>
    <message>
        <source>Answer {day}: {text}</source>
        <translation>反馈 {day}：{text}</translation>
    </message>
    <message>
        <source>Community hall</source>
        <translation>党群微家</translation>
    </message>
    <message>
        <source>Generate roster</source>
        <translation>生成值班表</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>周数</translation>
    </message>
    <message>
        <source>Party branch secretary</source>
        <translation>支部书记</translation>
    </message>
    <message>
        <source>HOA chair</source>
        <translation>业委会主任</translation>
    </message>
    <message>
        <source>Cadres</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Choose a duty evening first.</source>
        <translation>请先选择一个值班晚上。</translation>
    </message>
    <message>
        <source>Edit shift</source>
        <translation>调整值班</translation>
    </message>
    <message>
        <source>Take a matter</source>
        <translation>登记事项</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Choose a matter first.</source>
        <translation>请先选择一件事项。</translation>
    </message>
    <message>
        <source>A mediation case was opened.</source>
        <translation>已转为调解案件。</translation>
    </message>
    <message>
        <source>A list item was opened for {owner}, due {day}.</source>
        <translation>已为{owner}建立清单事项，期限 {day}。</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任方</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>How it was settled</source>
        <translation>化解情况</translation>
    </message>
    <message>
        <source>Escalated to</source>
        <translation>上报至</translation>
    </message>
    <message>
        <source>The resident&apos;s answer</source>
        <translation>居民反馈</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <source>Escalate {number}</source>
        <translation>上报移交 {number}</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Why it cannot be settled at this level</source>
        <translation>为什么在本级解决不了</translation>
    </message>
    <message>
        <source>Now at {level} level.</source>
        <translation>目前在{level}层面。</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>上报到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>Quarterly evaluation of the property service</source>
        <translation>物业服务季度评价</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>Scored by:</source>
        <translation>评价方：</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
</context>
<context>
    <name>FailDialog</name>
    <message>
        <source>Mediation of {number} failed</source>
        <translation>{number} 调解不成</translation>
    </message>
    <message>
        <source>e.g. told both parties they may sue at the district court or apply for arbitration</source>
        <translation>例如：告知双方可向人民法院起诉或申请仲裁</translation>
    </message>
    <message>
        <source>Other remedies the parties were told of</source>
        <translation>告知当事人的其他救济途径</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the roster file</source>
        <translation>选择花名册文件</translation>
    </message>
    <message>
        <source>Choose the Excel file with the household roster (.xlsx or .xls) from the police station, the community office or a colleague. Title rows above the header are fine: the header is found by itself.</source>
        <translation>请选择派出所、社区或同事提供的住户花名册 Excel 文件（.xlsx 或 .xls）。表头上方有标题行也没关系，程序会自动找到表头。</translation>
    </message>
    <message>
        <source>Path of the roster file</source>
        <translation>花名册文件路径</translation>
    </message>
    <message>
        <source>Choose the grid division table</source>
        <translation>选择网格划分表</translation>
    </message>
    <message>
        <source>Choose the Excel file with the street&apos;s grid division table (网格划分表): one row per grid and compound, with the buildings the grid covers and the cadres who hold it. Drop the file on this page, or browse for it. Title rows above the header are fine.</source>
        <translation>请选择街道网格划分表的 Excel 文件：每个网格的每个小区一行，写明网格包含的楼幢和负责的干部。可以把文件拖到本页，也可以点“浏览”选择。表头上方有标题行也没关系。</translation>
    </message>
    <message>
        <source>Path of the grid division table</source>
        <translation>网格划分表的文件路径</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>For each grid it lists, the table is the whole truth: its buildings, and who holds it from today. Grids it does not list are left as they are. The next pages show every change before anything is written.</source>
        <translation>表中列出的每个网格，以表为准：它包含哪些楼幢，从今天起由谁负责。表中没有列出的网格保持不变。写入之前，后面几页会列出每一处改动。</translation>
    </message>
    <message>
        <source>{name} does not look like an Excel workbook (.xlsx or .xls); it will be tried all the same.</source>
        <translation>{name} 看起来不是 Excel 工作簿（.xlsx 或 .xls），仍会尝试读取。</translation>
    </message>
    <message>
        <source>Choose a grid division table</source>
        <translation>选择网格划分表</translation>
    </message>
    <message>
        <source>No roster yet? Start from the template: it has the expected columns, the ID number column formatted as text (so Excel keeps every digit) and drop-down lists for relation, gender and residence status.</source>
        <translation>还没有花名册？可以从模板开始：模板已列好所需的各列，公民身份号码列已设为文本格式（Excel 不会丢失任何数字），与户主关系、性别和人户状态列带有下拉选项。</translation>
    </message>
    <message>
        <source>&amp;Download roster template…</source>
        <translation>下载花名册模板(&amp;D)…</translation>
    </message>
    <message>
        <source>There is no file at this path.</source>
        <translation>此路径下没有文件。</translation>
    </message>
    <message>
        <source>Choose a household roster</source>
        <translation>选择住户花名册</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xls);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx *.xls);;所有文件 (*)</translation>
    </message>
    <message>
        <source>household-roster-template.xlsx</source>
        <translation>住户花名册模板.xlsx</translation>
    </message>
    <message>
        <source>Save the roster template</source>
        <translation>保存花名册模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The template could not be saved to {path}: {reason}</source>
        <translation>无法将模板保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Template saved to {path}. Fill it in, save it, then choose it above.</source>
        <translation>模板已保存到 {path}。请填写并保存后，在上方选择该文件。</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>Add a finding</source>
        <translation>补充发现</translation>
    </message>
    <message>
        <source>Place: compound, building, where</source>
        <translation>地点：小区、楼栋、具体位置</translation>
    </message>
    <message>
        <source>Settled on the spot</source>
        <translation>现场解决</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类型(&amp;C)：</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>程度(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>情况(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>GridDialog</name>
    <message>
        <source>Edit grid</source>
        <translation>编辑网格</translation>
    </message>
    <message>
        <source>New grid in {community}</source>
        <translation>在{community}新建网格</translation>
    </message>
    <message>
        <source>the street&apos;s own code (may stay empty)</source>
        <translation>街道自编的网格编码（可不填）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>编码(&amp;C)：</translation>
    </message>
    <message>
        <source>Grid {name} saved.</source>
        <translation>网格{name}已保存。</translation>
    </message>
    <message>
        <source>Grid {name} added to {community}.</source>
        <translation>已在{community}新建网格{name}。</translation>
    </message>
</context>
<context>
    <name>GridHistoryDialog</name>
    <message>
        <source>History of {grid}</source>
        <translation>{grid}的历史</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>止</translation>
    </message>
    <message>
        <source>today</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼幢</translation>
    </message>
    <message>
        <source>In or out</source>
        <translation>划入或划出</translation>
    </message>
    <message>
        <source>From or to</source>
        <translation>来自或去往</translation>
    </message>
    <message>
        <source>no grid</source>
        <translation>未划网格</translation>
    </message>
    <message>
        <source>came in</source>
        <translation>划入</translation>
    </message>
    <message>
        <source>went out</source>
        <translation>划出</translation>
    </message>
    <message>
        <source>Who held the grid</source>
        <translation>包联干部</translation>
    </message>
    <message numerus="yes">
        <source>Buildings in and out (%n move(s))</source>
        <translation>
            <numerusform>楼幢划入划出（%n次）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <source>{name} holds a grid</source>
        <translation>{name}包联网格</translation>
    </message>
    <message>
        <source>&amp;Grid:</source>
        <translation>网格(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起始日(&amp;F)：</translation>
    </message>
    <message>
        <source>There is no grid yet: add one first.</source>
        <translation>还没有网格，请先新建网格。</translation>
    </message>
    <message>
        <source>{name} holds {grid} from {day}.</source>
        <translation>{name}自{day}起包联{grid}。</translation>
    </message>
</context>
<context>
    <name>HouseholdDetail</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Born (age)</source>
        <translation>出生日期（年龄）</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>&amp;Add member…</source>
        <translation>添加成员(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <source>Moved &amp;out</source>
        <translation>已迁出(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Deceased</source>
        <translation>已故(&amp;D)</translation>
    </message>
    <message>
        <source>Show &amp;ID</source>
        <translation>显示身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>Show &amp;phones</source>
        <translation>显示电话(&amp;P)</translation>
    </message>
    <message>
        <source>Household &amp;note…</source>
        <translation>户备注(&amp;N)…</translation>
    </message>
    <message>
        <source>ID and phone numbers are masked. {mark} marks sensitive personal information.</source>
        <translation>身份证号和电话号码已脱敏显示。{mark} 表示敏感个人信息。</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系频次</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>结对志愿者</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>新建关爱计划(&amp;N)…</translation>
    </message>
    <message>
        <source>End p&amp;lan</source>
        <translation>结束计划(&amp;L)</translation>
    </message>
    <message>
        <source>Record &amp;contact…</source>
        <translation>记录联系(&amp;C)…</translation>
    </message>
    <message>
        <source>Record &amp;service…</source>
        <translation>记录服务(&amp;S)…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>关爱</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Photos and scans</source>
        <translation>照片和扫描件</translation>
    </message>
    <message>
        <source>Select a household to read its file.</source>
        <translation>选择一户查看其档案。</translation>
    </message>
    <message>
        <source>&amp;Print file…</source>
        <translation>打印户档案(&amp;P)…</translation>
    </message>
    <message>
        <source>The household&apos;s file (一户一档) on A4</source>
        <translation>按 A4 打印这一户的一户一档</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>moved out</source>
        <translation>已迁出</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source> (vacant)</source>
        <translation>（空户）</translation>
    </message>
    <message>
        <source>{community} · {grid} · household no. {number} · {status}</source>
        <translation>{community} · {grid} · 户号 {number} · {status}</translation>
    </message>
    <message>
        <source>(no grid)</source>
        <translation>（未划网格）</translation>
    </message>
    <message>
        <source>residence status unknown</source>
        <translation>人户状态未知</translation>
    </message>
    <message>
        <source>vacant (空户) since {day}</source>
        <translation>空户（自{day}起）</translation>
    </message>
    <message>
        <source>{date} ({age})</source>
        <translation>{date}（{age}岁）</translation>
    </message>
    <message>
        <source>whole household ({head})</source>
        <translation>全户（{head}）</translation>
    </message>
    <message>
        <source>(running)</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>no household</source>
        <translation>无住户</translation>
    </message>
    <message>
        <source>{name} is already a member of this household.</source>
        <translation>{name}已是本户成员。</translation>
    </message>
    <message>
        <source>Already on file</source>
        <translation>档案中已有此人</translation>
    </message>
    <message>
        <source>{name}, born {born}, is already on file at {where}. Move this person into this household instead of creating a second file?</source>
        <translation>{name}（出生于 {born}）已建档，住在{where}。是否将此人迁入本户，而不是再建一份档案？</translation>
    </message>
    <message>
        <source>&amp;Move here</source>
        <translation>迁入本户(&amp;M)</translation>
    </message>
    <message>
        <source>Create a &amp;new person</source>
        <translation>新建一人(&amp;N)</translation>
    </message>
    <message>
        <source>{name} moved into this household from {where}.</source>
        <translation>{name}已从{where}迁入本户。</translation>
    </message>
    <message>
        <source>{name} added to the household.</source>
        <translation>已将{name}添加为本户成员。</translation>
    </message>
    <message>
        <source>{name} saved.</source>
        <translation>已保存{name}的信息。</translation>
    </message>
    <message>
        <source>Tags of {name} saved: {tags}</source>
        <translation>已保存{name}的标签：{tags}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Mark {name} as moved out? The file keeps them with their history.</source>
        <translation>将{name}标记为已迁出？档案会保留此人及其历史记录。</translation>
    </message>
    <message>
        <source>Mark {name} as deceased? The file keeps them with their history.</source>
        <translation>将{name}标记为已故？档案会保留此人及其历史记录。</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <source>{name} marked as moved out.</source>
        <translation>已将{name}标记为已迁出。</translation>
    </message>
    <message>
        <source>{name} marked as deceased.</source>
        <translation>已将{name}标记为已故。</translation>
    </message>
    <message>
        <source>{name}: {value} (shown; written to the audit log)</source>
        <translation>{name}：{value}（已显示，并记入审计日志）</translation>
    </message>
    <message>
        <source>Household note</source>
        <translation>户备注</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Household note saved.</source>
        <translation>户备注已保存。</translation>
    </message>
    <message>
        <source>Care plan saved.</source>
        <translation>关爱计划已保存。</translation>
    </message>
    <message>
        <source>Care plan of {name} ended today.</source>
        <translation>{name}的关爱计划已于今日结束。</translation>
    </message>
    <message>
        <source>Recorded: {name}, {outcome}.</source>
        <translation>已记录：{name}，{outcome}。</translation>
    </message>
    <message>
        <source>Service recorded: {service}.</source>
        <translation>已记录服务：{service}。</translation>
    </message>
</context>
<context>
    <name>HouseholdMoves</name>
    <message>
        <source>New household</source>
        <translation>新建住户</translation>
    </message>
    <message>
        <source>Choose the building, then type the unit and room of the new household. Its members are added in its file afterwards.</source>
        <translation>选择楼栋，再填写新住户的单元和室号。成员随后在档案中添加。</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>新建(&amp;C)</translation>
    </message>
    <message>
        <source>New household filed at {address}: add its members.</source>
        <translation>已在{address}建立住户档案：请添加成员。</translation>
    </message>
    <message>
        <source>Move &amp;household…</source>
        <extracomment>The grids the page shows (None: all): where Merge with… searches. The page sets it.</extracomment>
        <translation>整户迁址(&amp;H)…</translation>
    </message>
    <message>
        <source>Mer&amp;ge with…</source>
        <translation>合并档案(&amp;G)…</translation>
    </message>
    <message>
        <source>Mark &amp;vacant (空户)</source>
        <translation>标为空户(&amp;V)</translation>
    </message>
    <message>
        <source>Move to another &amp;address…</source>
        <translation>迁往其他地址(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Lived in again</source>
        <translation>恢复有人居住(&amp;L)</translation>
    </message>
    <message>
        <source>Someone lives in the flat again: it is no longer vacant (空户).</source>
        <translation>房屋重新有人居住，不再是空户。</translation>
    </message>
    <message>
        <source>Nobody lives in the flat (空户). The file stays, with its members and history.</source>
        <translation>房屋无人居住（空户）。档案保留，成员和历史记录不变。</translation>
    </message>
    <message>
        <source>Move household</source>
        <translation>整户迁址</translation>
    </message>
    <message>
        <source>{address} moves to another address with its members, care and history. Choose where:</source>
        <translation>{address}整户迁往其他地址，成员、关爱和历史记录随户迁移。请选择新地址：</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>迁移(&amp;M)</translation>
    </message>
    <message>
        <source>Household moved from {old} to {new}.</source>
        <translation>该户已从{old}迁至{new}。</translation>
    </message>
    <message>
        <source>Move to another address</source>
        <translation>迁往其他地址</translation>
    </message>
    <message>
        <source>{name} moves out of {address} into the household at the address chosen (a new household when none is on file there).</source>
        <translation>{name}从{address}迁出，迁入所选地址的住户（该地址尚无住户时新建一户）。</translation>
    </message>
    <message>
        <source>{name} moved to {address}.</source>
        <translation>{name}已迁至{address}。</translation>
    </message>
    <message>
        <source> Nobody else lives at {address} now: mark it vacant (空户) if it stands empty.</source>
        <translation>{address}已无其他人居住：如房屋空置，请标为空户。</translation>
    </message>
    <message numerus="yes">
        <source>Merged: the file of {gone} is closed; %n record(s) moved to {kept}.</source>
        <translation>
            <numerusform>已合并：{gone}的档案已关闭，%n 条记录转入{kept}。</numerusform>
        </translation>
    </message>
    <message>
        <source>{address} marked vacant (空户). Its file and members stay on file.</source>
        <translation>{address}已标为空户。档案和成员保留。</translation>
    </message>
    <message>
        <source>{address} is lived in again.</source>
        <translation>{address}已恢复有人居住。</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Community · grid</source>
        <translation>社区 · 网格</translation>
    </message>
    <message>
        <source>Matched member</source>
        <translation>匹配的成员</translation>
    </message>
    <message>
        <source>{community} (no grid)</source>
        <translation>{community}（未划网格）</translation>
    </message>
    <message>
        <source>{name} ({relation})</source>
        <translation>{name}（{relation}）</translation>
    </message>
    <message>
        <source>Matched: {who}, by ID or phone number</source>
        <translation>匹配：{who}，按身份证号或电话号码</translation>
    </message>
    <message>
        <source>Matched: {who}</source>
        <translation>匹配：{who}</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <source>Search by name, pinyin, address, phone or ID</source>
        <translation>按姓名、拼音、地址、电话或身份证号搜索</translation>
    </message>
    <message>
        <source>Examples: 张伟, zw (pinyin initials), 3幢2单元501, 5678 (last digits of a phone or ID). Several words must all match. Ctrl+F comes back here; Down goes to the list.</source>
        <translation>例如：张伟、zw（拼音首字母）、3幢2单元501、5678（电话或身份证号后几位）。输入多个词时须全部匹配。按 Ctrl+F 回到这里，按↓进入列表。</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>Show every household in this profile, not only my grids</source>
        <translation>显示本档案中的所有住户，而不只是我的网格</translation>
    </message>
    <message>
        <source>&amp;New household…</source>
        <translation>新建住户(&amp;N)…</translation>
    </message>
    <message>
        <source>File a household at an address by hand (no roster needed)</source>
        <translation>手工在某地址建立住户档案（无需花名册）</translation>
    </message>
    <message>
        <source>all grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>my grids</source>
        <translation>我的网格</translation>
    </message>
    <message>
        <source>No household in {where} matches “{query}”.</source>
        <translation>{where}中没有与“{query}”匹配的住户。</translation>
    </message>
    <message>
        <source>No households in {where} yet.</source>
        <translation>{where}中还没有住户。</translation>
    </message>
    <message>
        <source>No households in this profile yet: import a household roster (File, Import household roster…, Ctrl+I), or try GridKeeper on a demo street: gridkeeper --data-dir FOLDER demo</source>
        <translation>本档案中还没有住户：请导入住户花名册（文件 &gt; 导入住户花名册…，或按 Ctrl+I），也可以用演示街道数据试用网格管家：gridkeeper --data-dir 文件夹 demo</translation>
    </message>
    <message>
        <source>{n}+ households in {where} (scroll for more)</source>
        <translation>{where}：已显示 {n}+ 户（向下滚动加载更多）</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) in {where}</source>
        <translation>
            <numerusform>{where}：共 %n 户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Importing the grid division table</source>
        <translation>正在导入网格划分表</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>导入结果(&amp;S)</translation>
    </message>
    <message>
        <source>The import is one transaction: the whole table is written, or nothing is. It cannot be stopped halfway; it takes seconds.</source>
        <translation>导入是一个整体操作：要么整张表全部写入，要么什么都不写。它不能中途停止，只需几秒钟。</translation>
    </message>
    <message>
        <source>Writing the grids, buildings and stints…</source>
        <translation>正在写入网格、楼幢和任职…</translation>
    </message>
    <message>
        <source>Nothing was changed in the profile. Go back to import again, or close the wizard.</source>
        <translation>档案中没有任何改动。可以返回重新导入，或关闭向导。</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>取消导入(&amp;C)</translation>
    </message>
    <message>
        <source>The import is one transaction: if it is cancelled or fails, the profile stays as it was.</source>
        <translation>导入是一个整体操作：如果取消或失败，档案会保持导入前的原样。</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>Comparing with the households already in this profile…</source>
        <translation>正在与档案中已有的住户比对…</translation>
    </message>
    <message>
        <source>Updating the search index…</source>
        <translation>正在更新搜索索引…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Cancelling: undoing what was written…</source>
        <translation>正在取消：撤销已写入的内容…</translation>
    </message>
    <message>
        <source>Storing the households and persons…</source>
        <translation>正在保存住户和人员信息…</translation>
    </message>
    <message>
        <source>The roster was imported.</source>
        <translation>花名册已导入。</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Go back to change something and import again, or close the wizard.</source>
        <translation>可以返回修改后重新导入，或关闭向导。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The import failed.</source>
        <translation>导入失败。</translation>
    </message>
    <message>
        <source>Nothing was changed in the profile.</source>
        <translation>档案未做任何改动。</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <source>Inspection of the property service</source>
        <translation>物业服务检查</translation>
    </message>
    <message>
        <source>Item (ticked: passed)</source>
        <translation>检查项目（勾选为合格）</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Inspected by:</source>
        <translation>检查人：</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>检查清单：</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>New list item</source>
        <translation>新建清单事项</translation>
    </message>
    <message>
        <source>In a few words: what is it about?</source>
        <translation>用几个字说明：是什么事？</translation>
    </message>
    <message>
        <source>Which company, which Party member… (optional)</source>
        <translation>哪家物业公司、哪位党员……（可不填）</translation>
    </message>
    <message>
        <source>(no particular compound)</source>
        <translation>（不限小区）</translation>
    </message>
    <message>
        <source>Name, pinyin initials or address (optional)</source>
        <translation>姓名、拼音首字母或地址（可不填）</translation>
    </message>
    <message>
        <source>(no particular household)</source>
        <translation>（不涉及具体住户）</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Detail:</source>
        <translation>详情(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>责任方(&amp;O)：</translation>
    </message>
    <message>
        <source>Owner &amp;name:</source>
        <translation>责任方名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Compound:</source>
        <translation>小区(&amp;C)：</translation>
    </message>
    <message>
        <source>Find &amp;household:</source>
        <translation>查找住户(&amp;H)：</translation>
    </message>
    <message>
        <source>Ho&amp;usehold:</source>
        <translation>住户(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Something went wrong and the work was stopped. The details are in the log file.</source>
        <translation>出现错误，操作已中止。详细信息见日志文件。</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Choose the language of GridKeeper on this laptop.</source>
        <translation>请选择网格管家在这台电脑上的界面语言。</translation>
    </message>
    <message>
        <source>You can change it later in the Language menu.</source>
        <translation>以后可以在“语言”菜单中更改。</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>{name} leaves</source>
        <translation>{name}离任</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{name} stops holding every grid ({grids}) and leaves the list of cadres. The grids&apos; history keeps who held them, and when.</source>
        <translation>{name}不再包联任何网格（{grids}），并从干部名单中移除。网格的历史仍记录谁在何时包联。</translation>
    </message>
    <message>
        <source>&amp;Last day:</source>
        <translation>最后一天(&amp;L)：</translation>
    </message>
    <message>
        <source>{name} left; their last day was {day}.</source>
        <translation>{name}已离任，最后一天为{day}。</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Met by a service or project</source>
        <translation>由服务或项目满足</translation>
    </message>
    <message>
        <source>Services and projects:</source>
        <translation>服务和项目：</translation>
    </message>
    <message>
        <source>There are no services or projects yet: add one first.</source>
        <translation>还没有服务或项目，请先新建一个。</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Still to do</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>全部责任方</translation>
    </message>
    <message>
        <source>Any level</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>所有网格</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任方</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>领办人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Overdue (days)</source>
        <translation>超期（天）</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>已办天数</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>&amp;New item…</source>
        <translation>新建事项(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Claim…</source>
        <translation>领办(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始办理(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Done…</source>
        <translation>办结(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Verify…</source>
        <translation>回访核验(&amp;V)…</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>重新办理(&amp;O)…</translation>
    </message>
    <message>
        <source>Decl&amp;ine…</source>
        <translation>不予办理(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Escalate…</source>
        <translation>上报(&amp;E)…</translation>
    </message>
    <message>
        <source>Lin&amp;k…</source>
        <translation>关联(&amp;K)…</translation>
    </message>
    <message>
        <source>Four lists</source>
        <translation>四张清单</translation>
    </message>
    <message>
        <source>Property companies</source>
        <translation>物业监督</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s), {overdue} overdue</source>
        <translation>
            <numerusform>共 %n 项，超期 {overdue} 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an item to see its history.</source>
        <translation>选择一个事项，查看办理经过。</translation>
    </message>
    <message>
        <source>Opened {opened}; {days} days open; due {due}.</source>
        <translation>{opened} 立项；已办 {days} 天；期限 {due}。</translation>
    </message>
    <message>
        <source>From a night walk finding: {category}, {place}</source>
        <translation>来自夜巡发现：{category}，{place}</translation>
    </message>
    <message>
        <source>Resolution: {text}</source>
        <translation>办理结果：{text}</translation>
    </message>
    <message>
        <source>Resident: {satisfaction}. {feedback}</source>
        <translation>居民评价：{satisfaction}。{feedback}</translation>
    </message>
    <message>
        <source>Declined: {reason}</source>
        <translation>不予办理：{reason}</translation>
    </message>
    <message>
        <source>Linked: {kind} {title} ({status})</source>
        <translation>关联：{kind} {title}（{status}）</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>办理经过：</translation>
    </message>
    <message>
        <source>  {at}  escalated {from_level} → {to_level} by {by}: {reason}</source>
        <translation>  {at}  由{by}从{from_level}上报到{to_level}：{reason}</translation>
    </message>
    <message>
        <source>      handed over: {before} → {after}</source>
        <translation>      移交：{before} → {after}</translation>
    </message>
    <message>
        <source>Added “{title}”.</source>
        <translation>已新建“{title}”。</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>领办</translation>
    </message>
    <message>
        <source>Who claims “{title}”?</source>
        <translation>谁来领办“{title}”？</translation>
    </message>
    <message>
        <source>“{title}” claimed by {who}.</source>
        <translation>“{title}”已由{who}领办。</translation>
    </message>
    <message>
        <source>“{title}” is in progress.</source>
        <translation>“{title}”正在办理。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>How was “{title}” resolved?</source>
        <translation>“{title}”是怎么解决的？</translation>
    </message>
    <message>
        <source>“{title}” is done; verify it with the resident.</source>
        <translation>“{title}”已办结，请向居民回访核验。</translation>
    </message>
    <message>
        <source>“{title}” verified: {satisfaction}.</source>
        <translation>“{title}”已回访核验：{satisfaction}。</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <source>Why is “{title}” reopened?</source>
        <translation>“{title}”为什么要重新办理？</translation>
    </message>
    <message>
        <source>“{title}” reopened.</source>
        <translation>“{title}”已重新办理。</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>不予办理</translation>
    </message>
    <message>
        <source>Why is “{title}” declined?</source>
        <translation>“{title}”为什么不予办理？</translation>
    </message>
    <message>
        <source>“{title}” declined.</source>
        <translation>“{title}”已不予办理。</translation>
    </message>
    <message>
        <source>“{title}” escalated to {level} level.</source>
        <translation>“{title}”已上报到{level}层面。</translation>
    </message>
    <message>
        <source>“{title}” is met by “{other}”.</source>
        <translation>“{title}”已关联“{other}”。</translation>
    </message>
</context>
<context>
    <name>LockWindow</name>
    <message>
        <source>GridKeeper (locked)</source>
        <translation>网格管家（已锁定）</translation>
    </message>
    <message>
        <source>GridKeeper is locked</source>
        <translation>网格管家已锁定</translation>
    </message>
    <message>
        <source>The records are hidden. Type the passphrase to go on.</source>
        <translation>档案内容已隐藏。请输入密码继续。</translation>
    </message>
    <message>
        <source>The records are hidden. This profile has no passphrase: anybody at this computer can show them again. Encrypt it from the File menu.</source>
        <translation>档案内容已隐藏。本档案没有密码：任何人在这台电脑前都能重新显示。请从“文件”菜单加密。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GridKeeper</source>
        <translation>网格管家</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>住户档案</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Night walks</source>
        <translation>周夜行</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>四张清单</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Mediations</source>
        <translation>矛盾调解</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议议事</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>组织与满意度</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Street setup</source>
        <translation>网格设置</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import household roster…</source>
        <translation>导入住户花名册(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Sync with shared folder…</source>
        <translation>与共享文件夹同步(&amp;S)…</translation>
    </message>
    <message>
        <source>Change user…</source>
        <translation>更换使用人…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Lock after…</source>
        <translation>自动锁定时间……</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>修改密码……</translation>
    </message>
    <message>
        <source>Encrypt this profile…</source>
        <translation>加密本档案……</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)……</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About GridKeeper</source>
        <translation>关于网格管家</translation>
    </message>
    <message>
        <source>Import grid &amp;division table…</source>
        <translation>导入网格划分表(&amp;D)…</translation>
    </message>
    <message>
        <source>Export grid division table…</source>
        <translation>导出网格划分表…</translation>
    </message>
    <message>
        <source>Save an empty grid division template…</source>
        <translation>保存空白网格划分表模板…</translation>
    </message>
    <message numerus="yes">
        <source>Grid division table imported: %n change(s).</source>
        <translation>
            <numerusform>网格划分表已导入：%n 处改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>no grid assigned</source>
        <translation>未分配网格</translation>
    </message>
    <message>
        <source>User: {name} ({grids})</source>
        <translation>使用人：{name}（{grids}）</translation>
    </message>
    <message>
        <source>User: not chosen</source>
        <translation>使用人：未选择</translation>
    </message>
    <message>
        <source>{h} households · {p} persons</source>
        <translation>{h} 户 · {p} 人</translation>
    </message>
    <message>
        <source>Profile: {path}</source>
        <translation>档案位置：{path}</translation>
    </message>
    <message>
        <source>Roster imported: {created} persons added, {updated} updated, {rejected} rows rejected.</source>
        <translation>花名册已导入：新增 {created} 人，更新 {updated} 人，{rejected} 行未导入。</translation>
    </message>
    <message>
        <source>Finishing the sync; GridKeeper closes when it is done.</source>
        <translation>正在完成同步；同步结束后网格管家将关闭。</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>同步冲突（{n}）</translation>
    </message>
    <message>
        <source>This laptop now belongs to {name}.</source>
        <translation>这台电脑现在属于{name}。</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Type the current passphrase, then the new one twice. Only the small key file is rewritten: the records and their backups stay as they are, and open with the new passphrase.</source>
        <translation>请输入当前密码，再输入两遍新密码。只重写很小的密钥文件：档案及其备份保持不变，改用新密码打开。</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <source>Lock GridKeeper after this many minutes without use:</source>
        <translation>无操作多少分钟后锁定网格管家：</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份……</translation>
    </message>
    <message>
        <source>Backed up and checked: {name}</source>
        <translation>已备份并检查：{name}</translation>
    </message>
    <message>
        <source>GridKeeper {version}
Offline-first records for grid cadres of a street office.</source>
        <translation>网格管家 {version}
街道网格干部的工作台账，不联网也能用。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Which field each column of the sheet fills. Columns recognised by their header are chosen already; change any that is wrong, or choose “(ignore)” to leave a column out.</source>
        <translation>设置工作表中每一列导入到哪一项。能按表头识别的列已自动选好；如有不对请修改，不需要导入的列请选择“（不导入）”。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一行数据</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Column {column}</source>
        <translation>{column}列</translation>
    </message>
    <message>
        <source>“{field}” is chosen for more than one column ({columns}); keep one.</source>
        <translation>“{field}”被选给了多列（{columns}），请只保留一列。</translation>
    </message>
    <message>
        <source>Choose the column that holds the name: a roster row needs one.</source>
        <translation>请选择姓名所在的列：花名册的每一行都必须有姓名。</translation>
    </message>
    <message>
        <source>{mapped} of {total} columns will be imported.</source>
        <translation>共 {total} 列，将导入其中 {mapped} 列。</translation>
    </message>
</context>
<context>
    <name>MediationsPage</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Return visit overdue</source>
        <translation>回访已逾期</translation>
    </message>
    <message>
        <source>Office names for numbers and &amp;letterhead…</source>
        <translation>单位名称(&amp;L)…</translation>
    </message>
    <message>
        <source>How case numbers and printed agreements name the office</source>
        <translation>案件编号和打印的协议书中使用的单位名称</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>状态(&amp;U)</translation>
    </message>
    <message>
        <source>Categor&amp;y</source>
        <translation>类型(&amp;Y)</translation>
    </message>
    <message>
        <source>C&amp;ompound</source>
        <translation>小区(&amp;O)</translation>
    </message>
    <message>
        <source>The signed agreement and other papers, scanned or photographed</source>
        <translation>已签字的调解协议书及其他材料（扫描件或照片）</translation>
    </message>
    <message>
        <source>Scans and photos</source>
        <translation>扫描件和照片</translation>
    </message>
    <message>
        <source>— mediation cases are the street&apos;s, not kept by grid</source>
        <translation>——调解案件由街道统一管理，不按网格划分</translation>
    </message>
    <message>
        <source>All compounds</source>
        <translation>全部小区</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return visits due (%n)</source>
        <translation>
            <numerusform>待回访（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>None due.</source>
        <translation>暂无待回访。</translation>
    </message>
    <message>
        <source>Case numbers now read {example}; agreements are issued by {committee}.</source>
        <translation>案件编号现为 {example}；协议书署名为{committee}。</translation>
    </message>
    <message>
        <source>Case {number} registered.</source>
        <translation>已登记案件 {number}。</translation>
    </message>
    <message>
        <source>Session recorded for {number}.</source>
        <translation>已记录 {number} 的调解情况。</translation>
    </message>
    <message>
        <source>Agreement of {number} saved.</source>
        <translation>已保存 {number} 的调解协议。</translation>
    </message>
    <message>
        <source>Return visit recorded for {number}.</source>
        <translation>已记录 {number} 的回访。</translation>
    </message>
    <message>
        <source>Return visit for {number} scheduled.</source>
        <translation>已安排 {number} 的回访。</translation>
    </message>
    <message>
        <source>Party added to {number}.</source>
        <translation>已为 {number} 添加当事人。</translation>
    </message>
    <message>
        <source>Party removed from {number}.</source>
        <translation>已从 {number} 移除当事人。</translation>
    </message>
    <message>
        <source>{number} is now “{status}”.</source>
        <translation>{number} 现为“{status}”。</translation>
    </message>
    <message>
        <source>Agreement of {number} sent to the printer.</source>
        <translation>{number} 的调解协议书已送打印机。</translation>
    </message>
    <message>
        <source>Save the agreement as PDF</source>
        <translation>协议书另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Agreement of {number} saved as {path}.</source>
        <translation>{number} 的调解协议书已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Search meetings, deliberations and duty matters</source>
        <translation>搜索会议、议事和值班事项</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议议事</translation>
    </message>
    <message>
        <source>Deliberation</source>
        <translation>邻里议事</translation>
    </message>
    <message>
        <source>Weekend duty</source>
        <translation>我与书记有约</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>New meeting…</source>
        <translation>新建会议…</translation>
    </message>
    <message>
        <source>Add agenda item…</source>
        <translation>添加议题…</translation>
    </message>
    <message>
        <source>Minutes…</source>
        <translation>会议记录…</translation>
    </message>
    <message>
        <source>Decision…</source>
        <translation>形成决定…</translation>
    </message>
    <message>
        <source>Minutes as PDF…</source>
        <translation>会议纪要 PDF…</translation>
    </message>
    <message>
        <source>Minutes: {text}</source>
        <translation>讨论情况：{text}</translation>
    </message>
    <message>
        <source>Decision: {text} ({owner}, by {due})</source>
        <translation>决定：{text}（{owner}，{due} 前完成）</translation>
    </message>
    <message>
        <source>Community hall</source>
        <translation>党群微家</translation>
    </message>
    <message>
        <source>One item a line</source>
        <translation>每行一个议题</translation>
    </message>
    <message>
        <source>The agenda opens with {n} items: the last meeting&apos;s decisions and the month&apos;s topics.</source>
        <translation>议程预置 {n} 项：上次会议决定事项和本月议题。</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Items added by hand</source>
        <translation>临时动议</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <source>Choose a meeting first.</source>
        <translation>请先选择一次会议。</translation>
    </message>
    <message>
        <source>Add agenda item</source>
        <translation>添加议题</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Choose an agenda item first.</source>
        <translation>请先选择一个议题。</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任方</translation>
    </message>
    <message>
        <source>Owner&apos;s name</source>
        <translation>责任单位或人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit member</source>
        <translation>编辑成员</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>18 characters; gender and birth date are read from it</source>
        <translation>18 位；性别和出生日期将从号码中读取</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Several numbers separated by 、</source>
        <translation>多个号码用“、”分隔</translation>
    </message>
    <message>
        <source>{masked} (leave empty to keep)</source>
        <translation>{masked}（留空则保持不变）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>性别(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Born:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Relation to head:</source>
        <translation>与户主关系(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge with another household</source>
        <extracomment>Matches listed at most: the right household is found by typing more, not by scrolling.</extracomment>
        <translation>与另一户合并</translation>
    </message>
    <message>
        <source>Two files of one household (filed twice, or under two addresses): find the other file, then choose which one is kept.</source>
        <translation>同一户有两份档案（重复建档，或登记在两个地址）：找到另一份档案，再选择保留哪一份。</translation>
    </message>
    <message>
        <source>Search by name, pinyin, address, phone or ID</source>
        <translation>按姓名、拼音、地址、电话或身份证号搜索</translation>
    </message>
    <message>
        <source>This file</source>
        <translation>本档案</translation>
    </message>
    <message>
        <source>The other file</source>
        <translation>另一份档案</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Keep this file</source>
        <translation>保留此档案</translation>
    </message>
    <message>
        <source>{address} · {head} · {community}</source>
        <translation>{address} · {head} · {community}</translation>
    </message>
    <message>
        <source>no members</source>
        <translation>无成员</translation>
    </message>
    <message>
        <source>No other household matches “{query}”.</source>
        <translation>没有其他住户与“{query}”匹配。</translation>
    </message>
    <message>
        <source>Search above and choose the other file.</source>
        <translation>请在上方搜索并选择另一份档案。</translation>
    </message>
    <message>
        <source>household no. {number}</source>
        <translation>户号 {number}</translation>
    </message>
    <message>
        <source>vacant (空户) since {day}</source>
        <translation>空户（自{day}起）</translation>
    </message>
    <message>
        <source>Members: {names}</source>
        <translation>成员：{names}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>{keep} is kept. From {gone}, %n member(s) and its care plans, list items and mediations move to it; the file of {gone} is closed, and its contacts and services show in the history of {keep}.</source>
        <translation>
            <numerusform>保留{keep}。{gone}的 %n 名成员及其关爱计划、清单事项和调解案件转入该户；{gone}的档案关闭，其联系和服务记录显示在{keep}的历史中。</numerusform>
        </translation>
    </message>
    <message>
        <source> Both files have a head of household (户主): correct the relations afterwards.</source>
        <translation>两份档案都有户主：合并后请更正与户主关系。</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New mediation case</source>
        <translation>新建调解案件</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>What the dispute is about, in a few sentences</source>
        <translation>用几句话说明纠纷的内容</translation>
    </message>
    <message>
        <source>Names of the mediators, separated by 、</source>
        <translation>调解员姓名，用“、”分隔</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>纠纷简要情况</translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Current passphrase:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>再输入一遍：</translation>
    </message>
    <message>
        <source>Nobody can open the profile or its backups without it, and it cannot be recovered: write it down and keep it somewhere safe.</source>
        <translation>没有密码，任何人都无法打开档案及其备份，且密码无法找回：请写下来，妥善保管。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The current passphrase is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>Working… this takes a few seconds.</source>
        <translation>正在处理……需要几秒钟。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>{number}: {status}</source>
        <extracomment>Steps that need nothing but an optional note.</extracomment>
        <translation>{number}：{status}</translation>
    </message>
    <message>
        <source>Change the status from “{now}” to “{then}”?</source>
        <translation>将状态由“{now}”改为“{then}”？</translation>
    </message>
    <message>
        <source>Optional: a note for the history</source>
        <translation>可选：写入状态变更记录的备注</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OfficeBox</name>
    <message>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>电脑</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;New enrolment code</source>
        <translation>生成新邀请码(&amp;N)</translation>
    </message>
    <message>
        <source>A one-time code for a new laptop to join this office</source>
        <translation>一次性邀请码，供一台新电脑加入本单位</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the selected laptop from the office (a lost or stolen laptop, or one handed on)</source>
        <translation>将选中的电脑移出本单位（丢失、被盗或已转交他人的电脑）</translation>
    </message>
    <message>
        <source>Only an admin&apos;s laptop can add laptops to the office or remove them.</source>
        <translation>只有管理员的电脑才能为本单位添加或移除电脑。</translation>
    </message>
    <message>
        <source>Enrolment code for a new laptop:</source>
        <translation>新电脑的邀请码：</translation>
    </message>
    <message>
        <source>The same code as a QR code</source>
        <translation>同一邀请码的二维码</translation>
    </message>
    <message>
        <source>Type it on the new laptop&apos;s Sync page, under Join an office. It works once, for one laptop, until {when}. The new laptop is admitted at this laptop&apos;s next sync.</source>
        <translation>请在新电脑的“同步”页面“加入单位”处输入。仅限一台电脑使用一次，有效期至 {when}。本机下次同步时将接纳这台新电脑。</translation>
    </message>
    <message>
        <source>This laptop was removed from the office by an admin; it no longer syncs.</source>
        <translation>本机已被管理员移出本单位，不再同步。</translation>
    </message>
    <message>
        <source>This laptop has joined and waits to be admitted by an admin&apos;s laptop, at its next sync.</source>
        <translation>本机已申请加入，等待管理员的电脑在其下次同步时接纳。</translation>
    </message>
    <message>
        <source>This laptop is an admin of the office.</source>
        <translation>本机是本单位的管理员。</translation>
    </message>
    <message>
        <source>This laptop is a member of the office.</source>
        <translation>本机是本单位的成员。</translation>
    </message>
    <message>
        <source>Office {name}. {who}</source>
        <translation>单位：{name}。{who}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>{laptop} (this laptop)</source>
        <translation>{laptop}（本机）</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>in the office</source>
        <translation>在本单位</translation>
    </message>
    <message>
        <source>removed {when}</source>
        <translation>已于 {when} 移除</translation>
    </message>
    <message>
        <source>Revoke a laptop</source>
        <translation>移除电脑</translation>
    </message>
    <message>
        <source>Remove {laptop} from the office?

Every laptop will refuse the data it writes from now on, and the office key is changed, so it cannot read what the others write after this. What it sent before stays. Do this for a lost or stolen laptop, or one that leaves the office; it cannot be undone.</source>
        <translation>将 {laptop} 移出本单位？

此后它写入的数据将被所有电脑拒收，单位密钥也会更换，它将无法读取其他电脑此后写入的数据。它此前发送的数据仍保留。适用于丢失、被盗或离开本单位的电脑；此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>OfficeNamesDialog</name>
    <message>
        <source>Office names</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>In case numbers (〔2026〕…调字第…号)</source>
        <translation>案件编号中的简称（〔2026〕…调字第…号）</translation>
    </message>
    <message>
        <source>Mediation committee</source>
        <translation>人民调解委员会</translation>
    </message>
</context>
<context>
    <name>OrganisationsPage</name>
    <message>
        <source>Committees and Party</source>
        <translation>业委会与党组织</translation>
    </message>
    <message>
        <source>Property companies</source>
        <translation>物业企业</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Clubs and teams</source>
        <translation>社团与志愿队</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Elected</source>
        <translation>选举日期</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>任期届满</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主任</translation>
    </message>
    <message>
        <source>Party organisation</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>书记</translation>
    </message>
    <message>
        <source>Secretary chairs (一肩挑)</source>
        <translation>一肩挑</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>New committee &amp;term…</source>
        <translation>新一届业委会(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Party organisation…</source>
        <translation>党组织(&amp;P)…</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>物业企业</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Compounds served</source>
        <translation>服务小区</translation>
    </message>
    <message>
        <source>Open problems</source>
        <translation>未办结问题</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Median days to close</source>
        <translation>办结天数中位数</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation>退出原因</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation>未通过项目</translation>
    </message>
    <message>
        <source>New &amp;company…</source>
        <translation>新增物业企业(&amp;C)…</translation>
    </message>
    <message>
        <source>Company of the compound / &amp;change…</source>
        <translation>小区物业 / 更换(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Inspection…</source>
        <translation>物业检查(&amp;I)…</translation>
    </message>
    <message>
        <source>Quarterly &amp;evaluation…</source>
        <translation>季度评价(&amp;E)…</translation>
    </message>
    <message>
        <source>History of:</source>
        <translation>服务历史：</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>调查户数</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>回答户数</translation>
    </message>
    <message>
        <source>Satisfied overall</source>
        <translation>总体满意</translation>
    </message>
    <message>
        <source>Property service</source>
        <translation>物业服务</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Neighbours</source>
        <translation>邻里关系</translation>
    </message>
    <message>
        <source>Community&apos;s work</source>
        <translation>社区工作</translation>
    </message>
    <message>
        <source>Compound:</source>
        <translation>小区：</translation>
    </message>
    <message>
        <source>New &amp;survey…</source>
        <translation>录入调查(&amp;S)…</translation>
    </message>
    <message>
        <source>Import &amp;answers…</source>
        <translation>导入答卷(&amp;A)…</translation>
    </message>
    <message>
        <source>Search teams by name, leader, compound or community</source>
        <translation>按名称、负责人、小区或社区查找</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Compound or community</source>
        <translation>小区或社区</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Activities this month</source>
        <translation>本月活动</translation>
    </message>
    <message>
        <source>Volunteer hours this month</source>
        <translation>本月志愿服务时长（小时）</translation>
    </message>
    <message>
        <source>Households served</source>
        <translation>服务户数</translation>
    </message>
    <message>
        <source>New club or &amp;team…</source>
        <translation>新增社团或队伍(&amp;T)…</translation>
    </message>
    <message>
        <source>Record an &amp;activity…</source>
        <translation>登记活动(&amp;A)…</translation>
    </message>
    <message>
        <source>term ended {n} days ago</source>
        <translation>任期已届满 {n} 天</translation>
    </message>
    <message>
        <source>term ends in {n} days</source>
        <translation>还有 {n} 天任期届满</translation>
    </message>
    <message>
        <source>no committee</source>
        <translation>未成立业委会</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{compounds} compounds · {committees} with an owners&apos; committee · {party} of them with a Party organisation (coverage {cover}) · {one} where the secretary chairs the committee · {ending} terms ending within {months} months</source>
        <translation>共 {compounds} 个小区 · {committees} 个成立业委会 · 其中 {party} 个建立党组织（覆盖率 {cover}） · {one} 个书记主任“一肩挑” · {ending} 个 {months} 个月内任期届满</translation>
    </message>
    <message>
        <source>Service evaluation {quarter}: {ranking}</source>
        <translation>物业服务评价 {quarter}：{ranking}</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>暂无记录</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>服务中</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Satisfaction in {compound}</source>
        <translation>{compound}满意度</translation>
    </message>
    <message>
        <source>{month}, whole street: {activities} activities, {people} took part, {hours} volunteer hours, {households} households served</source>
        <translation>{month}（全街道）：活动 {activities} 次，参加 {people} 人次，志愿服务 {hours} 小时，服务 {households} 户</translation>
    </message>
    <message>
        <source>Select a compound first.</source>
        <translation>请先选择一个小区。</translation>
    </message>
    <message>
        <source>The new committee term is recorded.</source>
        <translation>新一届业委会已记录。</translation>
    </message>
    <message>
        <source>The Party organisation is recorded.</source>
        <translation>党组织已记录。</translation>
    </message>
    <message>
        <source>The property company is added.</source>
        <translation>物业企业已添加。</translation>
    </message>
    <message>
        <source>The compound&apos;s property company is recorded; its history keeps the one before.</source>
        <translation>小区物业企业已记录，服务历史保留原企业。</translation>
    </message>
    <message>
        <source>Inspection recorded; {n} problems opened for the company in the four lists.</source>
        <translation>检查已记录，已在问题清单中为该物业企业新建 {n} 个问题。</translation>
    </message>
    <message>
        <source>The evaluation is recorded.</source>
        <translation>评价已记录。</translation>
    </message>
    <message>
        <source>The survey is recorded.</source>
        <translation>调查已记录。</translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation>调查答卷</translation>
    </message>
    <message>
        <source>Excel (*.xlsx *.xls)</source>
        <translation>Excel 表格 (*.xlsx *.xls)</translation>
    </message>
    <message>
        <source>Not imported: {reason}</source>
        <translation>未导入：{reason}</translation>
    </message>
    <message>
        <source>; rows set aside (answer not understood): {rows}</source>
        <translation>；以下行的回答无法识别，未计入：第 {rows} 行</translation>
    </message>
    <message>
        <source>{n} answers counted{skipped}. Check the households asked, then save.</source>
        <translation>已统计 {n} 份答卷{skipped}。请核对调查户数后保存。</translation>
    </message>
    <message>
        <source>Select a team first.</source>
        <translation>请先选择一支队伍。</translation>
    </message>
    <message>
        <source>The club or team is added.</source>
        <translation>社团或队伍已添加。</translation>
    </message>
    <message>
        <source>The activity is recorded.</source>
        <translation>活动已登记。</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>Add a party to {number}</source>
        <translation>为 {number} 添加当事人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
</context>
<context>
    <name>PartyFields</name>
    <message>
        <source>Type a name: residents of this profile are offered</source>
        <translation>输入姓名，将提示本档案中的居民</translation>
    </message>
    <message>
        <source>Name of the agent or representative, if any</source>
        <translation>委托代理人或代表人姓名（如有）</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>e.g. 汉族</source>
        <translation>如：汉族</translation>
    </message>
    <message>
        <source>YYYY-MM-DD; from the ID number when one is typed</source>
        <translation>如 1970-05-01；填了身份证号会自动带出</translation>
    </message>
    <message>
        <source>18 characters; gender and birth date follow from it</source>
        <translation>18位；性别和出生日期随之带出</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>委托代理人</translation>
    </message>
    <message>
        <source>Not linked to a resident&apos;s file.</source>
        <translation>未关联居民档案。</translation>
    </message>
    <message>
        <source>Linked to the resident {name}, {address}.</source>
        <translation>已关联居民 {name}，{address}。</translation>
    </message>
    <message>
        <source>no address on file</source>
        <translation>档案中无住址</translation>
    </message>
    <message>
        <source>From the resident&apos;s file when left empty</source>
        <translation>不填则取自居民档案</translation>
    </message>
</context>
<context>
    <name>PartyOrgDialog</name>
    <message>
        <source>Party organisation</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Secretary:</source>
        <translation>书记(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>This picture cannot be shown.</source>
        <translation>这张图片无法显示。</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <source>Put in a grid</source>
        <translation>划入网格</translation>
    </message>
    <message numerus="yes">
        <source>{compound}: %n household(s) of this roster are in no grid. Choose the grid they belong to: the compound and its buildings are set up now, and the import puts the households there.</source>
        <translation>
            <numerusform>{compound}：花名册中有 %n 户未划入网格。请选择所属网格：现在建立该小区及其楼栋，导入时这些住户将归入该网格。</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} (new)</source>
        <translation>{name}（新建）</translation>
    </message>
    <message>
        <source>Name of the new grid, e.g. 第3网格</source>
        <translation>新网格名称，如 第3网格</translation>
    </message>
    <message>
        <source>The whole compound (buildings added later too)</source>
        <translation>整个小区（含以后新增的楼栋）</translation>
    </message>
    <message>
        <source>Only the roster&apos;s buildings: {buildings}</source>
        <translation>仅花名册中的楼栋：{buildings}</translation>
    </message>
    <message>
        <source>Community:</source>
        <translation>社区：</translation>
    </message>
    <message>
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <source>The grid covers:</source>
        <translation>网格范围：</translation>
    </message>
    <message>
        <source>&amp;Put in grid</source>
        <translation>划入网格(&amp;P)</translation>
    </message>
    <message>
        <source>No community is on file yet and the roster names none: set up the street&apos;s communities first (网格设置), or give the roster a 社区 column.</source>
        <translation>还没有任何社区，花名册也未注明社区：请先在“网格设置”中建立社区，或在花名册中加上“社区”列。</translation>
    </message>
    <message>
        <source>New grid…</source>
        <translation>新建网格…</translation>
    </message>
</context>
<context>
    <name>PlacesPanel</name>
    <message>
        <source>In no grid yet: these households are imported, but no grid&apos;s lists, Today or reports show them until their compound or building is in a grid. Put one in a grid now, before importing:</source>
        <translation>尚未划入网格：这些住户会被导入，但在其小区或楼栋划入网格之前，网格名单、今日和报表中都不会显示。可在导入前先划入网格：</translation>
    </message>
    <message>
        <source>In no grid</source>
        <translation>未划入网格</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Put in a &amp;grid…</source>
        <translation>划入网格(&amp;G)…</translation>
    </message>
    <message>
        <source>{compound} is in {grid} now: the import puts its households there.</source>
        <translation>{compound}已划入{grid}：导入时其住户将归入该网格。</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>New care plan</source>
        <translation>新建关爱计划</translation>
    </message>
    <message>
        <source>The whole household</source>
        <translation>全户</translation>
    </message>
    <message>
        <source>every N days</source>
        <translation>每 N 天</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>empty: no end</source>
        <translation>留空：不设结束日期</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>对象(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>联系频次(&amp;C)：</translation>
    </message>
    <message>
        <source>Every &amp;N days:</source>
        <translation>每隔天数(&amp;N)：</translation>
    </message>
    <message>
        <source>Responsible c&amp;adre:</source>
        <translation>负责干部(&amp;A)：</translation>
    </message>
    <message>
        <source>Paired &amp;volunteer:</source>
        <translation>结对志愿者(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>开始日期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>结束日期(&amp;U)：</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <source>No volunteer “{name}” in the list: pick one from it.</source>
        <translation>名单里没有志愿者“{name}”，请从名单中选择。</translation>
    </message>
    <message>
        <source>The plan needs a start date.</source>
        <translation>计划需要开始日期。</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Preview: what importing the table does</source>
        <translation>预览：导入这张表会做什么</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>For example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>Rows of the table</source>
        <translation>表中各行</translation>
    </message>
    <message>
        <source>Red: a rejected row; one rejected row refuses the whole table, and nothing is imported. Yellow: a warning (a building that moves or leaves its grid, a stint that ends, a column not read); the table is imported as the warning says. Point at a cell to read why.</source>
        <translation>红色：被拒绝的行；只要有一行被拒绝，整张表都不导入。黄色：提醒（楼幢改划或移出网格、任职结束、有列未读取），按提醒所说导入。把鼠标指向单元格可查看原因。</translation>
    </message>
    <message>
        <source>Checking every row and comparing it with the profile…</source>
        <translation>正在检查每一行并与档案比对…</translation>
    </message>
    <message>
        <source>{rows} rows read · {rejected} rejected · {warned} with warnings</source>
        <translation>读取 {rows} 行 · 拒绝 {rejected} 行 · {warned} 行有提醒</translation>
    </message>
    <message numerus="yes">
        <source>This table cannot be imported: there are problems in %n row(s) (in red below, with the reason). A table is imported whole or not at all, so nothing will be written. Correct the rows in Excel, save the file and choose it again.</source>
        <translation>
            <numerusform>这张表不能导入：有 %n 行存在问题（下方红色标出，并注明原因）。网格划分表要么整张导入，要么不导入，因此不会写入任何内容。请在 Excel 中改正这些行，保存后重新选择该文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>The profile already holds what this table says: importing it changes nothing.</source>
        <translation>档案已与这张表一致：导入不会改动任何内容。</translation>
    </message>
    <message>
        <source>Changes ({n})</source>
        <translation>改动（{n}）</translation>
    </message>
    <message>
        <source>Show only rows with problems</source>
        <translation>只显示有问题的行</translation>
    </message>
    <message>
        <source>Red: the row is rejected and will not be imported. Yellow: a warning; the row is imported as the warning says (a doubtful value left out or corrected). Point at a cell to read why. ID and phone numbers are masked.</source>
        <translation>红色：该行有错误，不会导入。黄色：有提醒，该行会按提醒所说导入（存疑的值不导入或已更正）。鼠标指向单元格可查看原因。身份证号和电话号码已脱敏显示。</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>{rows} rows read · {ok} will be imported · {rejected} rejected · {warned} with warnings</source>
        <translation>读取 {rows} 行 · 可导入 {ok} 行 · {rejected} 行不能导入 · {warned} 行有提醒</translation>
    </message>
    <message>
        <source>{reason} ({kind})</source>
        <translation>{reason}（{kind}）</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>提醒</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rows with problems: the first %n shown.</source>
        <translation>
            <numerusform>有问题的行：显示前 %n 行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s) of the sheet.</source>
        <translation>
            <numerusform>工作表的前 %n 行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PropertyView</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>领办人</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>立项日期</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>已办天数</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Overdue (days)</source>
        <translation>超期（天）</translation>
    </message>
    <message>
        <source>Propert&amp;y company:</source>
        <translation>物业公司(&amp;Y)：</translation>
    </message>
    <message>
        <source>Escalated, {level} handling it</source>
        <translation>已上报，{level}办理中</translation>
    </message>
    <message>
        <source>No property company is named on a compound or a problem yet.</source>
        <translation>还没有小区或问题登记物业公司。</translation>
    </message>
    <message>
        <source>{company} has no open problems.</source>
        <translation>{company}没有未办结的问题。</translation>
    </message>
    <message numerus="yes">
        <source>{company}: %n open problem(s), {overdue} overdue; the oldest open for {days} days.</source>
        <translation>
            <numerusform>{company}：未办结问题 %n 个，超期 {overdue} 个；最久的已 {days} 天。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>{name} stops holding a grid</source>
        <translation>{name}停止包联网格</translation>
    </message>
    <message>
        <source>&amp;Grid:</source>
        <translation>网格(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Last day:</source>
        <translation>最后一天(&amp;L)：</translation>
    </message>
    <message>
        <source>{name} holds no grid today.</source>
        <translation>{name}今天没有包联网格。</translation>
    </message>
    <message>
        <source>{name} held {grid} until {day}.</source>
        <translation>{name}包联{grid}至{day}。</translation>
    </message>
</context>
<context>
    <name>RemovePartyDialog</name>
    <message>
        <source>Remove a party from {number}</source>
        <translation>从 {number} 移除当事人</translation>
    </message>
    <message>
        <source>Remove {name} ({role}) from this case?</source>
        <translation>从本案中移除{name}（{role}）？</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>The profile becomes the backup you choose; what was entered after it is replaced. The profile as it is now is backed up first, so a restore can be undone the same way. For sync the laptop then counts as a new one and joins its office again.</source>
        <translation>档案将变为所选备份的内容，备份之后录入的内容会被替换。恢复前会先备份当前档案，因此恢复也可以用同样的方法撤销。对同步而言，这台电脑随后算作一台新电脑，需要重新加入单位。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>There are no backups yet. GridKeeper makes one every day it is used.</source>
        <translation>还没有备份。网格管家在每个使用日都会自动备份。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>RosterReasons</name>
    <message>
        <source>ID number: check character wrong</source>
        <extracomment>What each reason code means, in a few words: the code itself stays next to it (a stable identifier people can quote), but a community worker reads the words.</extracomment>
        <translation>身份证号校验位错误</translation>
    </message>
    <message>
        <source>ID number: impossible birth date</source>
        <translation>身份证号中的出生日期不成立</translation>
    </message>
    <message>
        <source>ID number stored as a number</source>
        <translation>身份证号存成了数字</translation>
    </message>
    <message>
        <source>ID number: wrong length</source>
        <translation>身份证号位数不对</translation>
    </message>
    <message>
        <source>ID number: not an ID number</source>
        <translation>不是身份证号</translation>
    </message>
    <message>
        <source>ID number: no such province</source>
        <translation>身份证号：省份代码不存在</translation>
    </message>
    <message>
        <source>Old 15-digit ID number</source>
        <translation>旧的15位身份证号</translation>
    </message>
    <message>
        <source>Same ID number, different person</source>
        <translation>同一身份证号，不同的人</translation>
    </message>
    <message>
        <source>Row repeated</source>
        <translation>重复的行</translation>
    </message>
    <message>
        <source>Same person listed twice</source>
        <translation>同一人重复登记</translation>
    </message>
    <message>
        <source>Name missing</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <source>Gender differs from the ID number</source>
        <translation>性别与身份证号不符</translation>
    </message>
    <message>
        <source>Gender not readable</source>
        <translation>性别无法识别</translation>
    </message>
    <message>
        <source>Birth date not readable</source>
        <translation>出生日期无法识别</translation>
    </message>
    <message>
        <source>Birth date differs from the ID number</source>
        <translation>出生日期与身份证号不符</translation>
    </message>
    <message>
        <source>Birth date incomplete</source>
        <translation>出生日期不完整</translation>
    </message>
    <message>
        <source>Phone number not valid</source>
        <translation>电话号码无效</translation>
    </message>
    <message>
        <source>Phone number: wrong number of digits</source>
        <translation>号码位数不对</translation>
    </message>
    <message>
        <source>Not a mobile range in use</source>
        <translation>不是在用的手机号段</translation>
    </message>
    <message>
        <source>Phone number without area code</source>
        <translation>电话号码缺区号</translation>
    </message>
    <message>
        <source>Building or room missing</source>
        <translation>缺少楼栋或房号</translation>
    </message>
    <message>
        <source>Building in no grid</source>
        <translation>楼栋未划入网格</translation>
    </message>
</context>
<context>
    <name>RosterWizard</name>
    <message>
        <source>Import household roster</source>
        <translation>导入住户花名册</translation>
    </message>
</context>
<context>
    <name>RotateDialog</name>
    <message>
        <source>Rotation in {grid}</source>
        <translation>{grid}轮换</translation>
    </message>
    <message>
        <source>&amp;Leaves:</source>
        <translation>离开(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Comes:</source>
        <translation>接任(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;On:</source>
        <translation>日期(&amp;O)：</translation>
    </message>
    <message>
        <source>Nobody holds this grid today: use “Hold a grid…” on a cadre.</source>
        <translation>今天没有人包联本网格：请在干部上使用“包联网格…”。</translation>
    </message>
    <message>
        <source>{coming} holds {grid} from {day}; {leaving} held it until {last}.</source>
        <translation>{coming}自{day}起包联{grid}；{leaving}包联至{last}。</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Schedule a return visit for {number}</source>
        <translation>安排 {number} 的回访</translation>
    </message>
    <message>
        <source>Visit due on</source>
        <translation>回访日期</translation>
    </message>
</context>
<context>
    <name>ScopeLabel</name>
    <message>
        <source>Showing: my grids — I hold no grid today</source>
        <translation>显示范围：我的网格——今天我没有负责的网格</translation>
    </message>
    <message>
        <source>Showing: my grids — {grids}</source>
        <translation>显示范围：我的网格——{grids}</translation>
    </message>
    <message>
        <source>Showing: the whole street (every grid)</source>
        <translation>显示范围：全街道（所有网格）</translation>
    </message>
    <message>
        <source>Showing: {scope}</source>
        <translation>显示范围：{scope}</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>Record a service</source>
        <translation>记录服务</translation>
    </message>
    <message>
        <source>The whole household</source>
        <translation>全户</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>(by me)</source>
        <translation>（本人）</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>服务对象(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>服务类型(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>时长(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;By volunteer:</source>
        <translation>志愿者(&amp;B)：</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <source>The service needs a date.</source>
        <translation>服务需要日期。</translation>
    </message>
    <message>
        <source>No volunteer “{name}” in the list: pick one from it.</source>
        <translation>名单里没有志愿者“{name}”，请从名单中选择。</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Record a session of {number}</source>
        <translation>记录 {number} 的调解</translation>
    </message>
    <message>
        <source>e.g. the compound&apos;s mediation room</source>
        <translation>例如：小区金色调解室</translation>
    </message>
    <message>
        <source>What each side said, what was proposed, what was agreed</source>
        <translation>双方陈述、调解员提出的方案、达成的意见</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>调解记录</translation>
    </message>
</context>
<context>
    <name>SetupBox</name>
    <message>
        <source>Set up sync on this laptop</source>
        <translation>在本机设置同步</translation>
    </message>
    <message>
        <source>This laptop is not in an office yet. An office is the laptops that sync with each other through the shared folder above: only laptops admitted to it can read or add data there, and what is on the folder is encrypted. Choose the shared folder first, then one of the two below.</source>
        <translation>本机尚未加入任何单位。单位即通过上方共享文件夹互相同步的一组电脑：只有被接纳的电脑才能读取或添加其中的数据，文件夹中的内容都经过加密。请先选择共享文件夹，再从下面两项中选择一项。</translation>
    </message>
    <message>
        <source>Start a new office</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <source>For the first laptop only. The office is made on the shared folder and this laptop becomes its admin: it gives the other laptops their enrolment codes and can remove a lost laptop.</source>
        <translation>仅限第一台电脑。将在共享文件夹中建立单位，本机成为管理员：由它为其他电脑生成邀请码，也可以移除丢失的电脑。</translation>
    </message>
    <message>
        <source>optional, e.g. 城南街道网格</source>
        <translation>可不填，例如 城南街道网格</translation>
    </message>
    <message>
        <source>C&amp;reate the office here</source>
        <translation>在此新建单位(&amp;R)</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>单位名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Join an office</source>
        <translation>加入单位</translation>
    </message>
    <message numerus="yes">
        <source>For every other laptop. Ask the office&apos;s admin for an enrolment code (it works once, for %n day(s)) and type it here; capitals, spaces and dashes do not matter. This laptop then receives the office&apos;s data.</source>
        <translation>
            <numerusform>适用于其他所有电脑。请向单位管理员索取邀请码（只能使用一次，%n 天内有效）并在此输入；大小写、空格和短横线均不影响。之后本机会收到单位的数据。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Join with the code</source>
        <translation>用邀请码加入(&amp;J)</translation>
    </message>
    <message>
        <source>Enrolment &amp;code:</source>
        <translation>邀请码(&amp;C)：</translation>
    </message>
    <message>
        <source>Type the enrolment code the office&apos;s admin gave you.</source>
        <translation>请输入单位管理员给您的邀请码。</translation>
    </message>
    <message numerus="yes">
        <source>An enrolment code has 12 letters and digits, like ABCD-EFGH-JKLM; this one has %n.</source>
        <translation>
            <numerusform>邀请码由 12 个字母和数字组成，例如 ABCD-EFGH-JKLM；您输入的有 %n 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Sheet and header row</source>
        <translation>工作表和表头行</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>Read the sheet “{sheet}”. The header is in row {row}; %n row(s) below it. Roles read: {roles}.</source>
        <translation>
            <numerusform>已读取工作表“{sheet}”。表头在第 {row} 行，下方共 %n 行。读取到的职责：{roles}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose another sheet above, or go back to choose another file.</source>
        <translation>请在上方选择其他工作表，或返回选择其他文件。</translation>
    </message>
    <message>
        <source>The first rows of the sheet; the header row is highlighted.</source>
        <translation>工作表的前几行，表头行已突出显示。</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message numerus="yes">
        <source>Read the sheet “{sheet}”: %n row(s).</source>
        <translation>
            <numerusform>已读取工作表“{sheet}”：共 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose another sheet above.</source>
        <translation>请在上方选择其他工作表。</translation>
    </message>
    <message numerus="yes">
        <source>Read the sheet “{sheet}”. The header is in row {row}, with {columns} known column(s); %n row(s) of data below it.</source>
        <translation>
            <numerusform>已读取工作表“{sheet}”。表头在第{row}行，可识别 {columns} 列；表头下方有 %n 行数据。</numerusform>
        </translation>
    </message>
    <message>
        <source>The first sheet, “{first}”, holds no roster, so “{sheet}” is shown.</source>
        <translation>第一个工作表“{first}”里没有花名册，所以显示的是“{sheet}”。</translation>
    </message>
    <message>
        <source>Go back to choose another file.</source>
        <translation>请返回选择其他文件。</translation>
    </message>
    <message>
        <source>The first rows of the sheet.</source>
        <translation>工作表的前几行。</translation>
    </message>
</context>
<context>
    <name>StreetDialog</name>
    <message>
        <source>Saving…</source>
        <extracomment>A write: runs on the database thread; what it returns goes to describe() on the UI thread.</extracomment>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>StreetPage</name>
    <message>
        <source>Read only: only an admin laptop of the office can change the street&apos;s setup. Ask the office&apos;s admin to add places, grids or cadres.</source>
        <translation>只读：只有单位的管理员电脑才能修改网格设置。如需新增地点、网格或干部，请联系单位管理员。</translation>
    </message>
    <message>
        <source>Community / compound / building</source>
        <translation>社区 / 小区 / 楼幢</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Not in a grid</source>
        <translation>未划网格</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>楼幢数</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他人员</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Grids held today</source>
        <translation>现包联网格</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Only an admin laptop of the office can change the street&apos;s setup.</source>
        <translation>只有单位的管理员电脑才能修改网格设置。</translation>
    </message>
    <message>
        <source>New community…</source>
        <translation>新建社区…</translation>
    </message>
    <message>
        <source>A community (社区) of the street, with its division code</source>
        <translation>街道下的社区，含区划代码</translation>
    </message>
    <message>
        <source>Import division table…</source>
        <translation>导入网格划分表…</translation>
    </message>
    <message>
        <source>Set up communities, compounds, buildings, grids and their cadres from a grid division table (网格划分表, .xlsx)</source>
        <translation>从网格划分表（.xlsx）建立社区、小区、楼幢、网格及包联干部</translation>
    </message>
    <message>
        <source>New compound…</source>
        <translation>新建小区…</translation>
    </message>
    <message>
        <source>A compound (小区) in the chosen community</source>
        <translation>在所选社区新建小区</translation>
    </message>
    <message>
        <source>New buildings…</source>
        <translation>新建楼幢…</translation>
    </message>
    <message>
        <source>Buildings of the chosen compound; “1-12” adds twelve at once</source>
        <translation>所选小区的楼幢；输入“1-12”一次新建12幢</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Rename the chosen community, compound or building</source>
        <translation>修改所选社区、小区或楼幢</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the chosen place; refused while records hang on it</source>
        <translation>删除所选地点；仍有记录关联时不能删除</translation>
    </message>
    <message>
        <source>Put in a grid…</source>
        <translation>划入网格…</translation>
    </message>
    <message>
        <source>Put the chosen buildings, or whole compounds, in a grid of their community</source>
        <translation>把所选楼幢或整个小区划入本社区的网格</translation>
    </message>
    <message>
        <source>Take out of grid</source>
        <translation>移出网格</translation>
    </message>
    <message>
        <source>The chosen buildings&apos; households will be in no grid (未划网格)</source>
        <translation>所选楼幢的住户将变为未划网格</translation>
    </message>
    <message>
        <source>Put the chosen compound&apos;s or building&apos;s households in a grid at once</source>
        <translation>一次把所选小区或楼幢的住户划入网格</translation>
    </message>
    <message>
        <source>New grid…</source>
        <translation>新建网格…</translation>
    </message>
    <message>
        <source>A grid (网格) of the chosen community</source>
        <translation>在所选社区新建网格</translation>
    </message>
    <message>
        <source>Rename the grid or change its code</source>
        <translation>修改网格名称或编码</translation>
    </message>
    <message>
        <source>Delete the grid; refused while it covers buildings or is held</source>
        <translation>删除网格；仍含楼幢或有人包联时不能删除</translation>
    </message>
    <message>
        <source>Rotation…</source>
        <translation>轮换…</translation>
    </message>
    <message>
        <source>One cadre leaves the grid and another comes, on a day</source>
        <translation>某日一名干部离开网格、另一名接任</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <source>Who held the grid, and the buildings that came in or went out</source>
        <translation>谁包联过本网格，以及楼幢的划入划出</translation>
    </message>
    <message>
        <source>New cadre…</source>
        <translation>新增干部…</translation>
    </message>
    <message>
        <source>A cadre with phone and role (三员: 驻社区干部, 驻经合社干部, 小区党建指导员)</source>
        <translation>干部及其电话和身份（三员：驻社区干部、驻经合社干部、小区党建指导员）</translation>
    </message>
    <message>
        <source>Change the cadre&apos;s name, phone or role</source>
        <translation>修改干部的姓名、电话或身份</translation>
    </message>
    <message>
        <source>Hold a grid…</source>
        <translation>包联网格…</translation>
    </message>
    <message>
        <source>The cadre holds a grid from a day</source>
        <translation>干部自某日起包联网格</translation>
    </message>
    <message>
        <source>Stop holding…</source>
        <translation>停止包联…</translation>
    </message>
    <message>
        <source>The cadre stops holding one grid from a day, and stays a cadre</source>
        <translation>干部自某日起停止包联一个网格，仍保留干部身份</translation>
    </message>
    <message>
        <source>Leaves…</source>
        <translation>离任…</translation>
    </message>
    <message>
        <source>The cadre leaves the street: every grid they hold ends; their history stays</source>
        <translation>干部离开街道：其包联的网格全部结束，历史记录保留</translation>
    </message>
    <message>
        <source>Cadres</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Not in a grid: {buildings}, {households}</source>
        <translation>未划网格：{buildings} {households}</translation>
    </message>
    <message numerus="yes">
        <source>%n building(s)</source>
        <translation>
            <numerusform>%n幢</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n户</numerusform>
        </translation>
    </message>
    <message>
        <source>Every household is in a grid.</source>
        <translation>所有住户均已划入网格。</translation>
    </message>
    <message>
        <source>The street has no community yet. Start with “New community…”, then add its compounds, buildings and grids, and the cadres who hold them.</source>
        <translation>街道还没有社区。请先“新建社区…”，再添加其小区、楼幢和网格，以及包联网格的干部。</translation>
    </message>
    <message>
        <source>Grids of {community}</source>
        <translation>{community}的网格</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Street setup</source>
        <translation>网格设置</translation>
    </message>
    <message>
        <source>Delete “{name}”? It goes from every list; a record of it is kept.</source>
        <translation>删除“{name}”？它将从各列表中消失，但记录会保留。</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>已删除“{name}”。</translation>
    </message>
    <message>
        <source>Choose compounds or buildings of one community: a grid covers its own community only.</source>
        <translation>请选择同一社区的小区或楼幢：网格只能包含本社区的地点。</translation>
    </message>
    <message>
        <source>{compound} (the whole compound)</source>
        <translation>{compound}（整个小区）</translation>
    </message>
    <message>
        <source>These buildings are in no grid already.</source>
        <translation>这些楼幢已是未划网格。</translation>
    </message>
    <message>
        <source>{households} in {buildings}</source>
        <translation>{buildings}共{households}</translation>
    </message>
    <message>
        <source>Take {places} out of their grid? {counted} will be in no grid (未划网格) until put in another.</source>
        <translation>把{places}移出网格？{counted}将变为未划网格，直到划入其他网格。</translation>
    </message>
    <message>
        <source>{counted} taken out of their grid: they are in no grid (未划网格) now.</source>
        <translation>{counted}已移出网格，现为未划网格。</translation>
    </message>
    <message>
        <source>(no grid)</source>
        <extracomment>Buildings in no grid are marked in this colour (the warning red of the forms).</extracomment>
        <translation>（未划网格）</translation>
    </message>
    <message>
        <source>{grid} (whole compound)</source>
        <translation>{grid}（整个小区）</translation>
    </message>
    <message>
        <source>Nobody holds this grid today as: {roles}</source>
        <translation>本网格今天缺少：{roles}</translation>
    </message>
</context>
<context>
    <name>StrengthHint</name>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation>太短：至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>Weak: easy to guess. Add words, or mix in digits and signs.</source>
        <translation>弱：容易被猜到。请加几个词，或混入数字和符号。</translation>
    </message>
    <message>
        <source>Fair. A few more characters make it much harder to guess.</source>
        <translation>一般。再多几个字符会难猜得多。</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>良好。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>提醒：</translation>
    </message>
    <message>
        <source>The table was imported.</source>
        <translation>网格划分表已导入。</translation>
    </message>
    <message>
        <source>The profile already held what this table says: nothing was changed.</source>
        <translation>档案已与这张表一致：没有任何改动。</translation>
    </message>
    <message>
        <source>&amp;Save rejected rows…</source>
        <translation>保存未导入的行(&amp;S)…</translation>
    </message>
    <message numerus="yes">
        <source>Read %n row(s) from the sheet “{sheet}” of {file}.</source>
        <translation>
            <numerusform>从 {file} 的工作表“{sheet}”中读取了 %n 行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) added.</source>
        <translation>
            <numerusform>新增 %n 人。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) updated.</source>
        <translation>
            <numerusform>更新 %n 人。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) already up to date, left unchanged.</source>
        <translation>
            <numerusform>另有 %n 人与花名册一致，无需更新。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) added.</source>
        <translation>
            <numerusform>新增 %n 户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) updated.</source>
        <translation>
            <numerusform>更新 %n 户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected and not imported. Save them, fix them in Excel and import that file again.</source>
        <translation>
            <numerusform>%n 行未导入。请将这些行另存为文件，在 Excel 中改正后重新导入该文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>No row was rejected.</source>
        <translation>没有未导入的行。</translation>
    </message>
    <message numerus="yes">
        <source>Imported with a warning, as each warning below says: %n row(s).</source>
        <translation>
            <numerusform>有提醒的行已按下方各条提醒所说导入：%n 行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) changed on another laptop after this workbook was saved were kept; the roster&apos;s values are on the Conflicts page to review.</source>
        <translation>
            <numerusform>有 %n 项内容在此工作簿保存之后已被其他电脑修改，已保留其他电脑的修改；花名册中的值已放入“同步冲突”页面，请核对。</numerusform>
        </translation>
    </message>
    <message>
        <source>In no grid yet (put their buildings in a grid on the Street setup page):</source>
        <translation>尚未划入网格（请在“网格设置”页把所在楼幢划入网格）：</translation>
    </message>
    <message>
        <source>Kept: {text}</source>
        <translation>保留：{text}</translation>
    </message>
    <message>
        <source>Changed:</source>
        <translation>改动：</translation>
    </message>
    <message>
        <source>Rejected: {text}</source>
        <translation>未导入：{text}</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>提醒：{text}</translation>
    </message>
    <message>
        <source>Problems found:</source>
        <translation>发现的问题：</translation>
    </message>
    <message>
        <source>{stem}-rejected.xlsx</source>
        <translation>{stem}-未导入.xlsx</translation>
    </message>
    <message>
        <source>Save the rejected rows</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The rows could not be saved to {path}: {reason}</source>
        <translation>无法将这些行保存到 {path}：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n rejected row(s) with their problems to {path}.</source>
        <translation>
            <numerusform>已将 %n 行未导入的数据及其问题保存到 {path}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) held characters a workbook cannot hold or more text than Excel allows; they were written with � in place of those characters or cut short.</source>
        <translation>
            <numerusform>有 %n 个单元格含有工作簿无法保存的字符，或文字超出 Excel 允许的长度；这些字符已用 � 代替，或文字已截短。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>调查方式：</translation>
    </message>
    <message>
        <source>Households &amp;asked:</source>
        <translation>调查户数(&amp;A)：</translation>
    </message>
    <message>
        <source>Households a&amp;nswered:</source>
        <translation>回答户数(&amp;N)：</translation>
    </message>
    <message>
        <source>Satisfied &amp;overall:</source>
        <translation>总体满意户数(&amp;O)：</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>未调查</translation>
    </message>
    <message>
        <source>Satisfied with {topic}:</source>
        <translation>{topic}满意户数：</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Changes travel between laptops through a shared folder on the office network. Each laptop writes only its own files there; nothing on this laptop is lost if the sync is cut off.</source>
        <translation>各台电脑通过办公网络上的共享文件夹交换修改。每台电脑只写入自己的文件；同步中断也不会丢失本机的任何数据。</translation>
    </message>
    <message>
        <source>For example \\server\share, Z:\gridkeeper or a server: https://192.168.1.10:8443</source>
        <translation>例如 \\server\share、Z:\gridkeeper，或服务器地址：https://192.168.1.10:8443</translation>
    </message>
    <message>
        <source>Shared &amp;folder or server:</source>
        <translation>共享文件夹或服务器(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Only while the shared folder can be reached; the result shows in the status bar</source>
        <translation>仅在能访问共享文件夹时进行；结果显示在状态栏</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Creating the office on the shared folder…</source>
        <translation>正在共享文件夹中新建单位…</translation>
    </message>
    <message>
        <source>Joining the office…</source>
        <translation>正在加入单位…</translation>
    </message>
    <message>
        <source>Receiving changes from other laptops…</source>
        <translation>正在接收其他电脑的修改…</translation>
    </message>
    <message>
        <source>Updating the search index…</source>
        <translation>正在更新搜索索引…</translation>
    </message>
    <message>
        <source>Sending this laptop&apos;s changes…</source>
        <translation>正在发送本机的修改…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Changes travel between laptops through the office&apos;s GridKeeper server, encrypted and signed by each laptop; nothing on this laptop is lost if the sync is cut off.</source>
        <translation>各台电脑通过本单位的网格管家服务器交换修改，每台电脑都会加密并签名；同步中断也不会丢失本机的任何数据。</translation>
    </message>
    <message>
        <source>This office is on the GridKeeper server {url}.</source>
        <translation>本单位的数据在网格管家服务器 {url} 上。</translation>
    </message>
    <message>
        <source>This office is on the shared folder {folder}.</source>
        <translation>本单位的数据在共享文件夹 {folder} 中。</translation>
    </message>
    <message>
        <source>Choose the shared folder</source>
        <translation>选择共享文件夹</translation>
    </message>
    <message>
        <source>Choose the shared folder first.</source>
        <translation>请先选择共享文件夹。</translation>
    </message>
    <message>
        <source>This laptop is not in an office yet: create the office on the shared folder, or join it with an enrolment code from its admin (below).</source>
        <translation>本机尚未加入任何单位：请在共享文件夹中新建单位，或用管理员给的邀请码加入（见下方）。</translation>
    </message>
    <message>
        <source>Automatic sync: looking for the shared folder…</source>
        <translation>自动同步：正在查找共享文件夹…</translation>
    </message>
    <message>
        <source>Looking for the shared folder…</source>
        <translation>正在查找共享文件夹…</translation>
    </message>
    <message>
        <source>Making an enrolment code…</source>
        <translation>正在生成邀请码…</translation>
    </message>
    <message>
        <source>Removing {laptop} from the office…</source>
        <translation>正在将 {laptop} 移出本单位…</translation>
    </message>
    <message>
        <source>Not synced.</source>
        <translation>未同步。</translation>
    </message>
    <message>
        <source>Automatic sync: {summary}</source>
        <translation>自动同步：{summary}</translation>
    </message>
    <message>
        <source>Automatic sync: not synced. {reason}</source>
        <translation>自动同步：未同步。{reason}</translation>
    </message>
    <message>
        <source>Your data on this laptop was not changed by the part that failed; sync again later.</source>
        <translation>失败的部分没有改动本机的数据；请稍后再同步。</translation>
    </message>
    <message>
        <source>The office was created on {folder}; this laptop is its admin. Give every other laptop an enrolment code (New enrolment code, below) to join it.</source>
        <translation>已在 {folder} 新建单位，本机是管理员。请为其他每台电脑生成一个邀请码（下方“生成新邀请码”），供其加入。</translation>
    </message>
    <message numerus="yes">
        <source>Took in %n change(s) from the old unencrypted data on the folder, and removed that copy.</source>
        <translation>
            <numerusform>已接收文件夹中旧版未加密数据的 %n 条修改，并删除了那份未加密的数据。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not read %n damaged batch(es) of the old data.</source>
        <translation>
            <numerusform>旧数据中有 %n 批已损坏，无法读取。</numerusform>
        </translation>
    </message>
    <message>
        <source>This laptop joined the office. An admin&apos;s laptop admits it at its next sync; until then the other laptops keep what this laptop sends, and use it once it is admitted.</source>
        <translation>本机已加入单位。管理员的电脑将在下次同步时接纳本机；在此之前，其他电脑会保留本机发送的数据，接纳后再使用。</translation>
    </message>
    <message>
        <source>The first sync did not finish: {reason}</source>
        <translation>首次同步未完成：{reason}</translation>
    </message>
    <message>
        <source>Not done.</source>
        <translation>未完成。</translation>
    </message>
    <message>
        <source>A new enrolment code is shown below. Give it only to the cadre of the new laptop.</source>
        <translation>新的邀请码显示在下方。请只交给使用新电脑的网格员。</translation>
    </message>
    <message>
        <source>{laptop} was removed from the office. Every laptop refuses the data it writes from now on, and the office key was changed for the remaining laptops.</source>
        <translation>已将 {laptop} 移出本单位。此后它写入的数据将被所有电脑拒收，其余电脑的单位密钥已更换。</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <source>This laptop is not in an office yet. Click to create or join one on the Sync page.</source>
        <translation>本机尚未加入任何单位。点击到同步页面新建或加入单位。</translation>
    </message>
    <message>
        <source>Click to open the Sync page.</source>
        <translation>点击打开同步页面。</translation>
    </message>
    <message>
        <source>Last sync: {when}. Click to open the Sync page.</source>
        <translation>上次同步：{when}。点击打开同步页面。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Not in an office yet</source>
        <translation>尚未加入单位</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Synced {when}</source>
        <translation>已于 {when} 同步</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) to send</source>
        <translation>
            <numerusform>%Ln 条修改待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln 个冲突</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to send</source>
        <translation>无待发送的修改</translation>
    </message>
    <message>
        <source>some data not received</source>
        <translation>部分数据未收到</translation>
    </message>
    <message>
        <source>share reachable</source>
        <translation>共享文件夹可访问</translation>
    </message>
    <message>
        <source>server reachable</source>
        <translation>服务器可访问</translation>
    </message>
    <message>
        <source>share not reachable</source>
        <translation>共享文件夹无法访问</translation>
    </message>
    <message>
        <source>server not reachable</source>
        <translation>服务器无法访问</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <source>this laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>a laptop not admitted yet</source>
        <translation>一台尚未接纳的电脑</translation>
    </message>
    <message>
        <source>{cadre} ({laptop})</source>
        <translation>{cadre}（{laptop}）</translation>
    </message>
    <message>
        <source>a laptop without a name</source>
        <translation>一台未命名的电脑</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n change(s), received {received}.</source>
        <translation>
            <numerusform>已发送 %n 条修改，收到 {received} 条。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review.</source>
        <translation>
            <numerusform>有 %n 个冲突待处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new on either side: this laptop is up to date.</source>
        <translation>双方都没有新的修改：本机已是最新。</translation>
    </message>
    <message numerus="yes">
        <source>Admitted %n new laptop(s) to the office: {names}.</source>
        <translation>
            <numerusform>已接纳 %n 台新电脑加入本单位：{names}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more batch(es) held back.</source>
        <translation>
            <numerusform>……另有 %n 批数据暂未使用。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This laptop wrote %n batch(es) of its own again, missing or damaged on the shared folder.</source>
        <translation>
            <numerusform>本机写入共享文件夹的 %n 批数据缺失或已损坏，已重新写入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set aside, unused: %n file(s) in this laptop&apos;s place on the shared folder that it did not write.</source>
        <translation>
            <numerusform>共享文件夹中本机的位置有 %n 个文件不是本机写入的，已放到一边，不予使用。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This laptop&apos;s clock is about %n day(s) behind; please correct it.</source>
        <translation>
            <numerusform>本机时钟大约慢了 %n 天，请校正。</numerusform>
        </translation>
    </message>
    <message>
        <source>Change no. {first} of {laptop} is missing from the shared folder; waiting for that laptop&apos;s next sync, which writes it again.</source>
        <translation>{laptop}的第{first}号修改在共享文件夹中缺失，等待它下次同步时补上。</translation>
    </message>
    <message>
        <source>Changes no. {first} to {last} of {laptop} are missing from the shared folder; waiting for that laptop&apos;s next sync, which writes them again.</source>
        <translation>{laptop}的第{first}至{last}号修改在共享文件夹中缺失，等待它下次同步时补上。</translation>
    </message>
    <message>
        <source>Batch no. {seq} of {laptop} is not an ordinary file on the shared folder (something was put in its place); it is not used.</source>
        <translation>{laptop}的第{seq}号批次数据在共享文件夹中不是普通文件（被换成了别的东西），已不予使用。</translation>
    </message>
    <message>
        <source>Batch no. {seq} of {laptop} is far larger than a batch can be; it was not read and is not used.</source>
        <translation>{laptop}的第{seq}号批次数据大得异常，没有读取，也不予使用。</translation>
    </message>
    <message>
        <source>Batch no. {seq} of {laptop} could not be read in time (the network may be slow); it is tried again at the next sync.</source>
        <translation>{laptop}的第{seq}号批次数据未能及时读完（网络可能较慢），下次同步时重试。</translation>
    </message>
    <message>
        <source>Batch no. {seq} of {laptop} is damaged or incomplete; it is not used for now and is tried again at the next sync.</source>
        <translation>{laptop}的第{seq}号批次数据已损坏或不完整，暂不使用，下次同步时重试。</translation>
    </message>
    <message>
        <source>Batch no. {seq} of {laptop} disappeared from the shared folder while it was being read; it is tried again at the next sync.</source>
        <translation>{laptop}的第{seq}号批次数据在读取时从共享文件夹中消失了，下次同步时重试。</translation>
    </message>
    <message>
        <source>A file in the place of {laptop} on the shared folder, no. {seq}, belongs somewhere else (copied or renamed); it is not used.</source>
        <translation>共享文件夹中{laptop}位置下的第{seq}号文件不属于那里（被复制或改名），已不予使用。</translation>
    </message>
    <message>
        <source>Batch no. {seq} of {laptop} has been damaged or tampered with (its signature does not match); it is not used.</source>
        <translation>{laptop}的第{seq}号批次数据已损坏或被篡改（签名不符），已不予使用。</translation>
    </message>
    <message>
        <source>Batch no. {seq} of {laptop} cannot be opened with the office keys this laptop holds (damaged or tampered with, or a key not received yet); it is not used for now.</source>
        <translation>{laptop}的第{seq}号批次数据无法用本机持有的单位密钥打开（已损坏或被篡改，或尚未收到新密钥），已暂不使用。</translation>
    </message>
    <message>
        <source>{laptop} uses a newer GridKeeper; update this laptop to receive its changes.</source>
        <translation>{laptop}使用的是更新版本的网格管家；请升级本机后再接收它的修改。</translation>
    </message>
    <message>
        <source>A new laptop has joined but no admin has admitted it yet; its changes are kept and used once an admin&apos;s laptop admits it at its next sync.</source>
        <translation>有一台新电脑已申请加入，但管理员尚未接纳；它的修改先保留，待管理员的电脑在下次同步时接纳后再使用。</translation>
    </message>
    <message>
        <source>{laptop} was removed from the office; its batch no. {seq}, written after that, is refused.</source>
        <translation>{laptop}已被移出本单位；它在此之后写入的第{seq}号批次数据被拒收。</translation>
    </message>
    <message>
        <source>The clock of {laptop} is more than a day ahead; its changes wait until its clock is corrected.</source>
        <translation>{laptop}的时钟快了一天以上；它的修改将等其时钟校正后再接收。</translation>
    </message>
    <message>
        <source>Changes from {laptop} wait for changes from another laptop.</source>
        <translation>来自{laptop}的修改需等待另一台电脑的相关修改。</translation>
    </message>
    <message>
        <source>Changes from {laptop} were not received this time; they are kept and tried again at the next sync.</source>
        <translation>本次未能接收来自{laptop}的修改；已保留，下次同步时重试。</translation>
    </message>
</context>
<context>
    <name>TableFiles</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the grid division table</source>
        <translation>导出网格划分表</translation>
    </message>
    <message>
        <source>grid-division-table-{day}.xlsx</source>
        <translation>网格划分表-{day}.xlsx</translation>
    </message>
    <message>
        <source>Writing the grid division table to {path}…</source>
        <translation>正在把网格划分表写入 {path}…</translation>
    </message>
    <message>
        <source>Save an empty grid division table</source>
        <translation>保存空白网格划分表</translation>
    </message>
    <message>
        <source>grid-division-template.xlsx</source>
        <translation>网格划分表模板.xlsx</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the grid division table to {path}: %n row(s), one per grid and compound.</source>
        <translation>
            <numerusform>网格划分表已写入 {path}：共 %n 行，每个网格的每个小区一行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) held characters a workbook cannot hold and were written with � in their place or cut short.</source>
        <translation>
            <numerusform>有 %n 个单元格含有工作簿无法保存的字符，已用 � 代替或截短。</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote an empty grid division table to {path}: fill it in, then import it with File › Import grid division table….</source>
        <translation>空白网格划分表已写入 {path}：填好后，用“文件 › 导入网格划分表…”导入。</translation>
    </message>
    <message>
        <source>The file was not written: {reason}</source>
        <translation>文件未写入：{reason}</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Tags of {name}</source>
        <translation>{name}的标签</translation>
    </message>
    <message>
        <source>Detail of the selected tag, e.g. 肢体二级</source>
        <translation>所选标签的说明，例如 肢体二级</translation>
    </message>
    <message>
        <source>A tag of your own, e.g. 爱唱越剧</source>
        <translation>自定义标签，例如 爱唱越剧</translation>
    </message>
    <message>
        <source>※ sensitive personal information (health, disability, welfare)</source>
        <translation>※ 敏感个人信息（健康、残疾、救助）</translation>
    </message>
    <message>
        <source>&amp;Detail:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;New tag:</source>
        <translation>新标签(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>New club or team</source>
        <translation>新增社团或队伍</translation>
    </message>
    <message>
        <source>(the whole community)</source>
        <translation>（全社区）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Compound:</source>
        <translation>小区：</translation>
    </message>
    <message>
        <source>Leader:</source>
        <translation>负责人：</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>State</source>
        <extracomment>How long Undo stays offered after a contact is recorded (the domain allows care.UNDO_SECONDS).</extracomment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>联系频次</translation>
    </message>
    <message>
        <source>Last reached</source>
        <translation>上次联系上</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>结对志愿者</translation>
    </message>
    <message>
        <source>Contacted: &amp;well (Enter)</source>
        <translation>已联系：安好(&amp;W)（回车）</translation>
    </message>
    <message>
        <source>&amp;No answer (N)</source>
        <translation>无人接听(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Other outcome… (O)</source>
        <translation>其他结果(&amp;O)…</translation>
    </message>
    <message>
        <source>Show &amp;phone (R)</source>
        <translation>显示电话(&amp;P)（R）</translation>
    </message>
    <message>
        <source>Shows the full number; this is written to the audit log</source>
        <translation>显示完整号码；此操作会记入审计日志</translation>
    </message>
    <message>
        <source>Also due</source>
        <translation>其他待办</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>今日 {date}</translation>
    </message>
    <message>
        <source>Due {due} · Overdue {overdue} · Done today {done} · Alerts {alerts}</source>
        <translation>今日应联系 {due} · 逾期 {overdue} · 今日已联系 {done} · 预警 {alerts}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>No night walk this week in {community}{grid} (last: {last})</source>
        <translation>{community}{grid}本周还没有开展周夜行（上次夜巡：{last}）</translation>
    </message>
    <message>
        <source>Overdue {kind}: {title} ({place}) — {when}</source>
        <translation>逾期{kind}：{title}（{place}）—— {when}</translation>
    </message>
    <message>
        <source>Return visit, mediation {number} ({category}): {parties} — {when}</source>
        <translation>调解回访 {number}（{category}）：{parties} —— {when}</translation>
    </message>
    <message>
        <source>Nothing else due today.</source>
        <translation>今天没有其他待办。</translation>
    </message>
    <message>
        <source>Also due ({n})</source>
        <translation>其他待办（{n}）</translation>
    </message>
    <message>
        <source>Weekend duty tonight: {compound}, {place}</source>
        <translation>今晚“我与书记有约”值班：{compound}，{place}</translation>
    </message>
    <message>
        <source>✓ done today</source>
        <translation>✓ 今日已联系</translation>
    </message>
    <message>
        <source>⚠ 2× no answer: knock on the door</source>
        <translation>⚠ 连续两次无人接听：请上门敲门</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Househol&amp;d file</source>
        <translation>户档案(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Correct… (C)</source>
        <translation>更正(&amp;C)…（C）</translation>
    </message>
    <message>
        <source>Correct this person&apos;s last contact, saying why; the record is kept</source>
        <translation>更正此人最近一次联系记录，须写明原因；原记录保留</translation>
    </message>
    <message>
        <source>&amp;Undo (Ctrl+Z)</source>
        <translation>撤销(&amp;U)（Ctrl+Z）</translation>
    </message>
    <message>
        <source>&amp;Print call sheet…</source>
        <translation>打印联系表(&amp;P)…</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <source>Keys on the list: Enter = contacted, well · N = no answer · O = other outcome · R = show phone number · C = correct · Ctrl+Z = undo · ↑↓ next person</source>
        <translation>列表快捷键：回车 = 已联系，安好 · N = 无人接听 · O = 其他结果 · R = 显示电话 · C = 更正 · Ctrl+Z = 撤销 · ↑↓ 下一位</translation>
    </message>
    <message>
        <source>Escalated to the {level}, to be claimed: {title} ({place})</source>
        <translation>已上报到{level}，待领办：{title}（{place}）</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日应联系</translation>
    </message>
    <message>
        <source>tried today: {outcome} · {late}</source>
        <translation>今日{outcome} · {late}</translation>
    </message>
    <message>
        <source>{name} has no phone number on file: knock on the door (O), or add the number in the household file.</source>
        <translation>{name}没有登记电话：请上门（按 O 记录），或在户档中补录号码。</translation>
    </message>
    <message>
        <source>Two calls went unanswered: how was the contact made?</source>
        <translation>此前连续两次无人接听：这次是怎么联系上的？</translation>
    </message>
    <message>
        <source>Recorded: {name}, {outcome}.</source>
        <translation>已记录：{name}，{outcome}。</translation>
    </message>
    <message>
        <source>Undone: the contact with {name} is not recorded.</source>
        <translation>已撤销：与{name}的这次联系不再记录。</translation>
    </message>
    <message>
        <source>{name} has no contact to correct.</source>
        <translation>{name}没有可更正的联系记录。</translation>
    </message>
    <message>
        <source>{when}, {method}, {outcome}, by {by}</source>
        <translation>{when}，{method}，{outcome}，记录人：{by}</translation>
    </message>
    <message>
        <source>Corrected: {name}, now {outcome}.</source>
        <translation>已更正：{name}，现为{outcome}。</translation>
    </message>
    <message>
        <source>Not recorded: {reason}</source>
        <translation>未记录：{reason}</translation>
    </message>
    <message>
        <source>{name}: {numbers} (shown; written to the audit log)</source>
        <translation>{name}：{numbers}（已显示，并记入审计日志）</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>无号码</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Open GridKeeper</source>
        <translation>打开网格管家</translation>
    </message>
    <message>
        <source>The profile in {path} is encrypted. Type its passphrase to open it.</source>
        <translation>{path} 中的档案已加密。请输入密码打开。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show my records</source>
        <translation>显示档案</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对……</translation>
    </message>
</context>
<context>
    <name>VacantMarks</name>
    <message>
        <source>vacant</source>
        <translation>空户</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify with the resident</source>
        <translation>回访核验</translation>
    </message>
    <message>
        <source>What the resident said (optional)</source>
        <translation>居民的原话（可不填）</translation>
    </message>
    <message>
        <source>“{title}” was done. Ask the resident.</source>
        <translation>“{title}”已办结，请询问居民。</translation>
    </message>
    <message>
        <source>&amp;Satisfaction:</source>
        <translation>满意度(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Feedback:</source>
        <translation>居民反馈(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Return visit for {number}</source>
        <translation>{number} 回访</translation>
    </message>
    <message>
        <source>How the agreement is kept, how the parties get on now</source>
        <translation>协议履行情况、双方目前关系</translation>
    </message>
    <message>
        <source>another visit on</source>
        <translation>再次回访于</translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次回访</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <source>Add a volunteer</source>
        <translation>添加志愿者</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（无队伍）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>所属队伍(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>所属队伍</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Care plans paired</source>
        <translation>结对关爱计划数</translation>
    </message>
    <message>
        <source>Service hours this month</source>
        <translation>本月服务时长（小时）</translation>
    </message>
    <message>
        <source>Type to find a volunteer or a team</source>
        <translation>输入姓名或队伍名称查找</translation>
    </message>
    <message>
        <source>&amp;Add volunteer…</source>
        <translation>添加志愿者(&amp;A)…</translation>
    </message>
    <message>
        <source>New &amp;team…</source>
        <translation>新建队伍(&amp;T)…</translation>
    </message>
    <message>
        <source>Show &amp;phone</source>
        <translation>显示电话(&amp;P)</translation>
    </message>
    <message>
        <source>Teams: {teams} · volunteers: {volunteers} · paired in care plans: {paired}</source>
        <translation>志愿服务队 {teams} 支 · 志愿者 {volunteers} 人 · 已结对 {paired} 人</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Volunteer {name} added.</source>
        <translation>已添加志愿者{name}。</translation>
    </message>
    <message>
        <source>New team</source>
        <translation>新建志愿服务队</translation>
    </message>
    <message>
        <source>Team name:</source>
        <translation>队伍名称：</translation>
    </message>
    <message>
        <source>Team {name} added.</source>
        <translation>已添加队伍{name}。</translation>
    </message>
    <message>
        <source>{name}: {value} (shown; written to the audit log)</source>
        <translation>{name}：{value}（已显示，并记入审计日志）</translation>
    </message>
</context>
<context>
    <name>WalkDialog</name>
    <message>
        <source>New night walk</source>
        <translation>登记一次夜巡</translation>
    </message>
    <message>
        <source>A time like 19:30 or 1930; a walk past midnight ends by 06:00</source>
        <translation>时间如 19:30 或 1930；过了午夜的夜巡须在 06:00 前结束</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Names, separated by 、 or spaces</source>
        <translation>姓名，用顿号或空格分隔</translation>
    </message>
    <message>
        <source>e.g. south gate – buildings 1 to 6 – garage</source>
        <translation>如：南门—1至6幢—车库</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>日期和时间(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Grids covered:</source>
        <translation>走访网格(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Leader:</source>
        <translation>带队人(&amp;L)：</translation>
    </message>
    <message>
        <source>Other &amp;cadres:</source>
        <translation>其他干部(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Property company:</source>
        <translation>物业人员(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;HOA:</source>
        <translation>业委会人员(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>路线(&amp;R)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Place: compound, building, where</source>
        <translation>地点：小区、楼栋、具体位置</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>发现了什么</translation>
    </message>
    <message>
        <source>Settled on the spot</source>
        <translation>现场解决</translation>
    </message>
    <message>
        <source>&amp;Add finding</source>
        <translation>添加发现(&amp;A)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>程度</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>现场解决</translation>
    </message>
    <message>
        <source>&amp;Remove finding</source>
        <translation>删除发现(&amp;R)</translation>
    </message>
    <message>
        <source>Enter adds the finding; Tab moves between the fields; Space ticks “settled”.</source>
        <translation>回车添加发现；Tab 在各栏间移动；空格勾选“现场解决”。</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Save the walk and its findings (Ctrl+Enter)</source>
        <translation>保存这次夜巡及其发现（Ctrl+回车）</translation>
    </message>
    <message>
        <source>Discard the walk?</source>
        <translation>放弃这次夜巡记录？</translation>
    </message>
    <message numerus="yes">
        <source>Close without saving this walk and its %n finding(s)?</source>
        <translation>
            <numerusform>不保存就关闭这次夜巡记录及其 %n 条发现吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a place or a note for the finding first.</source>
        <translation>请先填写发现的地点或情况。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Finding {n} added: {what}.</source>
        <translation>已添加第 {n} 条发现：{what}。</translation>
    </message>
    <message>
        <source>Finding removed.</source>
        <translation>已删除该发现。</translation>
    </message>
</context>
<context>
    <name>WalksPage</name>
    <message>
        <source>All grids</source>
        <extracomment>Weeks shown at first, and added by &quot;Earlier weeks&quot;.</extracomment>
        <translation>所有网格</translation>
    </message>
    <message>
        <source>Show the walks of every grid in this profile, not only my grids</source>
        <translation>显示本档案所有网格的夜巡，而不只是我的网格</translation>
    </message>
    <message>
        <source>&amp;New walk…</source>
        <translation>登记夜巡(&amp;N)…</translation>
    </message>
    <message>
        <source>Log a night walk and its findings (Ctrl+N)</source>
        <translation>登记一次夜巡及其发现（Ctrl+N）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带队人</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>&amp;Earlier weeks</source>
        <translation>更早的周(&amp;E)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>程度</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <source>Make a &amp;problem</source>
        <translation>转为问题(&amp;P)</translation>
    </message>
    <message>
        <source>Put this unsettled finding on the problem list, linked to this walk (Ctrl+P)</source>
        <translation>把这条未现场解决的发现列入问题清单，并与这次夜巡关联（Ctrl+P）</translation>
    </message>
    <message>
        <source>&amp;Add finding…</source>
        <translation>补充发现(&amp;A)…</translation>
    </message>
    <message>
        <source>One more finding for this walk, remembered later</source>
        <translation>为这次夜巡补记一条发现</translation>
    </message>
    <message>
        <source>Week {week} of {year}: {monday} – {sunday}</source>
        <translation>{year} 年第 {week} 周：{monday} – {sunday}</translation>
    </message>
    <message>
        <source>{n} (unsettled: {open}; made problems: {problems})</source>
        <translation>{n} 条（未解决 {open}，已转问题 {problems}）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>%n walk(s) since {first}</source>
        <translation>
            <numerusform>{first} 以来共 %n 次夜巡</numerusform>
        </translation>
    </message>
    <message>
        <source>This week ({monday} – {sunday})</source>
        <translation>本周（{monday} – {sunday}）</translation>
    </message>
    <message>
        <source>{week}: no grids in scope.</source>
        <translation>{week}：没有负责的网格。</translation>
    </message>
    <message>
        <source>{week}: every grid has its night walk.</source>
        <translation>{week}：每个网格都已完成周夜行。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>{grid} (last walk: {last})</source>
        <translation>{grid}（上次夜巡：{last}）</translation>
    </message>
    <message numerus="yes">
        <source>{week}: no night walk yet in %n grid(s): {grids}</source>
        <translation>
            <numerusform>{week}：%n 个网格还没有周夜行：{grids}</numerusform>
        </translation>
    </message>
    <message>
        <source>No walk chosen. Log one with New walk (Ctrl+N).</source>
        <translation>未选择夜巡记录。可用“登记夜巡”（Ctrl+N）登记一次。</translation>
    </message>
    <message>
        <source>{date}, {start}–{end}, led by {leader}; grids: {grids}</source>
        <translation>{date}，{start}–{end}，带队人 {leader}；网格：{grids}</translation>
    </message>
    <message>
        <source>Route: {route}</source>
        <translation>路线：{route}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>备注：{notes}</translation>
    </message>
    <message>
        <source>settled on the spot</source>
        <translation>现场解决</translation>
    </message>
    <message>
        <source>problem: {status}</source>
        <translation>问题：{status}</translation>
    </message>
    <message>
        <source>unsettled</source>
        <translation>未解决</translation>
    </message>
    <message numerus="yes">
        <source>Night walk logged with %n finding(s).</source>
        <translation>
            <numerusform>已登记一次夜巡，共 %n 条发现。</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding added to the walk of {date}.</source>
        <translation>已为 {date} 的夜巡补记发现。</translation>
    </message>
    <message>
        <source>This finding was settled on the spot or is a problem already.</source>
        <translation>这条发现已现场解决，或已转为问题。</translation>
    </message>
    <message>
        <source>“{what}” is now on the problem list.</source>
        <translation>“{what}”已列入问题清单。</translation>
    </message>
</context>
<context>
    <name>_Tab</name>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>claimed</source>
        <extracomment>The state machine: action -&gt; (statuses it may start from, status it leads to, past-tense label).</extracomment>
        <translation>领办</translation>
    </message>
    <message>
        <source>started</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>marked done</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>不予办理</translation>
    </message>
    <message>
        <source>claim</source>
        <extracomment>What a user may do next, in words (for the &quot;it can now be: …&quot; part of a refusal).</extracomment>
        <translation>领办</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>mark done</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <source>decline</source>
        <translation>不予办理</translation>
    </message>
    <message>
        <source>escalated</source>
        <extracomment>Days a problem from a night walk gets, by the finding&apos;s severity. Finding categories that are the property company&apos;s to handle (物业监督).</extracomment>
        <translation>上报</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>daily</source>
        <extracomment>What made a backup, as the restore dialog and `backup list` say it.</extracomment>
        <translation>每日</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before encryption</source>
        <translation>加密前</translation>
    </message>
    <message>
        <source>before the new key</source>
        <translation>更换密钥前</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
</context>
<context>
    <name>care</name>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>every {n} days</source>
        <translation>每 {n} 天</translation>
    </message>
    <message>
        <source>phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>door knock</source>
        <translation>敲门</translation>
    </message>
    <message>
        <source>home visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>video call</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>well</source>
        <translation>安好</translation>
    </message>
    <message>
        <source>needs help</source>
        <translation>需要帮助</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>in hospital</source>
        <translation>住院</translation>
    </message>
    <message>
        <source>not at home</source>
        <translation>不在家</translation>
    </message>
    <message>
        <source>refuses contact (plan paused)</source>
        <translation>拒绝联系（暂停计划）</translation>
    </message>
    <message>
        <source>deceased (plan ends)</source>
        <translation>已去世（结束计划）</translation>
    </message>
    <message>
        <source>moved out (plan ends)</source>
        <translation>已搬离（结束计划）</translation>
    </message>
    <message>
        <source>recorded by mistake (does not count)</source>
        <translation>误记（不计入）</translation>
    </message>
    <message>
        <source>groceries</source>
        <translation>送菜</translation>
    </message>
    <message>
        <source>medicine</source>
        <translation>送药</translation>
    </message>
    <message>
        <source>errands</source>
        <translation>代购代办</translation>
    </message>
    <message>
        <source>companionship chat</source>
        <translation>话聊</translation>
    </message>
    <message>
        <source>cleaning</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>escort to hospital</source>
        <translation>送医</translation>
    </message>
    <message>
        <source>other service</source>
        <translation>其他服务</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Imported {file} (sheet {sheet}, header on row {header_row}): {rows} rows; persons {persons_new} new, {persons_updated} updated, {persons_unchanged} unchanged; households {households_new} new, {households_updated} updated; {rejected} rows rejected, {warnings} warnings.</source>
        <translation>已导入 {file}（工作表“{sheet}”，表头在第 {header_row} 行）：共 {rows} 行；人员新增 {persons_new} 人、更新 {persons_updated} 人、无变化 {persons_unchanged} 人；住户新增 {households_new} 户、更新 {households_updated} 户；{rejected} 行未导入，{warnings} 条提醒。</translation>
    </message>
    <message>
        <source>Would import {file} (sheet {sheet}, header on row {header_row}): {rows} rows; persons {persons_new} new, {persons_updated} updated, {persons_unchanged} unchanged; households {households_new} new, {households_updated} updated; {rejected} rows rejected, {warnings} warnings. Nothing was changed (dry run).</source>
        <translation>试导入 {file}（工作表“{sheet}”，表头在第 {header_row} 行）：共 {rows} 行；人员将新增 {persons_new} 人、更新 {persons_updated} 人、无变化 {persons_unchanged} 人；住户将新增 {households_new} 户、更新 {households_updated} 户；{rejected} 行不能导入，{warnings} 条提醒。这次只是检查，没有改动任何数据。</translation>
    </message>
    <message>
        <source>&quot;{code}&quot; is not an area code: write it with its 0, for example 0577 or 010</source>
        <translation>“{code}”不是区号：请连同开头的 0 一起写，例如 0577 或 010</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>{cells} cells held characters a workbook cannot hold or more text than Excel allows; they were written with � in place of those characters or cut short.</source>
        <translation>有 {cells} 个单元格含有工作簿无法保存的字符，或文字超出 Excel 允许的长度；这些字符已用 � 代替，或文字已截短。</translation>
    </message>
    <message>
        <source>Kept, changed on another laptop after this workbook was saved (the roster&apos;s value is under Conflicts):</source>
        <translation>以下内容在此工作簿保存之后已被其他电脑修改，已保留（花名册中的值见“同步冲突”）：</translation>
    </message>
    <message>
        <source>The workbook has other sheets: {sheets}. Choose the roster&apos;s sheet with --sheet, for example: --sheet &quot;{first}&quot;</source>
        <translation>这个工作簿里还有其他工作表：{sheets}。请用 --sheet 指定花名册所在的工作表，例如：--sheet &quot;{first}&quot;</translation>
    </message>
    <message>
        <source>Passphrase of the profile in {path}: </source>
        <translation>{path} 中档案的密码：</translation>
    </message>
    <message>
        <source>New passphrase (at least {minimum} characters): </source>
        <translation>新密码（至少 {minimum} 个字符）：</translation>
    </message>
    <message>
        <source>The new passphrase again: </source>
        <translation>再输入一遍新密码：</translation>
    </message>
    <message>
        <source>No new passphrase: give --new-passphrase-file FILE, or run the command in a terminal to type it.</source>
        <translation>没有新密码：请用 --new-passphrase-file FILE 指定，或在终端中运行该命令并输入。</translation>
    </message>
    <message>
        <source>Encrypted the profile in {path}. Keep the passphrase safe: without it nobody, you included, can open the profile or its backups.</source>
        <translation>已加密 {path} 中的档案。请妥善保管密码：没有它，任何人（包括您自己）都无法打开档案及其备份。</translation>
    </message>
    <message>
        <source>Changed the passphrase of the profile in {path} (the database and its backups were not rewritten).</source>
        <translation>已修改 {path} 中档案的密码（数据库及其备份未重写）。</translation>
    </message>
    <message>
        <source>No backups in {folder}.</source>
        <translation>{folder} 中没有备份。</translation>
    </message>
    <message>
        <source>Photos and scans: {count} ({size}), each kept once beside the backups.</source>
        <translation>照片和扫描件：{count} 个（{size}），每个只在备份旁保存一份。</translation>
    </message>
    <message>
        <source>Backed up to {path} ({size}); the copy was checked.</source>
        <translation>已备份到 {path}（{size}），备份已检查。</translation>
    </message>
    <message>
        <source>Restored the profile from {backup}; the profile as it was is kept as {before}. For sync this is now a new laptop, out of its office: join again with an enrolment code (gridkeeper office join), or, if it was an admin laptop, with gridkeeper office rejoin.</source>
        <translation>已从 {backup} 恢复档案；恢复前的档案保存为 {before}。对同步而言，这台电脑现在是新电脑，已不在单位中：请用邀请码重新加入（gridkeeper office join）；如果它原来是管理员电脑，执行 gridkeeper office rejoin。</translation>
    </message>
    <message>
        <source>Took this laptop&apos;s former place in office {office} as a new admin laptop; the former identity was revoked. Received {changes} changes; {adopted} changes the former identity never sent were sent.</source>
        <translation>这台电脑已以新的管理员电脑身份接替其在单位 {office} 中的原位置，原身份已被撤销。收到 {changes} 条更改；原身份未曾发送的 {adopted} 条更改已发送。</translation>
    </message>
    <message>
        <source>Imported the grid division table {file} (sheet {sheet}, header on row {header_row}): {rows} rows; {grids} grids and {buildings} buildings new, {moved} buildings moved, {cadres} cadres new, {started} stints started, {changed} other changes; {warnings} warnings.</source>
        <translation>已导入网格划分表 {file}（工作表 {sheet}，表头在第 {header_row} 行）：共 {rows} 行；新建网格 {grids} 个、楼幢 {buildings} 幢，调整楼幢 {moved} 幢，新建干部 {cadres} 人，开始任职 {started} 条，其他变更 {changed} 处；警告 {warnings} 条。</translation>
    </message>
    <message>
        <source>Would import the grid division table {file} (sheet {sheet}, header on row {header_row}): {rows} rows; {grids} grids and {buildings} buildings new, {moved} buildings moved, {cadres} cadres new, {started} stints started, {changed} other changes; {warnings} warnings. Nothing was changed (dry run).</source>
        <translation>将导入网格划分表 {file}（工作表 {sheet}，表头在第 {header_row} 行）：共 {rows} 行；新建网格 {grids} 个、楼幢 {buildings} 幢，调整楼幢 {moved} 幢，新建干部 {cadres} 人，开始任职 {started} 条，其他变更 {changed} 处；警告 {warnings} 条。未作任何更改（试运行）。</translation>
    </message>
    <message>
        <source>The profile already holds what {file} says ({rows} rows): nothing was changed.</source>
        <translation>档案中已有 {file} 的全部内容（共 {rows} 行）：未作任何更改。</translation>
    </message>
    <message>
        <source>The grid division table {file} was not imported: {rejected} rows have problems (listed above). A table is imported whole or not at all; correct the rows and import it again. Nothing was changed.</source>
        <translation>网格划分表 {file} 未导入：有 {rejected} 行存在问题（见上）。划分表只能整表导入；请修改这些行后重新导入。未作任何更改。</translation>
    </message>
    <message>
        <source>Wrote the grid division table to {path} ({rows} rows).</source>
        <translation>已将网格划分表写入 {path}（共 {rows} 行）。</translation>
    </message>
    <message>
        <source>Wrote an empty grid division table to {path}.</source>
        <translation>已将空白网格划分表写入 {path}。</translation>
    </message>
    <message>
        <source>There is no profile in {folder}: import a table or a roster first.</source>
        <translation>{folder} 中没有档案：请先导入网格划分表或花名册。</translation>
    </message>
    <message>
        <source>{file}: attached ({kind}, {size} bytes).</source>
        <translation>{file}：已添加（{kind}，{size} 字节）。</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <source>No photos or scans.</source>
        <translation>没有照片或扫描件。</translation>
    </message>
    <message>
        <source>Removed; the record stays in the history and the file in the backups.</source>
        <translation>已移除；历史记录中仍有这条记录，备份中仍有该文件。</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>This photo has not been received from the office&apos;s shared folder yet ({reason}); sync, then try again.</source>
        <translation>这张照片还没有从办公室的共享文件夹收到（{reason}）；请先同步，再试一次。</translation>
    </message>
    <message>
        <source>No photo or scan with the id {id}.</source>
        <translation>没有编号为 {id} 的照片或扫描件。</translation>
    </message>
    <message>
        <source>{compounds} compounds, {committees} with a committee, {party} with a Party organisation, {one_shoulder} 一肩挑, {ending} terms ending within 6 months</source>
        <extracomment>The plain text&apos;s sentences (context &quot;cli&quot;), in the profile&apos;s language; --json keeps its keys and values.</extracomment>
        <translation>共{compounds}个小区，{committees}个有业委会，{party}个有党组织，一肩挑{one_shoulder}个，{ending}个任期6个月内届满</translation>
    </message>
    <message>
        <source>{name}: {compounds}; open {open}, overdue {overdue}, median days {median}</source>
        <translation>{name}：{compounds}；未办结{open}件，逾期{overdue}件，办结天数中位数{median}</translation>
    </message>
    <message>
        <source>{id} ({problems} problems)</source>
        <translation>{id}（转为问题{problems}个）</translation>
    </message>
    <message>
        <source>row {row}: {answer} set aside</source>
        <translation>第{row}行：{answer} 无法识别，未计入</translation>
    </message>
    <message>
        <source>{day} property company changed to {text}</source>
        <translation>{day} 物业公司更换为{text}</translation>
    </message>
    <message>
        <source>{day} deliberation adopted: {text}</source>
        <translation>{day} 议事通过：{text}</translation>
    </message>
    <message>
        <source>{name}: {activities} activities, {hours} h, {households} households</source>
        <translation>{name}：活动{activities}次，{hours}小时，服务{households}户</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>No meeting with the id {id} (or more than one starts so).</source>
        <translation>没有编号为 {id} 的会议（或有不止一个会议以此开头）。</translation>
    </message>
    <message>
        <source>No deliberation with the id {id} (or more than one starts so).</source>
        <translation>没有编号为 {id} 的议事事项（或有不止一个事项以此开头）。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>This profile was written by a newer version of GridKeeper (schema {found}). Install the newer version to open it; nothing was changed.</source>
        <translation>此档案由更新版本的网格管家写入（数据结构 {found}）。请安装新版本后再打开；本程序未做任何改动。</translation>
    </message>
    <message>
        <source>This profile (schema {found}) could not be upgraded; it was left as it was. A copy made before the attempt is in {backup}.</source>
        <translation>此档案（数据结构 {found}）升级失败，已保持原样。升级前做的备份在 {backup}。</translation>
    </message>
    <message>
        <source>This profile is encrypted: enter its passphrase to open it.</source>
        <translation>此档案已加密：请输入密码后打开。</translation>
    </message>
    <message>
        <source>The profile in {path} is encrypted and no passphrase was given: set GRIDKEEPER_PASSPHRASE, give --passphrase-file FILE, or run the command in a terminal to type it.</source>
        <translation>{path} 中的档案已加密，但没有提供密码：请设置 GRIDKEEPER_PASSPHRASE、用 --passphrase-file FILE 指定，或在终端中运行该命令并输入。</translation>
    </message>
    <message>
        <source>The passphrase is wrong.</source>
        <translation>密码不正确。</translation>
    </message>
    <message>
        <source>The passphrase is wrong, or the file is not a GridKeeper profile.</source>
        <translation>密码不正确，或该文件不是网格管家档案。</translation>
    </message>
    <message>
        <source>The passphrase in GRIDKEEPER_PASSPHRASE is wrong for the profile in {path}.</source>
        <translation>GRIDKEEPER_PASSPHRASE 中的密码打不开 {path} 中的档案。</translation>
    </message>
    <message>
        <source>The passphrase in the file {file} is wrong for the profile in {path}.</source>
        <translation>文件 {file} 中的密码打不开 {path} 中的档案。</translation>
    </message>
    <message>
        <source>The passphrase typed is wrong for the profile in {path}.</source>
        <translation>输入的密码打不开 {path} 中的档案。</translation>
    </message>
    <message>
        <source>The profile in {path} is not encrypted, yet a passphrase was given ({source}). Nothing was opened: leave the passphrase out, or encrypt the profile with “gridkeeper passphrase encrypt”.</source>
        <translation>{path} 中的档案未加密，却提供了密码（{source}）。未打开档案：请不要提供密码，或用“gridkeeper passphrase encrypt”加密档案。</translation>
    </message>
    <message>
        <source>The profile in {path} is not encrypted, yet a passphrase was given. Nothing was opened.</source>
        <translation>{path} 中的档案未加密，却提供了密码。未打开档案。</translation>
    </message>
    <message>
        <source>The profile in {path} is not encrypted: give it a passphrase with “gridkeeper passphrase encrypt”.</source>
        <translation>{path} 中的档案未加密：请用“gridkeeper passphrase encrypt”为它设置密码。</translation>
    </message>
    <message>
        <source>The profile in {path} is encrypted already; change its passphrase with “gridkeeper passphrase change”.</source>
        <translation>{path} 中的档案已经加密；如需修改密码，请用“gridkeeper passphrase change”。</translation>
    </message>
    <message>
        <source>The key file {path} is damaged or not GridKeeper&apos;s, and the profile cannot be opened without it. Put back a copy of the file.</source>
        <translation>密钥文件 {path} 已损坏或不是网格管家的文件，没有它无法打开档案。请放回该文件的副本。</translation>
    </message>
    <message>
        <source>The key file and the database in {path} do not belong together: the passphrase is right, but the key it opens does not open the database.</source>
        <translation>{path} 中的密钥文件与数据库不匹配：密码正确，但它解开的密钥打不开数据库。</translation>
    </message>
    <message>
        <source>The passphrase file {file} cannot be read: {reason}.</source>
        <translation>无法读取密码文件 {file}：{reason}。</translation>
    </message>
    <message>
        <source>The passphrase file {file} is empty.</source>
        <translation>密码文件 {file} 是空的。</translation>
    </message>
    <message>
        <source>A passphrase needs at least {minimum} characters.</source>
        <translation>密码至少需要 {minimum} 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases typed differ; nothing was changed.</source>
        <translation>两次输入的密码不一致；未做任何更改。</translation>
    </message>
    <message>
        <source>The profile in {path} is open in another GridKeeper window or command. Close it and try again; nothing was changed.</source>
        <translation>{path} 中的档案正被另一个网格管家窗口或命令使用。请关闭后重试；未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {path} did not pass its check ({reason}), so it was removed. The profile itself is unchanged.</source>
        <translation>备份 {path} 未通过检查（{reason}），已删除。档案本身未受影响。</translation>
    </message>
    <message>
        <source>{path} cannot be restored: it is damaged, or it was not made with this profile&apos;s key. Nothing was changed.</source>
        <translation>无法从 {path} 恢复：它已损坏，或不是用本档案的密钥制作的。未做任何更改。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of GridKeeper; install that version to restore it. Nothing was changed.</source>
        <translation>{path} 由更新版本的网格管家写入；请安装该版本后再恢复。未做任何更改。</translation>
    </message>
    <message>
        <source>There is no backup {name} in {folder}; “gridkeeper backup list” lists them.</source>
        <translation>{folder} 中没有备份 {name}；可用“gridkeeper backup list”查看备份列表。</translation>
    </message>
    <message>
        <source>{path} is not a GridKeeper profile database.</source>
        <translation>{path} 不是网格管家的档案数据库。</translation>
    </message>
    <message>
        <source>There is no profile in the data folder {path} yet. Make one first: import a household roster ({command} import-roster FILE.xlsx), generate a demo street ({command} demo), or join your office ({command} office join --folder SHARED_FOLDER --code CODE).</source>
        <translation>数据文件夹 {path} 里还没有档案。请先建立一个：导入花名册（{command} import-roster 文件.xlsx），或生成演示数据（{command} demo），或加入办公室（{command} office join --folder 共享文件夹 --code 邀请码）。</translation>
    </message>
    <message>
        <source>The profile in {path} already holds data; demo data goes into a new, empty data folder.</source>
        <translation>{path} 中的档案已有数据；演示数据只能生成到一个新的空文件夹中。</translation>
    </message>
    <message>
        <source>The disk is full: no change was saved. Free some space on the disk, then try again.</source>
        <translation>磁盘已满：没有保存任何更改。请腾出磁盘空间后再试。</translation>
    </message>
    <message>
        <source>The profile {path} cannot be read right now (the disk may be full, failing or disconnected, or the file not readable to you). Nothing was changed; try again once the disk is working.</source>
        <translation>暂时无法读取档案 {path}（磁盘可能已满、出现故障或已断开，或者您没有读取该文件的权限）。没有做任何更改；请在磁盘恢复正常后再试。</translation>
    </message>
    <message>
        <source>The profile is busy: another GridKeeper window or a sync is writing to it. Try again in a moment.</source>
        <translation>档案正在被占用：另一个网格管家窗口或同步正在写入数据。请稍后再试。</translation>
    </message>
    <message>
        <source>No cadre is called {name}.</source>
        <translation>没有名为{name}的干部。</translation>
    </message>
    <message>
        <source>{count} cadres are called {name}; this cannot tell them apart.</source>
        <translation>有 {count} 位干部都叫{name}，无法区分。</translation>
    </message>
    <message>
        <source>Choose at least one grid the walk covered.</source>
        <translation>请至少选择一个这次夜巡走过的网格。</translation>
    </message>
    <message>
        <source>Enter who led the walk.</source>
        <translation>请填写带队人。</translation>
    </message>
    <message>
        <source>The walk date {day} is in the future: log a walk after it happened.</source>
        <translation>夜巡日期 {day} 还没到：请在夜巡之后再登记。</translation>
    </message>
    <message>
        <source>“{value}” is not a time of day: type it like 19:30 or 1930.</source>
        <translation>“{value}”不是时间：请按 19:30 或 1930 的格式填写。</translation>
    </message>
    <message>
        <source>The walk ends at {end}, not after it starts at {start}. A walk past midnight must end by 06:00.</source>
        <translation>结束时间 {end} 不晚于开始时间 {start}。过了午夜的夜巡须在 06:00 前结束。</translation>
    </message>
    <message>
        <source>A finding needs a place or a note: say where or what.</source>
        <translation>发现须填写地点或情况：在哪里，是什么。</translation>
    </message>
    <message>
        <source>This night walk is not in the profile (deleted elsewhere?).</source>
        <translation>档案中没有这次夜巡（可能已在别处删除）。</translation>
    </message>
    <message>
        <source>This {kind} is {status}, so it cannot be {action}. It can now be: {allowed}.</source>
        <translation>该{kind}当前为“{status}”，不能{action}。现在可以：{allowed}。</translation>
    </message>
    <message>
        <source>This {kind} is {status} and closed, so it cannot be {action}.</source>
        <translation>该{kind}已“{status}”并已结案，不能{action}。</translation>
    </message>
    <message>
        <source>Give the item a title: in a few words, what is it about?</source>
        <translation>请填写标题：用几个字说明是什么事。</translation>
    </message>
    <message>
        <source>Who claims it? Enter the name of the person who takes it on.</source>
        <translation>由谁领办？请填写领办人姓名。</translation>
    </message>
    <message>
        <source>Say how it was resolved before marking it done.</source>
        <translation>办结前请说明是怎么解决的。</translation>
    </message>
    <message>
        <source>Give a reason: an item is {action} only with one.</source>
        <translation>请填写原因：{action}须说明原因。</translation>
    </message>
    <message>
        <source>Record the resident&apos;s satisfaction (satisfied, basically satisfied, not satisfied) to verify.</source>
        <translation>回访核验须记录居民满意度（满意、基本满意、不满意）。</translation>
    </message>
    <message>
        <source>It is at {level} level already; it can go up to {to_level}, never down or sideways (compound → community → street).</source>
        <translation>已在{level}层面；只能向上报到{to_level}，不能下移或平移（小区 → 社区 → 街道）。</translation>
    </message>
    <message>
        <source>A closed item is not escalated: reopen it first.</source>
        <translation>已结案的事项不能上报：请先重新办理。</translation>
    </message>
    <message>
        <source>A link joins a need to a service or a project that meets it.</source>
        <translation>关联只能把需求连到满足它的服务或项目。</translation>
    </message>
    <message>
        <source>This finding was settled on the spot: there is no problem to hand on.</source>
        <translation>这条发现已现场解决，无需转为问题。</translation>
    </message>
    <message>
        <source>This list item is not in the profile (deleted elsewhere?).</source>
        <translation>档案中没有这个清单事项（可能已在别处删除）。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{file} is not an Excel workbook that can be read (.xlsx, .xls, .xlsm, .xlsb or .ods). If it opens in Excel or WPS, save it there as .xlsx and import it again.</source>
        <translation>{file} 不是可读取的 Excel 工作簿（.xlsx、.xls、.xlsm、.xlsb 或 .ods）。如果它能在 Excel 或 WPS 中打开，请在其中另存为 .xlsx 后重新导入。</translation>
    </message>
    <message>
        <source>{file} is a PDF document, not an Excel workbook; a roster cannot be read from it. Ask for the roster as an Excel file (.xlsx), or save the original in Excel or WPS as .xlsx.</source>
        <translation>{file} 是 PDF 文档，不是 Excel 工作簿，无法从中读取花名册。请索要 Excel 格式（.xlsx）的花名册，或在 Excel、WPS 中把原表另存为 .xlsx。</translation>
    </message>
    <message>
        <source>{file} is a text file (CSV or similar), not an Excel workbook. Open it in Excel or WPS, save it as .xlsx and import that file.</source>
        <translation>{file} 是文本文件（CSV 之类），不是 Excel 工作簿。请用 Excel 或 WPS 打开，另存为 .xlsx 后导入该文件。</translation>
    </message>
    <message>
        <source>{file} is {size} MB; a roster workbook may be at most {limit} MB. Save only the roster&apos;s sheet in a new workbook and import that.</source>
        <translation>{file} 大小为 {size} MB，花名册工作簿最大只能是 {limit} MB。请只把花名册所在的工作表另存为一个新工作簿，再导入该文件。</translation>
    </message>
    <message>
        <source>{file} unpacks to more than a roster can be ({part}: {size} MB, at most {limit} MB); it was not read. Save only the roster&apos;s sheet in a new workbook in Excel or WPS and import that.</source>
        <translation>{file} 解压后超出了花名册可能的大小（{part}：{size} MB，最多 {limit} MB），未读取。请在 Excel 或 WPS 中只把花名册所在的工作表另存为一个新工作簿，再导入该文件。</translation>
    </message>
    <message>
        <source>{file} is not an ordinary workbook: a part of it ({part}) inflates {ratio} times, which no spreadsheet program writes; it was not read. Ask for the file again.</source>
        <translation>{file} 不是普通的工作簿：其中一部分（{part}）解压后膨胀 {ratio} 倍，没有哪个表格软件会写出这样的文件，未读取。请重新索取这个文件。</translation>
    </message>
    <message>
        <source>{file} is not an ordinary workbook: it announces {count} different texts, where a roster has at most {limit}; it was not read. Ask for the file again.</source>
        <translation>{file} 不是普通的工作簿：它声称含有 {count} 条不同的文字，而花名册最多只有 {limit} 条，未读取。请重新索取这个文件。</translation>
    </message>
    <message>
        <source>{file} has a sheet that uses cells up to row {rows} and column {column}; a roster may have at most {max_rows} rows, {max_columns} columns and {max_cells} cells in all. Split it into smaller workbooks and import each.</source>
        <translation>{file} 中有工作表用到了第 {rows} 行、第 {column} 列的单元格；花名册最多只能有 {max_rows} 行、{max_columns} 列，总共 {max_cells} 个单元格。请拆分成几个较小的工作簿分别导入。</translation>
    </message>
    <message>
        <source>{file} has a cell of more than {limit} characters, more than Excel allows in a cell, so the file was not saved by Excel or WPS; it was not read. Open it in Excel or WPS, save it as .xlsx and import that file.</source>
        <translation>{file} 中有单元格超过 {limit} 个字符，超出了 Excel 单元格允许的长度，说明该文件不是由 Excel 或 WPS 保存的，未读取。请用 Excel 或 WPS 打开，另存为 .xlsx 后导入该文件。</translation>
    </message>
    <message>
        <source>{file} is an Excel workbook that is damaged or incomplete (perhaps it was not completely copied or downloaded). Open it in Excel or WPS: if it opens, save it as .xlsx again and import that file; if not, ask for the file again.</source>
        <translation>{file} 是一个已损坏或不完整的 Excel 工作簿（可能没有完整复制或下载）。请用 Excel 或 WPS 打开它：能打开的话，重新另存为 .xlsx 再导入；打不开的话，请重新索取这个文件。</translation>
    </message>
    <message>
        <source>{file} is protected with a password. Open it in Excel or WPS, remove the password, save it and import it again.</source>
        <translation>{file} 设有密码保护。请在 Excel 或 WPS 中打开，取消密码并保存后重新导入。</translation>
    </message>
    <message>
        <source>{file} has no worksheet.</source>
        <translation>{file} 中没有工作表。</translation>
    </message>
    <message>
        <source>The workbook has no sheet named “{sheet}”. Its sheets are: {sheets}.</source>
        <translation>工作簿中没有名为“{sheet}”的工作表。现有工作表：{sheets}。</translation>
    </message>
    <message>
        <source>The sheet “{sheet}” is empty.</source>
        <translation>工作表“{sheet}”是空的。</translation>
    </message>
    <message>
        <source>No roster header in the first 30 rows of the sheet “{sheet}”: a header row needs a name (姓名) or ID number (公民身份号码) column and at least one other known column.</source>
        <translation>工作表“{sheet}”的前 30 行中找不到花名册表头：表头行须有“姓名”或“公民身份号码”列，并且至少还有一个可识别的列。</translation>
    </message>
    <message>
        <source>The sheet “{sheet}” has its header in row {row} but no rows of data below it: fill in the residents under the header and import it again.</source>
        <translation>工作表“{sheet}”第 {row} 行是表头，但表头下面没有数据。请在表头下面填好居民信息后再导入。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>导入已取消，未做任何改动。</translation>
    </message>
    <message>
        <source>The profile kept changing while the roster was being imported (a sync, or another window); nothing was imported. Import the roster again.</source>
        <translation>导入花名册期间档案一直在变动（正在同步，或另一个窗口在写入），本次没有导入任何内容。请重新导入花名册。</translation>
    </message>
    <message>
        <source>This laptop joined an office but has not synced with it yet. Sync first, so that the roster does not overwrite what colleagues have corrected since; nothing was imported.</source>
        <translation>本机已加入单位，但还没有与单位同步。请先同步，以免花名册覆盖同事此后更正过的内容；本次没有导入任何数据。</translation>
    </message>
    <message>
        <source>GridKeeper cannot write to the shared folder {path}: it may be read-only, full, or no longer connected. Your data is safe on this laptop; sync again once the folder can be written to.</source>
        <translation>网格管家无法写入共享文件夹 {path}：它可能是只读的、已满或已断开。您的数据仍安全地保存在这台电脑上；等该文件夹可写后再同步。</translation>
    </message>
    <message>
        <source>The shared folder {path} cannot be reached. Your data is safe on this laptop; sync again when you are back on the office network.</source>
        <translation>无法访问共享文件夹 {path}。您的数据仍安全地保存在这台电脑上；回到办公网络后再同步。</translation>
    </message>
    <message>
        <source>The shared folder {path} holds changes written under this laptop&apos;s identity that this profile did not make: this profile is probably a copy of another laptop&apos;s (a copied folder or a restored backup). Nothing was synced, and nothing on this laptop was changed or lost. Keep using only one of the copies, or ask for help before syncing this one.</source>
        <translation>共享文件夹 {path} 中有以本机身份写入、但并非本档案产生的修改：本档案很可能是另一台电脑档案的副本（复制的文件夹或恢复的备份）。本次没有同步任何内容，本机数据没有任何改动或丢失。请只使用其中一份，或在同步这一份之前寻求帮助。</translation>
    </message>
    <message>
        <source>Another sync of this profile is already running (started {started}). Wait for it to finish, then sync again.</source>
        <translation>本档案的另一次同步正在进行（开始于 {started}）。请等它完成后再同步。</translation>
    </message>
    <message>
        <source>The shared folder already holds a different batch no. {seq} from this laptop ({path}). Was this profile restored from an older backup? Nothing was overwritten; ask for help before syncing again.</source>
        <translation>共享文件夹中已有这台电脑的另一份第 {seq} 批数据（{path}）。本档案是否从较早的备份恢复过？未覆盖任何内容；请先求助，再进行同步。</translation>
    </message>
    <message>
        <source>{what} cannot be shown.</source>
        <extracomment>The fields that are masked on screen and may be revealed: (table, field).</extracomment>
        <translation>无法显示{what}。</translation>
    </message>
    <message>
        <source>Unknown contact outcome: {value}</source>
        <extracomment>Outcomes that end the plan the day they are recorded, and change the household file. Outcomes that pause the plan: it ends that day with the reason in its note; a cadre restarts it by clearing the end date in the plan form. Days a need raised during a contact gets before it is overdue on the lists. Two of these in a row and the person is an alert.
----------
What a correction may say the contact really was: an outcome, or &quot;it never happened&quot;.</extracomment>
        <translation>未知的联系结果：{value}</translation>
    </message>
    <message>
        <source>Unknown contact method: {value}</source>
        <translation>未知的联系方式：{value}</translation>
    </message>
    <message>
        <source>This care plan no longer exists.</source>
        <translation>该关爱计划已不存在。</translation>
    </message>
    <message>
        <source>{name} has no phone number on file: a call cannot go unanswered. Knock on the door, or add the number in the household file.</source>
        <translation>{name}没有登记电话，无法记为无人接听。请上门，或在户档中补录号码。</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <extracomment>How long after recording a contact it may still be undone outright (the page offers a few seconds; the margin covers a slow write). Later, a correction says who changed it and why.</extracomment>
        <translation>这条联系记录已不存在。</translation>
    </message>
    <message>
        <source>A contact that ended or paused a plan cannot be undone; correct it instead.</source>
        <translation>结束或暂停了计划的联系记录不能撤销，请改用更正。</translation>
    </message>
    <message>
        <source>It is too late to undo this contact; record a correction, saying why.</source>
        <translation>已过撤销时限，请记录更正并写明原因。</translation>
    </message>
    <message>
        <source>Say why the contact is corrected.</source>
        <translation>请写明更正原因。</translation>
    </message>
    <message>
        <source>This contact was corrected already; correct the correction.</source>
        <translation>这条记录已更正过，请更正那条更正记录。</translation>
    </message>
    <message>
        <source>Unknown service type: {value}</source>
        <translation>未知的服务类型：{value}</translation>
    </message>
    <message>
        <source>A duration cannot be negative.</source>
        <translation>时长不能为负数。</translation>
    </message>
    <message>
        <source>Unknown contact frequency: {value}</source>
        <translation>未知的联系频次：{value}</translation>
    </message>
    <message>
        <source>&quot;Every N days&quot; needs N of at least 1.</source>
        <translation>“每 N 天”中的 N 至少为 1。</translation>
    </message>
    <message>
        <source>The plan ends before it starts.</source>
        <translation>计划的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>The team needs a name.</source>
        <extracomment>An activity longer than a day is a typing mistake (minutes for hours), not a day&apos;s work.</extracomment>
        <translation>队伍需要名称。</translation>
    </message>
    <message>
        <source>The volunteer needs a name.</source>
        <translation>志愿者需要姓名。</translation>
    </message>
    <message>
        <source>Not one phone number: {value}</source>
        <translation>不是一个有效的电话号码：{value}</translation>
    </message>
    <message>
        <source>The name is missing.</source>
        <translation>缺少姓名。</translation>
    </message>
    <message>
        <source>The gender does not match the ID number.</source>
        <translation>性别与身份证号不符。</translation>
    </message>
    <message>
        <source>The birth date does not match the ID number, which says {date}.</source>
        <translation>出生日期与身份证号不符，身份证号显示为 {date}。</translation>
    </message>
    <message>
        <source>Not a phone number: {value}. Mobile numbers have 11 digits; landlines look like 0577-62345678.</source>
        <translation>不是电话号码：{value}。手机号为 11 位；固定电话形如 0577-62345678。</translation>
    </message>
    <message>
        <source>“{value}” is not a date; type it like 1950-03-02.</source>
        <translation>“{value}”不是日期；请按 1950-03-02 的格式填写。</translation>
    </message>
    <message>
        <source>{name} is already on file; move the existing person into this household instead.</source>
        <translation>{name}已建档；请将此人迁入本户，而不是重新建档。</translation>
    </message>
    <message>
        <source>The ID number of a person on file cannot be changed; add the person anew instead.</source>
        <translation>已建档人员的身份证号不能修改；如号码有误，请重新添加此人。</translation>
    </message>
    <message>
        <source>The tag needs a name.</source>
        <translation>标签需要名称。</translation>
    </message>
    <message>
        <source>No grid division table header in the first 30 rows of the sheet “{sheet}”: a header row needs a grid (网格) column and a compound (小区) column.</source>
        <translation>工作表“{sheet}”的前 30 行中没有网格划分表的表头：表头行至少要有“网格”列和“小区”列。</translation>
    </message>
    <message>
        <source>The sheet “{sheet}” has its header in row {row} but no rows below it: fill in the grids and import it again.</source>
        <translation>工作表“{sheet}”的表头在第 {row} 行，但下面没有数据：请填写网格后重新导入。</translation>
    </message>
    <message>
        <source>{name} is open in Excel or WPS; close it and try again.</source>
        <translation>{name} 正在 Excel 或 WPS 中打开；请关闭后重试。</translation>
    </message>
    <message>
        <source>{name} is a folder; give a file name ending in .xlsx.</source>
        <translation>{name} 是文件夹；请给出以 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>{name} cannot be written: it is open in another program or the folder is read-only.</source>
        <translation>无法写入 {name}：文件被其他程序占用，或文件夹为只读。</translation>
    </message>
    <message>
        <source>“{text}” is not a period; write it like {expected}.</source>
        <translation>“{text}”不是有效的期间；请写成 {expected} 的形式。</translation>
    </message>
    <message>
        <source>{period} has not begun yet (today is {today}): there is nothing to report.</source>
        <translation>{period} 还没有开始（今天是 {today}），没有可统计的内容。</translation>
    </message>
    <message>
        <source>No community is called {name}.</source>
        <translation>没有名为{name}的社区。</translation>
    </message>
    <message>
        <source>No grid is called {name}.</source>
        <translation>没有名为{name}的网格。</translation>
    </message>
    <message>
        <source>Several communities have a grid called {name}; write it as community/grid, e.g. {example}.</source>
        <translation>多个社区都有名为{name}的网格；请写成“社区/网格”，例如 {example}。</translation>
    </message>
    <message>
        <source>Case {number} has no agreement yet: fill in the agreement first.</source>
        <translation>案件 {number} 尚无调解协议，请先填写协议。</translation>
    </message>
    <message>
        <source>Case {number} is “{current}”: it cannot become “{target}”.</source>
        <translation>案件 {number} 当前为“{current}”，不能变为“{target}”。</translation>
    </message>
    <message>
        <source>Fill in “{field}” first; nothing was saved.</source>
        <translation>请先填写“{field}”；尚未保存任何内容。</translation>
    </message>
    <message>
        <source>The mediation case {case} is not in this profile.</source>
        <translation>本档案中没有调解案件 {case}。</translation>
    </message>
    <message>
        <source>The shared folder {path} holds unencrypted data written by an older GridKeeper, readable by anybody who opens the folder. Nothing was synced. An admin creates the office there once (gridkeeper office create --folder), which takes that data in and removes the unencrypted copy; then every other laptop joins with an enrolment code.</source>
        <translation>共享文件夹 {path} 中有旧版网格管家写入的未加密数据，任何打开该文件夹的人都能读取。未进行同步。请由管理员在该文件夹中新建一次单位（同步页面的“在此新建单位”，或命令 gridkeeper office create --folder），这会接收这些数据并删除未加密的副本；之后其他每台电脑用邀请码加入。</translation>
    </message>
    <message>
        <source>The shared folder {path} does not hold this laptop&apos;s office. Nothing was synced; check that you chose the right folder.</source>
        <translation>共享文件夹 {path} 中没有本机所在单位的数据。未进行同步；请检查是否选对了文件夹。</translation>
    </message>
    <message>
        <source>This laptop was removed from the office by an admin. Nothing was synced; ask the office.</source>
        <translation>本机已被管理员移出本单位。未进行同步；请向单位询问。</translation>
    </message>
    <message>
        <source>This laptop is not in an office yet. Create one on the shared folder ({path}) or join one with the enrolment code an admin gives you.</source>
        <translation>本机尚未加入任何单位。请在共享文件夹（{path}）中新建单位，或用管理员给的邀请码加入。</translation>
    </message>
    <message>
        <source>Only an admin laptop of the office can do this.</source>
        <translation>只有本单位管理员的电脑才能执行此操作。</translation>
    </message>
    <message>
        <source>The enrolment code {code} does not open an invitation on the shared folder {path}: check the code and the folder, or ask the admin for a new code (a code works once, for {hours} hours).</source>
        <translation>邀请码 {code} 在共享文件夹 {path} 中找不到对应的邀请：请检查邀请码和文件夹，或向管理员索取新的邀请码（每个邀请码只能使用一次，{hours} 小时内有效）。</translation>
    </message>
    <message>
        <source>The enrolment code {code} expired on {expires}. Ask the admin for a new one.</source>
        <translation>邀请码 {code} 已于 {expires} 过期。请向管理员索取新的邀请码。</translation>
    </message>
    <message>
        <source>This laptop is already in office {office}; it cannot create or join another one.</source>
        <translation>本机已在单位 {office} 中，不能再新建或加入其他单位。</translation>
    </message>
    <message>
        <source>The shared folder {path} already holds an office. Join it with an enrolment code from its admin instead of creating another.</source>
        <translation>共享文件夹 {path} 中已有一个单位。请用其管理员给的邀请码加入，不要再新建。</translation>
    </message>
    <message>
        <source>No laptop {device} is a member of this office.</source>
        <translation>本单位没有电脑 {device}。</translation>
    </message>
    <message>
        <source>A laptop cannot revoke itself.</source>
        <translation>电脑不能移除自己。</translation>
    </message>
    <message>
        <source>This profile was restored from a backup. Its former identity was not an admin of the office on {path}, so it cannot let itself back in: ask an admin for an enrolment code and join with it.</source>
        <translation>本档案是从备份恢复的。它原来的身份不是 {path} 上单位的管理员，不能自行重新加入：请向管理员索取邀请码后加入。</translation>
    </message>
    <message>
        <source>This profile was restored from a backup of a laptop that has since been removed from the office on {path} (or replaced by another restore), so it cannot let itself back in: ask an admin for an enrolment code and join with it.</source>
        <translation>本档案是从一台电脑的备份恢复的，而该电脑此后已从 {path} 上的单位中移除（或已被另一次恢复取代），不能自行重新加入：请向管理员索取邀请码后加入。</translation>
    </message>
    <message>
        <source>This profile was not restored from a backup of a laptop in an office on {path}: join with an enrolment code instead.</source>
        <translation>本档案不是从 {path} 上单位中某台电脑的备份恢复的：请改用邀请码加入。</translation>
    </message>
    <message>
        <source>The room number is missing.</source>
        <translation>缺少房号。</translation>
    </message>
    <message>
        <source>That place is no longer on file (deleted on another laptop?).</source>
        <translation>这个地点已不在档案中（可能已在另一台电脑上删除）。</translation>
    </message>
    <message>
        <source>A household is already on file at this address.</source>
        <translation>这个地址已有一户档案。</translation>
    </message>
    <message>
        <source>A household is already on file at this address; merge the two households instead.</source>
        <translation>这个地址已有一户档案；请改为合并这两户。</translation>
    </message>
    <message>
        <source>A household cannot be merged with itself.</source>
        <translation>一户不能与自身合并。</translation>
    </message>
    <message>
        <source>That household is no longer on file (merged or deleted on another laptop?).</source>
        <translation>这一户已不在档案中（可能已在另一台电脑上合并或删除）。</translation>
    </message>
    <message>
        <source>The cadre needs a name.</source>
        <translation>请填写干部姓名。</translation>
    </message>
    <message>
        <source>That cadre or grid is no longer on file.</source>
        <translation>这名干部或这个网格已不在档案中。</translation>
    </message>
    <message>
        <source>{name} already holds this grid.</source>
        <translation>{name}已在包联这个网格。</translation>
    </message>
    <message>
        <source>{n} compounds</source>
        <extracomment>How each kind of dependent is counted in the refusal (&quot;3 households&quot;).</extracomment>
        <translation>{n}个小区</translation>
    </message>
    <message>
        <source>{n} grids</source>
        <translation>{n}个网格</translation>
    </message>
    <message>
        <source>{n} cadres</source>
        <translation>{n}名干部</translation>
    </message>
    <message>
        <source>{n} buildings</source>
        <translation>{n}幢楼</translation>
    </message>
    <message>
        <source>{n} households</source>
        <translation>{n}户</translation>
    </message>
    <message>
        <source>{n} mediations</source>
        <translation>{n}件调解</translation>
    </message>
    <message>
        <source>{n} list items</source>
        <translation>{n}条清单事项</translation>
    </message>
    <message>
        <source>{n} night-walk findings</source>
        <translation>{n}条夜走发现</translation>
    </message>
    <message>
        <source>{n} night walks</source>
        <translation>{n}次夜走</translation>
    </message>
    <message>
        <source>{n} cadres holding it today</source>
        <translation>{n}名目前包联的干部</translation>
    </message>
    <message>
        <source>The community needs a name.</source>
        <extracomment>One whole sentence per kind: a kind&apos;s English name inside a translated sentence would stay English.</extracomment>
        <translation>请填写社区名称。</translation>
    </message>
    <message>
        <source>The compound needs a name.</source>
        <translation>请填写小区名称。</translation>
    </message>
    <message>
        <source>The building needs a name.</source>
        <translation>请填写楼幢名称。</translation>
    </message>
    <message>
        <source>The grid needs a name.</source>
        <translation>请填写网格名称。</translation>
    </message>
    <message>
        <source>The number of units must be between 1 and 199.</source>
        <translation>单元数须在1到199之间。</translation>
    </message>
    <message>
        <source>The number of floors must be between 1 and 199.</source>
        <translation>层数须在1到199之间。</translation>
    </message>
    <message>
        <source>“{name}” is already there.</source>
        <translation>“{name}”已经存在。</translation>
    </message>
    <message>
        <source>A division code has digits only, like 330382001001.</source>
        <translation>区划代码只含数字，例如330382001001。</translation>
    </message>
    <message>
        <source>“{text}” counts backwards; write it as {last}-{first}.</source>
        <extracomment>&quot;1-12&quot; may name this many buildings at most: &quot;1-1200&quot; is a typing mistake, not a compound.</extracomment>
        <translation>“{text}”顺序颠倒，请写成 {last}-{first}。</translation>
    </message>
    <message>
        <source>“{text}” names more than {n} buildings.</source>
        <translation>“{text}”超过{n}幢楼。</translation>
    </message>
    <message>
        <source>Another grid already has the code {code}.</source>
        <translation>另一个网格已使用编码{code}。</translation>
    </message>
    <message>
        <source>A grid covers buildings of its own community only; this place is in another community.</source>
        <translation>网格只能包含本社区的楼幢；这个地点属于另一个社区。</translation>
    </message>
    <message>
        <source>“{name}” cannot be deleted while it has {what}.</source>
        <translation>“{name}”下还有{what}，不能删除。</translation>
    </message>
    <message>
        <source>The profile kept changing while the grid division table was being imported (a sync, or another window); nothing was imported. Import the table again.</source>
        <translation>导入网格划分表期间档案一直在变动（正在同步，或另一个窗口在修改）；未导入任何内容。请重新导入。</translation>
    </message>
    <message>
        <source>This laptop joined an office but has not synced with it yet. Sync first, so that the grid division table does not undo what colleagues have set up since; nothing was imported.</source>
        <translation>这台电脑已加入办公室，但还没有同步。请先同步，以免网格划分表覆盖同事之后所做的设置；未导入任何内容。</translation>
    </message>
    <message>
        <source>The GridKeeper server {url} cannot be reached. Your data is safe on this laptop; sync again when you are online.</source>
        <translation>无法连接网格管家服务器 {url}。您的数据仍安全地保存在这台电脑上；联网后再同步。</translation>
    </message>
    <message>
        <source>The server {url} did not show the certificate this laptop pinned when it joined. Nothing was sent. Someone may be intercepting the connection, or the server was reinstalled: ask the office&apos;s admin.</source>
        <translation>服务器 {url} 出示的证书与这台电脑加入时记下的不同。没有发送任何数据。可能有人在截取连接，也可能服务器重新安装过：请询问单位的管理员。</translation>
    </message>
    <message>
        <source>The enrolment code is good, but the server {url} showed another certificate than the one the code vouches for. Nothing was sent. Someone may be intercepting the connection: check the address, or ask the admin.</source>
        <translation>邀请码正确，但服务器 {url} 出示的证书不是邀请码所担保的那一个。没有发送任何数据。可能有人在截取连接：请核对地址，或询问管理员。</translation>
    </message>
    <message>
        <source>The server {url} speaks sync protocol {server}, this GridKeeper only {client}: update GridKeeper on this laptop. Nothing was synced.</source>
        <translation>服务器 {url} 使用同步协议 {server}，本机的网格管家只支持 {client}：请更新这台电脑上的网格管家。本次没有同步。</translation>
    </message>
    <message>
        <source>The server {url} speaks sync protocol {server}, older than this GridKeeper&apos;s {client}: the server needs updating (tell the office&apos;s admin). Nothing was synced.</source>
        <translation>服务器 {url} 使用的同步协议 {server} 比本机网格管家的 {client} 旧：服务器需要更新（请告知单位的管理员）。本次没有同步。</translation>
    </message>
    <message>
        <source>The server {url} does not know this laptop yet: an admin&apos;s laptop admits it at its next sync. Nothing was synced; sync again later.</source>
        <translation>服务器 {url} 还不认识这台电脑：管理员的电脑下次同步时会接纳它。本次没有同步，请稍后再同步。</translation>
    </message>
    <message>
        <source>The server {url} could not do what was asked ({reason}). Your data is safe on this laptop; sync again later, and tell the office&apos;s admin if it goes on.</source>
        <translation>服务器 {url} 未能完成请求（{reason}）。您的数据仍安全地保存在这台电脑上；请稍后再同步，如果一直这样，请告知单位的管理员。</translation>
    </message>
    <message>
        <source>This laptop&apos;s office is not on a GridKeeper server. Sync with its shared folder instead.</source>
        <translation>这台电脑所在单位的数据不在网格管家服务器上，请改用共享文件夹同步。</translation>
    </message>
    <message>
        <source>{url} is not a server address. Write it like https://192.168.1.10:8443.</source>
        <translation>{url} 不是服务器地址。请写成 https://192.168.1.10:8443 这样的形式。</translation>
    </message>
    <message>
        <source>The enrolment code {code} does not open an invitation on the server {url}: check the code and the address, or ask the admin for a new code (a code works once).</source>
        <translation>邀请码 {code} 在服务器 {url} 上找不到对应的邀请：请核对邀请码和地址，或向管理员索取新的邀请码（每个邀请码只能用一次）。</translation>
    </message>
    <message>
        <source>The server {url} shows a certificate with fingerprint {found}, not the {given} you were given. Nothing was changed: check the address and the fingerprint with the server&apos;s operator.</source>
        <translation>服务器 {url} 出示的证书指纹是 {found}，不是您得到的 {given}。没有做任何更改：请与服务器的管理人员核对地址和指纹。</translation>
    </message>
    <message>
        <source>The server {url} does not hold this laptop&apos;s office yet. Its operator moves it there first (gridkeeper server office import --folder). Nothing was changed.</source>
        <translation>服务器 {url} 上还没有这台电脑所在单位的数据。需要服务器的管理人员先把单位迁移过去（gridkeeper server office import --folder）。没有做任何更改。</translation>
    </message>
    <message>
        <source>An office on a GridKeeper server is created on the server itself (gridkeeper server office create), which gives the first admin laptop its enrolment code. Join with that code here.</source>
        <translation>服务器上的单位要在服务器上创建（gridkeeper server office create），创建时会给出第一台管理员电脑的邀请码。请在这里用该邀请码加入。</translation>
    </message>
    <message>
        <source>{file} has no column of overall satisfaction (a heading such as 总体满意度) in its first 10 rows.</source>
        <extracomment>Column key -&gt; headings seen on survey forms (compared without spaces).</extracomment>
        <translation>{file} 的前 10 行中没有总体满意度一列（表头如“总体满意度”）。</translation>
    </message>
    <message>
        <source>Write it as KEY=VALUE: {value}</source>
        <translation>请写成“项目=数值”：{value}</translation>
    </message>
    <message>
        <source>No single compound is called {name}; write it as community/compound.</source>
        <translation>没有唯一名为 {name} 的小区，请写成“社区/小区”。</translation>
    </message>
    <message>
        <source>No single property company is called {name}.</source>
        <translation>没有唯一名为 {name} 的物业企业。</translation>
    </message>
    <message>
        <source>No single team is called {name}.</source>
        <translation>没有唯一名为 {name} 的队伍。</translation>
    </message>
    <message>
        <source>No single volunteer is called {name}.</source>
        <translation>没有唯一名为 {name} 的志愿者。</translation>
    </message>
    <message>
        <source>Unknown role {value}; the roles are {known}.</source>
        <translation>未知职务 {value}，可选：{known}。</translation>
    </message>
    <message>
        <source>Each score is a whole number from 0 to 100, one per item.</source>
        <translation>每项评分为 0 到 100 的整数，每项一个。</translation>
    </message>
    <message>
        <source>A topic&apos;s count is a whole number.</source>
        <translation>各项人数须为整数。</translation>
    </message>
    <message>
        <source>Give --answered and --satisfied, or a sheet of answers.</source>
        <translation>请给出 --answered 和 --satisfied，或提供答卷表格。</translation>
    </message>
    <message>
        <source>Unknown topic {value}; the topics are {known}.</source>
        <translation>未知调查项 {value}，可选：{known}。</translation>
    </message>
    <message>
        <source>The term must end after the election ({day}).</source>
        <translation>任期届满日须在选举日（{day}）之后。</translation>
    </message>
    <message>
        <source>The election day {day} is in the future.</source>
        <translation>选举日期 {day} 还未到。</translation>
    </message>
    <message>
        <source>A committee has one chair.</source>
        <translation>业委会只能有一名主任。</translation>
    </message>
    <message>
        <source>That compound no longer exists.</source>
        <translation>该小区已不存在。</translation>
    </message>
    <message>
        <source>A committee member needs a name.</source>
        <translation>委员需要填写姓名。</translation>
    </message>
    <message>
        <source>That committee no longer exists.</source>
        <translation>该届业委会已不存在。</translation>
    </message>
    <message>
        <source>A Party organisation needs its name and its secretary.</source>
        <translation>党组织需要填写名称和书记。</translation>
    </message>
    <message>
        <source>The property company needs a name.</source>
        <translation>物业企业需要填写名称。</translation>
    </message>
    <message>
        <source>A property company called {name} is already recorded.</source>
        <translation>已有名为 {name} 的物业企业。</translation>
    </message>
    <message>
        <source>A company already serves this compound on {day}: record a change of company instead.</source>
        <translation>{day} 已有物业企业服务该小区，请改为登记更换物业。</translation>
    </message>
    <message>
        <source>That compound or company no longer exists.</source>
        <translation>该小区或物业企业已不存在。</translation>
    </message>
    <message>
        <source>Say why the company changes: it stays in the compound&apos;s history.</source>
        <translation>请填写更换原因，它会保留在小区的服务历史中。</translation>
    </message>
    <message>
        <source>{name} already serves this compound.</source>
        <translation>{name} 已在服务该小区。</translation>
    </message>
    <message>
        <source>The change must come after {name} started on {day}.</source>
        <translation>更换日期须在 {name} 进驻（{day}）之后。</translation>
    </message>
    <message>
        <source>Say who inspected.</source>
        <translation>请填写检查人。</translation>
    </message>
    <message>
        <source>The inspection day {day} is in the future.</source>
        <translation>检查日期 {day} 还未到。</translation>
    </message>
    <message>
        <source>An inspection needs at least one checklist item.</source>
        <translation>检查至少需要一个检查项目。</translation>
    </message>
    <message>
        <source>No property company is recorded as serving this compound on {day}.</source>
        <translation>{day} 该小区没有登记服务中的物业企业。</translation>
    </message>
    <message>
        <source>The quarter {quarter} has not started yet (it starts on {day}); evaluate it once it has.</source>
        <translation>{quarter}季度尚未开始（{day}开始），请在季度开始后再评价。</translation>
    </message>
    <message>
        <source>The survey day {day} is in the future.</source>
        <extracomment>Answers that count as satisfied; any other non-empty answer counts as answered, not satisfied.</extracomment>
        <translation>调查日期 {day} 还未到。</translation>
    </message>
    <message>
        <source>A survey needs at least one household asked and one answer.</source>
        <translation>调查至少需要调查一户、收回一份答卷。</translation>
    </message>
    <message>
        <source>{answered} households answered but only {asked} were asked.</source>
        <translation>回答户数 {answered} 超过了调查户数 {asked}。</translation>
    </message>
    <message>
        <source>{topic}: {n} satisfied is more than the {answered} who answered.</source>
        <translation>{topic}：满意 {n} 户，超过了回答户数 {answered}。</translation>
    </message>
    <message>
        <source>Say what the activity was.</source>
        <translation>请填写活动内容。</translation>
    </message>
    <message>
        <source>The activity day {day} is in the future.</source>
        <translation>活动日期 {day} 还未到。</translation>
    </message>
    <message>
        <source>{n} took part, fewer than the {named} volunteers named.</source>
        <translation>参加人数 {n} 少于列出的志愿者人数 {named}。</translation>
    </message>
    <message>
        <source>An activity lasts more than nothing and at most a day.</source>
        <translation>活动时长须大于零，且不超过一天。</translation>
    </message>
    <message>
        <source>Households served cannot be negative.</source>
        <translation>服务户数不能为负数。</translation>
    </message>
    <message>
        <source>That team no longer exists.</source>
        <translation>该队伍已不存在。</translation>
    </message>
    <message>
        <source>An activity does a service of the four lists, not another kind.</source>
        <translation>活动只能对应服务清单中的服务项。</translation>
    </message>
    <message>
        <source>“{typed}” is not a date: type the birth date as 1970-05-01; nothing was saved.</source>
        <translation>“{typed}”不是有效日期，出生日期请按 1970-05-01 的格式填写；未作保存。</translation>
    </message>
    <message>
        <source>What the photo was to be attached to no longer exists (removed on another laptop?).</source>
        <translation>要添加照片的记录已不存在（可能已在另一台电脑上删除）。</translation>
    </message>
    <message>
        <source>The file could not be read; is it still there, and not open in another program?</source>
        <translation>无法读取该文件。请确认文件仍在原处，且没有被其他程序占用。</translation>
    </message>
    <message>
        <source>This photo has already been removed.</source>
        <translation>这张照片已经移除。</translation>
    </message>
    <message>
        <source>The file is {size} MB; a photo or scan may be at most {limit} MB. Take the photo at a lower resolution or scan at 200-300 dpi.</source>
        <translation>该文件有 {size} MB，照片或扫描件最大 {limit} MB。请用较低的分辨率拍照，或按 200～300 dpi 扫描。</translation>
    </message>
    <message>
        <source>This file is not a photo or a scan that GridKeeper can keep: only JPEG and PNG pictures and PDF files are accepted.</source>
        <translation>该文件不是网格管家能保存的照片或扫描件：只接受 JPEG、PNG 图片和 PDF 文件。</translation>
    </message>
    <message>
        <source>The picture is damaged or cut short; it cannot be attached.</source>
        <translation>图片已损坏或不完整，无法添加。</translation>
    </message>
    <message>
        <source>The picture is {width} × {height} pixels, more than a photo needs (at most {limit} million pixels); it is not attached.</source>
        <translation>图片为 {width} × {height} 像素，远超照片所需（最多 {limit} 百万像素），未添加。</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>phone numbers</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>residence status</source>
        <translation>人户状态</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>living here</source>
        <translation>在住</translation>
    </message>
    <message>
        <source>moved out</source>
        <translation>已迁出</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>Contact ({method}): {outcome}</source>
        <translation>联系（{method}）：{outcome}</translation>
    </message>
    <message>
        <source>Contact corrected ({method}): really {outcome}, because {reason}</source>
        <translation>联系记录已更正（{method}）：实为{outcome}，原因：{reason}</translation>
    </message>
    <message>
        <source> — by {by}</source>
        <translation> —— {by}</translation>
    </message>
    <message>
        <source> · need: {need}</source>
        <translation> · 需求：{need}</translation>
    </message>
    <message>
        <source>Service: {service}</source>
        <translation>服务：{service}</translation>
    </message>
    <message>
        <source> ({minutes} min)</source>
        <translation>（{minutes} 分钟）</translation>
    </message>
    <message>
        <source>Filed as a member</source>
        <translation>建档为本户成员</translation>
    </message>
    <message>
        <source>Changed {field}: {value}</source>
        <translation>{field}改为：{value}</translation>
    </message>
    <message>
        <source>Moved into this household</source>
        <translation>迁入本户</translation>
    </message>
    <message>
        <source>Tag added: {tag}</source>
        <translation>添加标签：{tag}</translation>
    </message>
    <message>
        <source>Tag removed: {tag}</source>
        <translation>移除标签：{tag}</translation>
    </message>
    <message>
        <source>Household {field}: {value}</source>
        <translation>户{field}：{value}</translation>
    </message>
    <message>
        <source>Household moved from {old} to {new}</source>
        <translation>整户从{old}迁至{new}</translation>
    </message>
    <message>
        <source>Household moved to {new}</source>
        <translation>整户迁至{new}</translation>
    </message>
    <message>
        <source>Marked vacant (空户) since {since}</source>
        <translation>标为空户（自{since}起）</translation>
    </message>
    <message>
        <source>Lived in again (no longer vacant)</source>
        <translation>恢复有人居住（不再是空户）</translation>
    </message>
    <message>
        <source>Its building was put in {grid}: the household is in that grid&apos;s lists now</source>
        <translation>所在楼幢划入{grid}：本户现归该网格管理</translation>
    </message>
    <message>
        <source>Its building was taken out of its grid: the household is in no grid now</source>
        <translation>所在楼幢已移出网格：本户现未划入任何网格</translation>
    </message>
    <message>
        <source>The file of {address} merged into this one: its members, care plans, list items and mediations moved here</source>
        <translation>{address}的档案并入本户：其成员、关爱计划、清单事项和调解案件已转入</translation>
    </message>
    <message>
        <source>{field} shown by {by} (audited)</source>
        <translation>{by}查看了{field}（已审计）</translation>
    </message>
    <message>
        <source>Mediation {number} ({category}): {status}</source>
        <translation>调解 {number}（{category}）：{status}</translation>
    </message>
    <message>
        <source>{kind} “{title}”: {status}</source>
        <translation>{kind}“{title}”：{status}</translation>
    </message>
    <message>
        <source>Weekend duty: {category} “{what}”: {outcome}</source>
        <translation>我与书记有约：{category}“{what}”：{outcome}</translation>
    </message>
    <message>
        <source>Took part in: {place} {kind}</source>
        <translation>参加：{place}{kind}</translation>
    </message>
    <message>
        <source>Care plan made: {frequency}</source>
        <translation>建立关爱计划：{frequency}</translation>
    </message>
    <message>
        <source>Care plan ended on {day}</source>
        <translation>关爱计划于 {day} 结束</translation>
    </message>
</context>
<context>
    <name>householdsheet</name>
    <message>
        <source>Household file</source>
        <translation>一户一档</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Residence status</source>
        <translation>居住状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Care plans</source>
        <translation>关爱计划</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系频次</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>结对志愿者</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(running)</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <source>whole household</source>
        <translation>全户</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>moved out</source>
        <translation>已迁出</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>Printed on {date}. ID and phone numbers masked; {mark} sensitive personal information.</source>
        <translation>打印日期：{date}。身份证号和电话已隐去部分数字；{mark} 为敏感个人信息。</translation>
    </message>
</context>
<context>
    <name>mediation</name>
    <message>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Mediating</source>
        <translation>调解中</translation>
    </message>
    <message>
        <source>Agreement reached</source>
        <translation>达成协议</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已上报移交</translation>
    </message>
    <message>
        <source>Performing</source>
        <translation>履行中</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>已履行</translation>
    </message>
    <message>
        <source>Not performed</source>
        <translation>未履行</translation>
    </message>
    <message>
        <source>Return visit made</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Application by a party</source>
        <extracomment>The legal moves. &quot;visited&quot; is reached only by recording a return visit. States in which a return visit may be recorded (during performance it does not move the case).</extracomment>
        <translation>当事人申请</translation>
    </message>
    <message>
        <source>Own initiative</source>
        <translation>主动调解</translation>
    </message>
    <message>
        <source>Referred by the court</source>
        <translation>法院委托移送</translation>
    </message>
    <message>
        <source>Referred by the police</source>
        <translation>公安移送</translation>
    </message>
    <message>
        <source>Referred by the street office</source>
        <translation>街道移送</translation>
    </message>
    <message>
        <source>Neighbours</source>
        <translation>邻里纠纷</translation>
    </message>
    <message>
        <source>Property management</source>
        <translation>物业纠纷</translation>
    </message>
    <message>
        <source>Water leaking</source>
        <translation>房屋漏水</translation>
    </message>
    <message>
        <source>Parking space</source>
        <translation>车位纠纷</translation>
    </message>
    <message>
        <source>Public space</source>
        <translation>公共空间</translation>
    </message>
    <message>
        <source>Marriage and family</source>
        <translation>婚姻家庭</translation>
    </message>
    <message>
        <source>Damages</source>
        <translation>损害赔偿</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同纠纷</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>劳动纠纷</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Other party</source>
        <translation>第三人</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Street office</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Judicial route</source>
        <translation>司法途径</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>书面协议</translation>
    </message>
    <message>
        <source>Oral</source>
        <translation>口头协议</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>纠纷简要情况</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <source>Other remedies the parties were told of</source>
        <translation>告知当事人的其他救济途径</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>调解记录</translation>
    </message>
</context>
<context>
    <name>meetings</name>
    <message>
        <source>Monthly tripartite meeting</source>
        <translation>月度三方联席会议</translation>
    </message>
    <message>
        <source>Quarterly review meeting</source>
        <translation>季度督考会</translation>
    </message>
    <message>
        <source>Other meeting</source>
        <translation>其他会议</translation>
    </message>
    <message>
        <source>Party organisation</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>HOA</source>
        <translation>业委会</translation>
    </message>
    <message>
        <source>Property company</source>
        <translation>物业公司</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Grid cadres</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民代表</translation>
    </message>
    <message>
        <source>Decision of the last meeting</source>
        <extracomment>Where an agenda item came from.</extracomment>
        <translation>上次会议决定</translation>
    </message>
    <message>
        <source>Escalated list item</source>
        <translation>上报清单事项</translation>
    </message>
    <message>
        <source>Overdue list item</source>
        <translation>逾期清单事项</translation>
    </message>
    <message>
        <source>Escalated mediation</source>
        <translation>上报调解</translation>
    </message>
    <message>
        <source>Overdue return visit</source>
        <translation>逾期回访</translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation>临时动议</translation>
    </message>
    <message>
        <source>Party organisation first</source>
        <translation>党组织先议</translation>
    </message>
    <message>
        <source>Three parties agree</source>
        <translation>三方协议</translation>
    </message>
    <message>
        <source>Residents deliberate</source>
        <translation>居民合议</translation>
    </message>
    <message>
        <source>Awaiting decision</source>
        <translation>待决定</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Residents&apos; meeting</source>
        <extracomment>The stages in their fixed order: a matter is at one of them until it is decided.</extracomment>
        <translation>居民会议</translation>
    </message>
    <message>
        <source>Door to door</source>
        <translation>入户征询</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上征询</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <source>Practical matter</source>
        <translation>民生实事</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Settled on the spot</source>
        <translation>当场化解</translation>
    </message>
    <message>
        <source>Turned into a mediation case</source>
        <translation>转调解</translation>
    </message>
    <message>
        <source>Turned into a list item</source>
        <translation>转清单</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>the title</source>
        <extracomment>Days within which an answer counts as &quot;answered in time&quot; (the article&apos;s 7 days). What a form field is called in a &quot;Please fill in&quot; message.</extracomment>
        <translation>标题</translation>
    </message>
    <message>
        <source>the compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>the decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>the opinion</source>
        <translation>党组织意见</translation>
    </message>
    <message>
        <source>what was agreed</source>
        <translation>三方协议内容</translation>
    </message>
    <message>
        <source>the reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>the secretary</source>
        <translation>支部书记</translation>
    </message>
    <message>
        <source>the resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>what the matter is</source>
        <translation>事项内容</translation>
    </message>
    <message>
        <source>how it was settled</source>
        <translation>化解情况</translation>
    </message>
    <message>
        <source>to whom it was escalated</source>
        <translation>上报对象</translation>
    </message>
    <message>
        <source>the resident&apos;s answer</source>
        <translation>居民反馈</translation>
    </message>
    <message>
        <source>Not found: {what}</source>
        <extracomment>Parameters that are English labels of this context, translated with the message.</extracomment>
        <translation>未找到：{what}</translation>
    </message>
    <message>
        <source>Please fill in {field}.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <source>Not a known choice: {value}</source>
        <translation>不是可选的值：{value}</translation>
    </message>
    <message>
        <source>This matter is at the stage “{at}”; “{wanted}” cannot be recorded now: stages are never skipped.</source>
        <translation>该事项处于“{at}”环节，现在不能记录“{wanted}”：议事环节不能跳过。</translation>
    </message>
    <message>
        <source>The votes add up to {counted} households, but {consulted} were consulted: for, against, abstaining and not reached must add up.</source>
        <translation>表决合计 {counted} 户，但征询了 {consulted} 户：同意、反对、弃权和未联系上的户数之和须等于征询户数。</translation>
    </message>
    <message>
        <source>The tallies by building do not add up to the totals.</source>
        <translation>各楼栋的表决数之和与总数不符。</translation>
    </message>
    <message>
        <source>Cannot read the building line “{line}”: write the building, then for, against, abstaining and not reached, e.g. “3幢 12 3 1 0”.</source>
        <translation>无法识别楼栋行“{line}”：请依次填写楼栋、赞成、反对、弃权、未联系到户数，如“3幢 12 3 1 0”。</translation>
    </message>
    <message>
        <source>Household counts cannot be negative.</source>
        <translation>户数不能为负数。</translation>
    </message>
    <message>
        <source>Only a rejected matter can go back to a stage.</source>
        <translation>只有未通过的事项才能退回重议。</translation>
    </message>
    <message>
        <source>Only an adopted matter is implemented.</source>
        <translation>只有通过的事项才能落实。</translation>
    </message>
    <message>
        <source>This matter already has an outcome.</source>
        <translation>该事项已有处理结果。</translation>
    </message>
    <message>
        <source>Record how the matter was handled before the answer.</source>
        <translation>请先记录办理情况，再登记反馈。</translation>
    </message>
</context>
<context>
    <name>organisations</name>
    <message>
        <source>Satisfied overall (%)</source>
        <translation>总体满意率（%）</translation>
    </message>
    <message>
        <source>Property company changed to {text}</source>
        <translation>更换物业为{text}</translation>
    </message>
    <message>
        <source>Deliberation decided: {text}</source>
        <translation>议事决定：{text}</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>every {n} days</source>
        <translation>每 {n} 天</translation>
    </message>
    <message>
        <source>groceries</source>
        <translation>送菜</translation>
    </message>
    <message>
        <source>medicine</source>
        <translation>送药</translation>
    </message>
    <message>
        <source>errands</source>
        <translation>代购代办</translation>
    </message>
    <message>
        <source>companionship chat</source>
        <translation>话聊</translation>
    </message>
    <message>
        <source>cleaning</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>escort to hospital</source>
        <translation>送医</translation>
    </message>
    <message>
        <source>other service</source>
        <translation>其他服务</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>板块</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>关爱</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>联系频次</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>负责干部</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>结对志愿者</translation>
    </message>
    <message>
        <source>Contacts expected</source>
        <translation>应联系次数</translation>
    </message>
    <message>
        <source>Contacts made</source>
        <translation>已联系次数</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Days due but not reached</source>
        <translation>应联系未联系天数</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系上</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>矛盾调解</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Weekend duty</source>
        <translation>我与书记有约</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Duty evenings</source>
        <translation>值班晚数</translation>
    </message>
    <message>
        <source>Matters taken</source>
        <translation>受理事项</translation>
    </message>
    <message>
        <source>Answered within 7 days</source>
        <translation>7 日内反馈</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>议题数</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决定数</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>议事事项</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Matters taken on duty</source>
        <translation>值班受理事项</translation>
    </message>
    <message>
        <source>Duty matters settled on the spot</source>
        <translation>值班当场化解</translation>
    </message>
    <message>
        <source>Duty matters escalated</source>
        <translation>值班事项上报</translation>
    </message>
    <message>
        <source>Duty matters answered within 7 days</source>
        <translation>值班事项 7 日内反馈</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议议事</translation>
    </message>
    <message>
        <source>Deliberations</source>
        <translation>议事</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Status at the end of the period</source>
        <translation>期末状态</translation>
    </message>
    <message>
        <source>Return visits in the period</source>
        <translation>本期回访次数</translation>
    </message>
    <message>
        <source>Next return visit</source>
        <translation>下次回访</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>案情摘要</translation>
    </message>
    <message>
        <source>Persons under a care plan</source>
        <translation>纳入关爱计划人数</translation>
    </message>
    <message>
        <source>Persons under daily contact</source>
        <translation>每日联系人数</translation>
    </message>
    <message>
        <source>Contacts made (coverage)</source>
        <translation>已联系次数（覆盖率）</translation>
    </message>
    <message>
        <source>Contacts logged, attempts included</source>
        <translation>联系记录数（含未接通）</translation>
    </message>
    <message>
        <source>Alerts at the end (two unanswered calls)</source>
        <translation>期末预警（连续两次无人接听）</translation>
    </message>
    <message>
        <source>Services delivered</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <source>Services by type</source>
        <translation>服务类型分布</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Care coverage</source>
        <translation>关爱覆盖</translation>
    </message>
    <message>
        <source>Cases received</source>
        <translation>受理案件</translation>
    </message>
    <message>
        <source>Agreements reached</source>
        <translation>达成协议</translation>
    </message>
    <message>
        <source>Mediations failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <source>Cases escalated</source>
        <translation>上报案件</translation>
    </message>
    <message>
        <source>Return visits made</source>
        <translation>完成回访</translation>
    </message>
    <message>
        <source>Return visits overdue at the end</source>
        <translation>期末回访逾期</translation>
    </message>
    <message>
        <source>Cases open at the end</source>
        <translation>期末未结案件</translation>
    </message>
    <message>
        <source>Cases received by category</source>
        <translation>受理案件类型分布</translation>
    </message>
    <message>
        <source>Mediations</source>
        <translation>调解案件</translation>
    </message>
    <message>
        <source>whole street</source>
        <translation>全街道</translation>
    </message>
    <message>
        <source>Monthly consultation pack {period} · {scope}</source>
        <translation>月度协商材料 {period} · {scope}</translation>
    </message>
    <message>
        <source>{title} · figures as of {date}</source>
        <translation>{title} · 数据截至 {date}</translation>
    </message>
    <message>
        <source>Night walks</source>
        <translation>周夜行</translation>
    </message>
    <message>
        <source>Four lists</source>
        <translation>四张清单</translation>
    </message>
    <message>
        <source>Property companies</source>
        <translation>物业公司</translation>
    </message>
    <message>
        <source>Night walks held</source>
        <translation>夜巡次数</translation>
    </message>
    <message>
        <source>Grid-weeks with a walk / expected (one a week per grid)</source>
        <translation>已夜巡网格周数 / 应夜巡（每网格每周一次）</translation>
    </message>
    <message>
        <source>Grid-weeks expected</source>
        <translation>应夜巡网格周数</translation>
    </message>
    <message>
        <source>Findings logged</source>
        <translation>发现问题数</translation>
    </message>
    <message>
        <source>Settled on the spot</source>
        <translation>当场解决</translation>
    </message>
    <message>
        <source>Turned into problems</source>
        <translation>转为问题清单</translation>
    </message>
    <message>
        <source>Findings by category</source>
        <translation>发现问题类型分布</translation>
    </message>
    <message>
        <source>Problems opened</source>
        <translation>新增问题</translation>
    </message>
    <message>
        <source>Problems closed</source>
        <translation>办结问题</translation>
    </message>
    <message>
        <source>Problems open at the end</source>
        <translation>期末未办结问题</translation>
    </message>
    <message>
        <source>Median days to close a problem</source>
        <translation>问题办结天数（中位数）</translation>
    </message>
    <message>
        <source>Problems open at the end by owner</source>
        <translation>期末未办结问题（按责任方）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>包联网格</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带队</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>周数</translation>
    </message>
    <message>
        <source>Weeks walked</source>
        <translation>已夜巡周数</translation>
    </message>
    <message>
        <source>Weeks missed</source>
        <translation>缺夜巡周数</translation>
    </message>
    <message>
        <source>Walks</source>
        <translation>夜巡次数</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Problem status</source>
        <translation>问题办理状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Status at the end</source>
        <translation>期末状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任方</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>领办人</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Days to close</source>
        <translation>办结天数</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Problems by owner</source>
        <translation>问题按责任方</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Walks per grid</source>
        <translation>各网格夜巡</translation>
    </message>
    <message>
        <source>List items</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>Overdue problem</source>
        <translation>逾期问题</translation>
    </message>
    <message>
        <source>Failed mediation</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <source>Escalated mediation</source>
        <translation>上报的调解案件</translation>
    </message>
    <message>
        <source>Return visit overdue</source>
        <translation>回访逾期</translation>
    </message>
    <message>
        <source>Need without a claimant</source>
        <translation>无人领办的需求</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Care persons</source>
        <translation>关爱对象数</translation>
    </message>
    <message>
        <source>Cases mediated</source>
        <translation>参与调解案件</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>达成协议</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Problems claimed</source>
        <translation>领办问题</translation>
    </message>
    <message>
        <source>Median days to close</source>
        <translation>办结天数中位数</translation>
    </message>
    <message>
        <source>Overdue at the end</source>
        <translation>期末逾期事项</translation>
    </message>
    <message>
        <source>Cadres</source>
        <translation>驻格干部</translation>
    </message>
    <message>
        <source>Committees and Party</source>
        <extracomment>Line charts in the quarterly pack: at most this many compounds (those with two surveys or more).</extracomment>
        <translation>业委会与党组织</translation>
    </message>
    <message>
        <source>Compounds with an owners&apos; committee</source>
        <translation>成立业委会的小区</translation>
    </message>
    <message>
        <source>With a Party organisation (coverage)</source>
        <translation>建立党组织（覆盖率）</translation>
    </message>
    <message>
        <source>Secretary chairs (一肩挑)</source>
        <translation>一肩挑</translation>
    </message>
    <message>
        <source>Terms ending within 6 months</source>
        <translation>6 个月内任期届满</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动次数</translation>
    </message>
    <message>
        <source>Person-times</source>
        <translation>参加人次</translation>
    </message>
    <message>
        <source>Volunteer hours</source>
        <translation>志愿服务时长（小时）</translation>
    </message>
    <message>
        <source>Households served</source>
        <translation>服务户数</translation>
    </message>
    <message>
        <source>Services for the four lists</source>
        <translation>完成清单服务项</translation>
    </message>
    <message>
        <source>Clubs and teams</source>
        <translation>社团与志愿队</translation>
    </message>
    <message>
        <source>Teams at work</source>
        <translation>队伍活动</translation>
    </message>
    <message>
        <source>Team or club</source>
        <translation>队伍或社团</translation>
    </message>
    <message>
        <source>(no compound)</source>
        <translation>（未指定小区）</translation>
    </message>
    <message>
        <source>Team work by compound</source>
        <translation>各小区志愿服务</translation>
    </message>
    <message>
        <source>Terms ending within {months} months</source>
        <translation>{months} 个月内任期届满</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Compounds</source>
        <translation>小区数</translation>
    </message>
    <message>
        <source>With an owners&apos; committee</source>
        <translation>成立业委会</translation>
    </message>
    <message>
        <source>With a Party organisation</source>
        <translation>建立党组织</translation>
    </message>
    <message>
        <source>Committees by compound</source>
        <translation>各小区业委会</translation>
    </message>
    <message>
        <source>Elected</source>
        <translation>选举日期</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>任期届满</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主任</translation>
    </message>
    <message>
        <source>Party organisation</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>书记</translation>
    </message>
    <message>
        <source>Term ending soon</source>
        <translation>任期将满</translation>
    </message>
    <message>
        <source>Property service ranking</source>
        <translation>物业服务评价排名</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Property company</source>
        <translation>物业企业</translation>
    </message>
    <message>
        <source>Overall score</source>
        <translation>综合得分</translation>
    </message>
    <message>
        <source>property company changed to {text}</source>
        <translation>更换物业为{text}</translation>
    </message>
    <message>
        <source>deliberation decided: {text}</source>
        <translation>议事决定：{text}</translation>
    </message>
    <message>
        <source>Satisfaction in {compound}</source>
        <translation>{compound}满意度</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Households asked</source>
        <translation>调查户数</translation>
    </message>
    <message>
        <source>Households answered</source>
        <translation>回答户数</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意户数</translation>
    </message>
    <message>
        <source>Events since the survey before</source>
        <translation>上次调查以来的事件</translation>
    </message>
    <message>
        <source>Quarterly evaluation {period} · {scope}</source>
        <translation>季度督考 {period} · {scope}</translation>
    </message>
    <message>
        <source>By cadre</source>
        <translation>按干部</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>By grid</source>
        <translation>按网格</translation>
    </message>
    <message>
        <source>About</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation>数据截至</translation>
    </message>
    <message>
        <source>By the share of weeks with a night walk, then care coverage, then fewer overdue items</source>
        <translation>先按有夜巡的周数占比，再按关爱覆盖率，再按逾期事项少者排序</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Community cadre</source>
        <translation>驻社区干部</translation>
    </message>
    <message>
        <source>Co-operative cadre</source>
        <translation>驻经合社干部</translation>
    </message>
    <message>
        <source>Party-building instructor</source>
        <translation>小区党建指导员</translation>
    </message>
    <message>
        <source>Full-time grid worker</source>
        <translation>专职网格员</translation>
    </message>
    <message>
        <source>Community staff</source>
        <translation>社区工作人员</translation>
    </message>
</context>
<context>
    <name>roster</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Residence status</source>
        <translation>人户状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Row {row}, column {column}: </source>
        <translation>第{row}行{column}列：</translation>
    </message>
    <message>
        <source>Row {row}: </source>
        <translation>第{row}行：</translation>
    </message>
    <message>
        <source>The ID number&apos;s check character does not match: a digit is probably mistyped.</source>
        <translation>身份证号的校验码不符，可能有一位数字输错了。</translation>
    </message>
    <message>
        <source>The birth date inside the ID number (digits 7 to 14) is impossible or in the future.</source>
        <translation>身份证号中的出生日期（第7至14位）不存在或晚于今天。</translation>
    </message>
    <message>
        <source>Excel stored this ID number as a number, and its last digits are lost. Re-type the number as text (format the column as Text first).</source>
        <translation>Excel 把这个身份证号存成了数字，后几位已丢失。请先将该列设为“文本”格式，再重新输入号码。</translation>
    </message>
    <message>
        <source>The ID number has {length} characters; it needs 18 (or 15 for an old number).</source>
        <translation>身份证号有 {length} 位，应为 18 位（旧号码为 15 位）。</translation>
    </message>
    <message>
        <source>The ID number may hold only digits and a final X.</source>
        <translation>身份证号只能由数字组成，最后一位可以是 X。</translation>
    </message>
    <message>
        <source>The ID number&apos;s first two digits are no province&apos;s code; a digit is probably mistyped.</source>
        <translation>身份证号前两位不是任何省级行政区的代码，可能输错了一位数字。</translation>
    </message>
    <message>
        <source>Old 15-digit ID number converted to {new}.</source>
        <translation>旧的 15 位身份证号已转换为 {new}。</translation>
    </message>
    <message>
        <source>Same ID number as row {first} ({first_name}): one number belongs to one person only.</source>
        <translation>与第{first}行号码相同（{first_name}），一个身份证号只能对应一个人。</translation>
    </message>
    <message>
        <source>Same ID number and name as row {first} but a different address: a person belongs to one household only.</source>
        <translation>身份证号和姓名与第{first}行相同，但地址不同，一个人只能属于一户。</translation>
    </message>
    <message>
        <source>Repeats row {first}; the person is imported once.</source>
        <translation>与第{first}行重复，此人只导入一次。</translation>
    </message>
    <message>
        <source>Same name and address as row {first} but other details differ; row {first} is kept, this row is not imported.</source>
        <translation>姓名和地址与第{first}行相同，但其他信息不同；保留第{first}行，本行不导入。</translation>
    </message>
    <message>
        <source>The name is missing.</source>
        <translation>缺少姓名。</translation>
    </message>
    <message>
        <source>Gender “{value}” does not match the ID number, which says male; male is used.</source>
        <translation>性别“{value}”与身份证号不符（身份证号为男性），按“男”导入。</translation>
    </message>
    <message>
        <source>Gender “{value}” does not match the ID number, which says female; female is used.</source>
        <translation>性别“{value}”与身份证号不符（身份证号为女性），按“女”导入。</translation>
    </message>
    <message>
        <source>“{value}” is not a gender (男 or 女); the gender is taken from the ID number.</source>
        <translation>“{value}”不是有效的性别（男或女），性别按身份证号填写。</translation>
    </message>
    <message>
        <source>“{value}” is not a gender (男 or 女); the gender is left empty.</source>
        <translation>“{value}”不是有效的性别（男或女），性别留空。</translation>
    </message>
    <message>
        <source>“{value}” is not a usable birth date; the birth date is taken from the ID number.</source>
        <translation>“{value}”不是有效的出生日期，出生日期按身份证号填写。</translation>
    </message>
    <message>
        <source>“{value}” is not a usable birth date; the birth date is left empty.</source>
        <translation>“{value}”不是有效的出生日期，出生日期留空。</translation>
    </message>
    <message>
        <source>Birth date “{value}” has no day; the birth date is left empty.</source>
        <translation>出生日期“{value}”缺少日，出生日期留空。</translation>
    </message>
    <message>
        <source>Birth date {value} differs from the ID number&apos;s ({id_date}); the ID number&apos;s date is used.</source>
        <translation>出生日期 {value} 与身份证号中的日期（{id_date}）不一致，按身份证号中的日期导入。</translation>
    </message>
    <message>
        <source>“{value}” is not a phone number; the person is imported without it.</source>
        <translation>“{value}”不是有效的电话号码，导入时略去此号码。</translation>
    </message>
    <message>
        <source>“{value}”: wrong number of digits for this number; the person is imported without it.</source>
        <translation>“{value}”号码位数不对，此人导入时不带这个号码。</translation>
    </message>
    <message>
        <source>“{value}” is not in a mobile range in use; the person is imported without it.</source>
        <translation>“{value}”不是在用的手机号段，此人导入时不带这个号码。</translation>
    </message>
    <message>
        <source>“{value}” has no area code, and the street&apos;s is not known; the person is imported without it.</source>
        <translation>“{value}”缺区号，街道的区号也无法确定，此人导入时不带这个号码。</translation>
    </message>
    <message>
        <source>The cell holds control characters (codes such as NUL or ESC that are not text), so what it should say cannot be told; retype it.</source>
        <translation>该单元格含有控制字符（如 NUL、ESC 等不属于文字的代码），无法判断原本应是什么内容，请重新输入。</translation>
    </message>
    <message>
        <source>The cell holds hidden text-direction characters, so it shows its text in another order than it holds it; retype it.</source>
        <translation>该单元格含有隐藏的文字方向控制符，显示的文字顺序与实际保存的不同，请重新输入。</translation>
    </message>
    <message>
        <source>The cell holds {length} characters; at most {limit} fit in this column.</source>
        <translation>该单元格有 {length} 个字符，这一列最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>A tag of {length} characters; a tag may have at most {limit}.</source>
        <translation>有一个标签长 {length} 个字符，每个标签最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The community (社区) is missing.</source>
        <translation>缺少社区。</translation>
    </message>
    <message>
        <source>The grid (网格) is missing.</source>
        <translation>缺少网格。</translation>
    </message>
    <message>
        <source>The compound (小区) is missing.</source>
        <translation>缺少小区。</translation>
    </message>
    <message>
        <source>“{value}” is longer than {limit} characters.</source>
        <translation>“{value}”超过 {limit} 个字。</translation>
    </message>
    <message>
        <source>The cell holds control characters; retype it.</source>
        <translation>单元格中含有控制字符，请重新输入。</translation>
    </message>
    <message>
        <source>The cell holds text-direction characters; retype it.</source>
        <translation>单元格中含有文字方向控制字符，请重新输入。</translation>
    </message>
    <message>
        <source>“{value}” is not a mobile or landline number.</source>
        <translation>“{value}”不是手机号码或固定电话号码。</translation>
    </message>
    <message>
        <source>{people} people and {phones} phone numbers: write each number beside its name (“张三 13812345678”).</source>
        <translation>共 {people} 人、{phones} 个电话号码：请把每个号码写在对应姓名后面（“张三 13812345678”）。</translation>
    </message>
    <message>
        <source>“{value}” is not a person&apos;s name.</source>
        <translation>“{value}”不是人名。</translation>
    </message>
    <message>
        <source>The cell&apos;s formula has no computed result; open the file in Excel, save it and import it again.</source>
        <translation>公式没有计算结果，请在 Excel 中另存后再导入</translation>
    </message>
    <message>
        <source>The buildings “{value}” run backwards; write the smaller number first.</source>
        <translation>楼幢“{value}”的范围是倒着写的：请先写小的号。</translation>
    </message>
    <message>
        <source>The buildings “{value}” are more than {limit} buildings; is a number mistyped?</source>
        <translation>楼幢“{value}”超过 {limit} 幢，是否输错了号码？</translation>
    </message>
    <message>
        <source>“{value}” is not a range of building numbers (write 1-12幢, or name each building).</source>
        <translation>“{value}”不是楼幢号范围（请写成 1-12幢，或逐幢写出）。</translation>
    </message>
    <message>
        <source>The building name “{value}” is longer than {limit} characters.</source>
        <translation>楼幢名称“{value}”超过 {limit} 个字。</translation>
    </message>
    <message>
        <source>“{value}” says 全部 and names buildings too; write 全部 alone, or the buildings.</source>
        <translation>“{value}”既写了“全部”又写了楼幢：请只写“全部”，或只写楼幢。</translation>
    </message>
    <message>
        <source>“{value}” has a 「 or 」 without its pair.</source>
        <translation>“{value}”中的「或」没有配对。</translation>
    </message>
    <message>
        <source>The column “{label}” is not a column of the grid division table; it was not read.</source>
        <translation>“{label}”不是网格划分表的列，未读取。</translation>
    </message>
    <message>
        <source>The community&apos;s name. Left empty, the row is in the community of the row above.</source>
        <translation>社区名称。留空则与上一行属于同一社区。</translation>
    </message>
    <message>
        <source>The grid&apos;s name, as it is known in the community (第1网格).</source>
        <translation>网格名称，按社区内的叫法填写（如：第1网格）。</translation>
    </message>
    <message>
        <source>The grid&apos;s code, if it has one.</source>
        <translation>网格编码（如有）。</translation>
    </message>
    <message>
        <source>One compound a row; a grid covering several compounds has a row for each.</source>
        <translation>每行一个小区；一个网格包含多个小区的，每个小区各占一行。</translation>
    </message>
    <message>
        <source>The buildings of the compound in the grid: 1-12幢, 1幢、3幢、5幢, or 全部 (empty: the whole compound). A building is in one grid only.</source>
        <translation>该小区划入本网格的楼幢：1-12幢、1幢、3幢、5幢，或“全部”（留空即为整个小区）。一幢楼只能属于一个网格。</translation>
    </message>
    <message>
        <source>The people holding the grid, by role; their phones in the column beside, or in the same cell (张三 13812345678). Several people: 张三、李四.</source>
        <translation>按角色填写包联本网格的人员；电话写在旁边一列，或写在同一单元格中（张三 13812345678）。多人用顿号分隔：张三、李四。</translation>
    </message>
    <message>
        <source>The grey row is an example: the import skips a row whose first cell starts with 例：.</source>
        <translation>灰色一行是示例：导入时会跳过第一个单元格以“例：”开头的行。</translation>
    </message>
    <message>
        <source>The building is missing: an address needs a building and a room.</source>
        <translation>缺少楼栋，地址必须有楼栋和房号。</translation>
    </message>
    <message>
        <source>The room is missing: an address needs a building and a room.</source>
        <translation>缺少房号，地址必须有楼栋和房号。</translation>
    </message>
    <message>
        <source>The building and the room are missing: an address needs both.</source>
        <translation>缺少楼栋和房号，地址必须两者都有。</translation>
    </message>
    <message>
        <source>The sheet has no building column (楼栋): an address needs a building and a room.</source>
        <translation>表格中没有“楼栋”列，地址必须有楼栋和房号。</translation>
    </message>
    <message>
        <source>The sheet has no room column (房号): an address needs a building and a room.</source>
        <translation>表格中没有“房号”列，地址必须有楼栋和房号。</translation>
    </message>
    <message>
        <source>The room is missing, and the sheet has no building column (楼栋): an address needs both.</source>
        <translation>缺少房号，而且表格中没有“楼栋”列，地址必须两者都有。</translation>
    </message>
    <message>
        <source>The building is missing, and the sheet has no room column (房号): an address needs both.</source>
        <translation>缺少楼栋，而且表格中没有“房号”列，地址必须两者都有。</translation>
    </message>
    <message>
        <source>The sheet has no building column (楼栋) and no room column (房号): an address needs both.</source>
        <translation>表格中没有“楼栋”列和“房号”列，地址必须两者都有。</translation>
    </message>
    <message>
        <source>Row {row}, {who}: {field} {old} → {new}</source>
        <translation>第{row}行 {who}：{field} {old} → {new}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>{compound} {building} is in no grid yet: the household is imported, but no grid&apos;s lists show it until its building is put in a grid (Street setup).</source>
        <translation>{compound}{building}尚未划入网格：该户已导入，但在所在楼幢划入网格（网格设置）之前，不会出现在任何网格的名单中。</translation>
    </message>
    <message>
        <source>{compound}: {households} households in no grid</source>
        <extracomment>A compound&apos;s households that no grid covers, as the preview and the summary list them.</extracomment>
        <translation>{compound}：{households}户未划入网格</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Removed from the profile</source>
        <translation>已从档案移除</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{building} of {compound} is claimed by {grids}: a building is in one grid only (rows {rows}).</source>
        <translation>{compound}{building}同时划入了{grids}：一幢楼只能属于一个网格（第 {rows} 行）。</translation>
    </message>
    <message>
        <source>{compound} is given whole (全部) to {grid} and in part to {others}: a building is in one grid only (rows {rows}).</source>
        <translation>{compound}整个划入了{grid}，又有部分楼幢划入{others}：一幢楼只能属于一个网格（第 {rows} 行）。</translation>
    </message>
    <message>
        <source>{building} of {compound} is split by unit between {grids}: a building is in one grid only, whole (rows {rows}).</source>
        <translation>{compound}{building}按单元拆分到了{grids}：一幢楼只能整幢属于一个网格（第 {rows} 行）。</translation>
    </message>
    <message>
        <source>The grid code {code} is given to {grids}, in different communities (rows {rows}).</source>
        <translation>网格编码 {code} 同时用于不同社区的{grids}（第 {rows} 行）。</translation>
    </message>
    <message>
        <source>{grid} is given two codes, {codes} (rows {rows}).</source>
        <translation>{grid}有两个不同的编码：{codes}（第 {rows} 行）。</translation>
    </message>
    <message>
        <source>The grid code {code} is given to {grids} (rows {rows}).</source>
        <translation>网格编码 {code} 同时用于{grids}（第 {rows} 行）。</translation>
    </message>
    <message>
        <source>{name} is given the phones {phones} (rows {rows}); if they are two people, tell them apart by name.</source>
        <translation>{name}填了不同的电话：{phones}（第 {rows} 行）；如果是两个人，请在姓名上加以区分。</translation>
    </message>
    <message>
        <source>{name} is listed as {roles}; a cadre has one role in the profile: {role} is kept.</source>
        <translation>{name}同时被列为{roles}；档案中每名干部只有一个角色：保留“{role}”。</translation>
    </message>
    <message>
        <source>{building} of {compound} moves from {old} to {new}; its households follow.</source>
        <translation>{compound}{building}从{old}调整到{new}，楼内住户随之调整。</translation>
    </message>
    <message>
        <source>{building} of {compound} is no longer in {grid}: the table does not list it (it is in no grid now).</source>
        <translation>{compound}{building}不再属于{grid}：划分表中没有列出它（现在未划入任何网格）。</translation>
    </message>
    <message>
        <source>{name} is no longer listed for {grid}: their stint there ends, {day} being their last day.</source>
        <translation>{grid}不再列有{name}：其在该网格的任职结束，最后一天为 {day}。</translation>
    </message>
    <message>
        <source>The grid code {code} is already the code of {grid}, which the table does not list.</source>
        <translation>网格编码 {code} 已被{grid}使用，而划分表中没有列出该网格。</translation>
    </message>
    <message>
        <source>The profile has {count} cadres named {name}: give the phone number to say which one.</source>
        <translation>档案中有 {count} 名叫{name}的干部：请填写电话以区分是哪一位。</translation>
    </message>
    <message>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>building</source>
        <translation>楼幢</translation>
    </message>
    <message>
        <source>cadre</source>
        <translation>干部</translation>
    </message>
    <message>
        <source>stint</source>
        <translation>任职</translation>
    </message>
    <message>
        <source>code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>New {kind}: {what}</source>
        <translation>新建{kind}：{what}</translation>
    </message>
    <message>
        <source>{what}: {field} {old} → {new}</source>
        <translation>{what}：{field} {old} → {new}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Restored {kind}: {what} (it had been deleted)</source>
        <translation>恢复{kind}：{what}（此前已删除）</translation>
    </message>
    <message>
        <source>Removed {kind}: {what} (it began today: it is undone, not ended)</source>
        <translation>撤销{kind}：{what}（今天才开始，故撤销而非结束）</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Row in the original</source>
        <translation>原表行号</translation>
    </message>
    <message>
        <source>Reason codes</source>
        <translation>原因代码</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Show all grids, not only mine</source>
        <translation>显示全部网格，而不只是我的</translation>
    </message>
    <message>
        <source>Shared folder for sync</source>
        <translation>同步用的共享文件夹</translation>
    </message>
    <message>
        <source>Sync automatically every N minutes (0: off)</source>
        <translation>自动同步间隔</translation>
    </message>
    <message>
        <source>Office name in mediation case numbers (〔2026〕城南调字第…号)</source>
        <translation>调解案件编号中的单位简称（〔2026〕城南调字第…号）</translation>
    </message>
    <message>
        <source>People&apos;s mediation committee named on printed agreements</source>
        <translation>打印协议书上署名的人民调解委员会</translation>
    </message>
    <message>
        <source>Area code for landlines written without one (empty: the street&apos;s own)</source>
        <translation>座机号码未写区号时补上的区号（不填则按本街道的区号）</translation>
    </message>
    <message>
        <source>Lock after this long without use (seconds)</source>
        <translation>无操作多长时间后锁定（秒）</translation>
    </message>
    <message>
        <source>Do not offer to encrypt this unencrypted profile at start</source>
        <translation>启动时不再提示加密这个未加密的档案</translation>
    </message>
</context>
<context>
    <name>vocab</name>
    <message>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Night walk</source>
        <translation>周夜行</translation>
    </message>
    <message>
        <source>Door knock</source>
        <translation>敲门日</translation>
    </message>
    <message>
        <source>Secretary appointment</source>
        <translation>我与书记有约</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民反映</translation>
    </message>
    <message>
        <source>Property inspection</source>
        <translation>物业检查</translation>
    </message>
    <message>
        <source>Community</source>
        <extracomment>Who evaluates a property company each quarter (the three parties beside the company itself).</extracomment>
        <translation>社区</translation>
    </message>
    <message>
        <source>HOA</source>
        <translation>业委会</translation>
    </message>
    <message>
        <source>Property company</source>
        <translation>物业</translation>
    </message>
    <message>
        <source>Street office</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待领办</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>已领办</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已核验</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>不予办理</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Blocked fire lane</source>
        <extracomment>Finding categories (code -&gt; English label, translated in context &quot;vocab&quot;).</extracomment>
        <translation>消防通道堵塞</translation>
    </message>
    <message>
        <source>Safety hazard</source>
        <translation>安全隐患</translation>
    </message>
    <message>
        <source>Sanitation</source>
        <translation>环境卫生</translation>
    </message>
    <message>
        <source>Broken facility</source>
        <translation>设施损坏</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪音</translation>
    </message>
    <message>
        <source>Public order</source>
        <translation>治安秩序</translation>
    </message>
    <message>
        <source>Resident request</source>
        <translation>居民诉求</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Cadre</source>
        <extracomment>Who walked: the three parties that govern a compound together, and anyone else.</extracomment>
        <translation>干部</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Volunteer team</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <source>Skill club</source>
        <translation>技能社团</translation>
    </message>
    <message>
        <source>Door-knocking team</source>
        <translation>敲门日队伍</translation>
    </message>
    <message>
        <source>Mediation volunteers</source>
        <translation>调解志愿者</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主任</translation>
    </message>
    <message>
        <source>Vice chair</source>
        <translation>副主任</translation>
    </message>
    <message>
        <source>Committee member</source>
        <translation>委员</translation>
    </message>
    <message>
        <source>Party branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>Door to door</source>
        <translation>入户</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Paper form</source>
        <translation>纸质问卷</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>Property service</source>
        <extracomment>Survey topics beside the overall question (the survey table&apos;s columns).</extracomment>
        <translation>物业服务</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Neighbourhood relations</source>
        <translation>邻里关系</translation>
    </message>
    <message>
        <source>The community&apos;s work</source>
        <translation>社区工作</translation>
    </message>
    <message>
        <source>Owners&apos; committee</source>
        <translation>业委会</translation>
    </message>
    <message>
        <source>Residents&apos; representatives</source>
        <translation>居民代表</translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation>保洁</translation>
    </message>
    <message>
        <source>Security and fire safety</source>
        <translation>安保与消防</translation>
    </message>
    <message>
        <source>Greenery</source>
        <translation>绿化</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Fees and public accounts</source>
        <translation>收费与公共收益公开</translation>
    </message>
    <message>
        <source>Response to residents</source>
        <translation>响应居民诉求</translation>
    </message>
    <message>
        <source>Fire lanes clear</source>
        <extracomment>The inspection checklist offered by default; an inspector may add items of their own.</extracomment>
        <translation>消防通道畅通</translation>
    </message>
    <message>
        <source>Fire equipment in order</source>
        <translation>消防设施完好</translation>
    </message>
    <message>
        <source>Stairwells clean</source>
        <translation>楼道整洁</translation>
    </message>
    <message>
        <source>Bins emptied</source>
        <translation>垃圾及时清运</translation>
    </message>
    <message>
        <source>Gate staffed</source>
        <translation>门岗有人值守</translation>
    </message>
    <message>
        <source>Lifts inspected</source>
        <translation>电梯按期年检</translation>
    </message>
    <message>
        <source>Green areas kept</source>
        <translation>绿化养护到位</translation>
    </message>
    <message>
        <source>Notice board current</source>
        <translation>公示栏及时更新</translation>
    </message>
</context>
</TS>
