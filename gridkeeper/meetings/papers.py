"""The papers of issue 22 as HTML, in Chinese whatever the interface's language (they are
posted and filed): the minutes of a meeting (会议纪要) and the deliberation's notice (议事结果公示).

No Qt here: ui/meetings/paper_pdf.py lays the HTML out through QTextDocument into a PDF.
"""

from __future__ import annotations

from html import escape

from gridkeeper.meetings import deliberation, meeting
from gridkeeper.meetings.terms import NotFound
from gridkeeper.store.engine import Store

_KIND = {"tripartite": "月度三方联席会议", "quarterly_review": "季度督考会", "other": "会议"}
_SIDE = {"party": "党组织", "hoa": "业委会", "property": "物业公司", "community": "社区", "cadre": "网格员",
         "resident": "居民代表"}
_SOURCE = {"carried": "上次会议决定事项", "escalated": "上报事项", "overdue": "逾期事项", "mediation": "调解上报",
           "visit": "逾期回访", "hand": "临时动议"}
_OWNER = {"community": "社区", "hoa": "业委会", "property": "物业公司", "street": "街道", "party_member": "党员"}
_STATUS = {"open": "待认领", "claimed": "已认领", "in_progress": "办理中", "done": "已办结", "verified": "已验收",
           "declined": "不予办理"}
_STAGE = {"party": "党组织先议", "tripartite": "三方协议", "residents": "居民合议", "decision": "待决定",
          "adopted": "通过", "rejected": "未通过", "withdrawn": "撤回"}
_METHOD = {"meeting": "居民会议", "door_to_door": "入户征询", "online": "线上征询"}


def _d(value: object) -> str:
    if value is None:
        return ""
    s = str(value)
    return f"{int(s[:4])}年{int(s[5:7])}月{int(s[8:10])}日"


def _p(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def minutes_html(store: Store, meeting_id: str) -> tuple[str, str]:
    """(title, HTML) of a meeting's minutes."""
    f = meeting.meeting_file(store, meeting_id)
    if f is None:
        raise NotFound(meeting_id)
    m = f.meeting
    title = f"{m.where}{_KIND.get(m.kind, '会议')}纪要"
    sides: dict[str, list[str]] = {}
    for a in f.attendees:
        sides.setdefault(a.side, []).append(a.name)
    people = "".join(f"<p>{_SIDE.get(s, s)}：{escape('、'.join(n))}</p>" for s, n in sides.items())
    items = []
    for a in f.agenda:
        block = f"<h3>{a.position}. {escape(a.title)}（{_SOURCE.get(a.source, '')}）</h3>"
        if a.item_status:
            block += f"<p>办理状态：{_STATUS.get(a.item_status, a.item_status)}</p>"
        if a.minutes:
            block += f"<p>讨论情况：</p>{_p(a.minutes)}"
        if a.decision:
            owner = _OWNER.get(a.owner_party or "", "") + (f"（{escape(a.owner_name)}）" if a.owner_name else "")
            block += f"<p>决定：{escape(a.decision)}</p><p>责任方：{owner}　完成时限：{_d(a.due_date)}</p>"
        items.append(block)
    html = (f"<h1 align='center'>{escape(title)}</h1>"
            f"<p>时间：{_d(m.held_on)}</p><p>地点：{escape(m.place)}</p><p>记录人：{escape(m.recorded_by)}</p>"
            f"<h2>参会人员</h2>{people}<h2>议题及决定</h2>{''.join(items) or '<p>（无）</p>'}")
    return title, html


def notice_html(store: Store, deliberation_id: str) -> tuple[str, str]:
    """(title, HTML) of the deliberation's result notice (议事结果公示)."""
    f = deliberation.matter_file(store, deliberation_id)
    if f is None:
        raise NotFound(deliberation_id)
    title = f"{f.compound}议事结果公示"
    rows = [f"<p>议事事项：{escape(f.title)}</p>", _p(f.detail)]
    if f.party_on:
        rows.append(f"<h3>一、党组织先议（{_d(f.party_on)}）</h3>{_p(f.party_opinion)}")
    if f.tripartite_on:
        rows.append(f"<h3>二、三方协议（{_d(f.tripartite_on)}）</h3>{_p(f.tripartite_agreed)}")
    if f.residents_on and f.tally:
        t = f.tally
        rows.append(f"<h3>三、居民合议（{_d(f.residents_on)}，{_METHOD.get(f.residents_method or '', '')}）</h3>"
                    f"<p>征询{t.consulted}户：同意{t.for_}户，反对{t.against}户，弃权{t.abstain}户，"
                    f"未联系上{t.not_reached}户。</p>")
        if t.by_building:
            rows.append("<table border='1' cellpadding='4' cellspacing='0'><tr><th>楼栋</th><th>同意</th>"
                        "<th>反对</th><th>弃权</th><th>未联系上</th></tr>" + "".join(
                            f"<tr><td>{escape(b[0])}</td>" + "".join(f"<td>{n}</td>" for n in b[1:]) + "</tr>"
                            for b in t.by_building) + "</table>")
    rows.append(f"<h3>议事结果：{_STAGE.get(f.stage, f.stage)}</h3>")
    if f.decided_on:
        rows.append(f"<p>{_d(f.decided_on)}　{escape(f.decision_note)}</p>")
    if f.items:
        rows.append("<p>落实事项：" + "；".join(escape(i[1]) for i in f.items) + "</p>")
    rows.append("<p>公示期内如有异议，请向社区党组织反映。</p>")
    return title, f"<h1 align='center'>{escape(title)}</h1>" + "".join(rows)
