<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>GridKeeper</source>
        <extracomment>Preferred UI fonts with Simplified Chinese glyph shapes, first found wins.</extracomment>
        <translation>网格管家</translation>
    </message>
</context>
<context>
    <name>CadreDialog</name>
    <message>
        <source>Who is using this laptop?</source>
        <translation>谁在使用这台电脑？</translation>
    </message>
    <message>
        <source>This profile belongs to one cadre. Choose yourself from the cadres in the data, or add yourself if you are new. Pages then show your grids first.</source>
        <translation>本档案属于一名干部。请在数据中的干部里选择您自己；如果您是新来的，请添加自己。之后各页面会优先显示您包联的网格。</translation>
    </message>
    <message>
        <source>I am one of these cadres:</source>
        <translation>我是下列干部之一：</translation>
    </message>
    <message>
        <source>Type to filter by name or grid</source>
        <translation>输入姓名或网格筛选</translation>
    </message>
    <message>
        <source>I am new; my name is:</source>
        <translation>我是新来的，我的姓名是：</translation>
    </message>
    <message>
        <source>no grid assigned</source>
        <translation>未分配网格</translation>
    </message>
    <message>
        <source>Enter your name, or choose a cadre from the list.</source>
        <translation>请输入您的姓名，或从列表中选择一名干部。</translation>
    </message>
    <message>
        <source>Choose a cadre from the list.</source>
        <translation>请从列表中选择一名干部。</translation>
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
        <source>ID and phone numbers are masked. {mark} marks sensitive personal information.</source>
        <translation>身份证号和电话号码已脱敏显示。{mark} 表示敏感个人信息。</translation>
    </message>
    <message>
        <source>Select a household to read its file.</source>
        <translation>选择一户查看其档案。</translation>
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
        <source>{date} ({age})</source>
        <translation>{date}（{age}岁）</translation>
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
        <source>Grid</source>
        <translation>网格</translation>
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
        <source>No households in this profile yet. To try GridKeeper, start it on a demo street: gridkeeper --data-dir FOLDER demo --size street</source>
        <translation>本档案中还没有住户。想试用网格管家，可先生成演示街道：gridkeeper --data-dir 文件夹 demo --size street</translation>
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
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Change user…</source>
        <translation>更换使用人…</translation>
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
        <source>This laptop now belongs to {name}.</source>
        <translation>这台电脑现在属于{name}。</translation>
    </message>
    <message>
        <source>GridKeeper {version}
Offline-first records for grid cadres of a street office.</source>
        <translation>网格管家 {version}
面向街道网格干部的离线优先工作台账。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>This profile was written by a newer version of GridKeeper (schema {found}). Install the newer version to open it; nothing was changed.</source>
        <translation>此档案由更新版本的网格管家写入（数据结构 {found}）。请安装新版本后再打开；本程序未做任何改动。</translation>
    </message>
    <message>
        <source>This profile is encrypted: enter its passphrase to open it.</source>
        <translation>此档案已加密：请输入密码后打开。</translation>
    </message>
    <message>
        <source>The passphrase is wrong, or the file is not a GridKeeper profile.</source>
        <translation>密码不正确，或该文件不是网格管家档案。</translation>
    </message>
    <message>
        <source>{path} is not a GridKeeper profile database.</source>
        <translation>{path} 不是网格管家的档案数据库。</translation>
    </message>
    <message>
        <source>The profile in {path} already holds data; demo data goes into a new, empty data folder.</source>
        <translation>{path} 中的档案已有数据；演示数据只能生成到一个新的空文件夹中。</translation>
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
</context>
</TS>