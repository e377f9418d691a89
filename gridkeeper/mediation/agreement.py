"""The mediation agreement (人民调解协议书) as a document: its content and its HTML.

No Qt here: ui/agreement_print.py lays the HTML out through QTextDocument and
prints it or writes a PDF. The document is in Chinese whatever the language
of the interface: it is a legal record signed by the parties (People's
Mediation Law art. 29), laid out after the Ministry of Justice's model text.
Unlike the screen, it carries the parties' contacts unmasked: it is made for
the parties themselves and kept in the paper case file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from html import escape

from gridkeeper import mediation
from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.places import audit
from gridkeeper.store import mediation as queries
from gridkeeper.store.engine import Store

_ROLE = {"applicant": "申请人", "respondent": "被申请人", "other": "第三人"}
_DIGITS = "〇一二三四五六七八九"
_GAP = "&nbsp;" * 8  # QTextDocument collapses ideographic spaces
_DATE_LINE = f"{_GAP}年{_GAP}月{_GAP}日"


class NoAgreement(mediation.MediationError):
    def __init__(self, number: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "Case {number} has no agreement yet: fill in the agreement first."),
            number=number,
        )


@dataclass(frozen=True)
class Party:
    role: str  # 申请人 / 被申请人 / 第三人
    name: str
    address: str
    contact: str
    agent: str
    gender: str = ""  # 男 / 女
    ethnicity: str = ""  # 汉族
    birth_date: date | None = None
    id_number: str = ""

    def line(self) -> str:
        """申请人：陈美玲，女，汉族，1970年5月1日出生，身份证号：…，住址：…，联系方式：…。"""
        details = [f"{self.role}：{self.name}"]
        details += [x for x in (self.gender, self.ethnicity) if x]
        if self.birth_date:
            details.append(f"{chinese_date(self.birth_date)}出生")
        for label, value in (("身份证号", self.id_number), ("住址", self.address), ("联系方式", self.contact)):
            if value:
                details.append(f"{label}：{full_width(value)}")
        line = "，".join(details) + "。"
        return line + (f"委托代理人：{full_width(self.agent)}。" if self.agent else "")


def _ethnicity(value: str) -> str:
    """汉 and 汉族 are both typed: the form says 汉族."""
    value = value.strip()
    return value + "族" if value and not value.endswith("族") else value


def _party(conn: object, p: queries.PartyRow) -> Party:
    """The party with what the resident's file holds where the party row is empty (see migration 0011)."""
    id_number, contact = p.id_number, p.contact
    if p.person_id and not (id_number and contact):
        kept = queries.person_file(conn, p.person_id)  # type: ignore[arg-type]
        if kept is not None:
            id_number = id_number or kept[0]
            if not contact:
                try:
                    numbers = [str(n) for n in json.loads(kept[1])]
                except ValueError:
                    numbers = []
                contact = "、".join(numbers)
    return Party(_ROLE.get(p.role, "当事人"), p.name, p.address, contact, p.agent,
                 {"M": "男", "F": "女"}.get(p.gender, ""), _ethnicity(p.ethnicity), p.birth_date, id_number)


@dataclass(frozen=True)
class AgreementDocument:
    number: str  # as printed: 〔2026〕城南调字第 K7QD-015 号
    committee: str
    oral: bool
    parties: tuple[Party, ...]
    facts: str
    terms: str
    performance: str
    signed_on: date
    mediators: str


def document(store: Store, case_id: str, office: str = "城南", committee: str = "城南街道人民调解委员会") -> AgreementDocument:
    file = mediation.case_file(store, case_id)
    if file is None:
        raise mediation.CaseNotFound(case_id)
    if file.agreement is None:
        raise NoAgreement(file.number)
    with store.read() as conn:  # contacts unmasked: see the module doc
        parties = [_party(conn, p) for p in queries.parties(conn, case_id)]
    # The paper carries every party's contact in full: the audit log says who made it and when.
    audit.record(store, "agreement", len(parties), file.number, table="mediationcase", row_id=case_id)
    a = file.agreement
    performance = a.performance_method.strip()
    if a.performance_due:
        deadline = f"于{chinese_date(a.performance_due)}前履行完毕。"
        performance = f"{performance.rstrip('。；;')}，{deadline}" if performance else deadline
    return AgreementDocument(
        number=mediation.format_number(file.number, office), committee=committee, oral=a.form == "oral",
        parties=tuple(parties),
        facts=a.facts, terms=a.terms, performance=performance, signed_on=a.signed_on, mediators=file.mediators,
    )


def chinese_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def chinese_year_date(d: date) -> str:
    """二〇二六年十一月九日: the form under a seal."""
    return "".join(_DIGITS[int(c)] for c in str(d.year)) + f"年{chinese_number(d.month)}月{chinese_number(d.day)}日"


def chinese_number(n: int) -> str:
    """1..99 as written in a document's item numbers: 一, 十, 十一, 二十三."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


# What a mediator may have typed before an item: 一、 1. 1、 (1) （一） ①, which the app replaces.
_TYPED_NUMBER = re.compile(r"^\s*(?:[（(]?[0-9一二三四五六七八九十]+[）)]|[0-9一二三四五六七八九十]+\s*[、.．]|[①-⑳])\s*")
# Half-width punctuation next to Chinese text, and its full-width form. Between digits or Latin
# letters it stays (10:30, 150,000, B-118).
_CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_HALF = re.compile(rf"(?<=[{_CJK}])\s*([,:;?!])\s*|\s*([,:;?!])\s*(?=[{_CJK}])")
_PARENS = re.compile(r"\s*\(([^()]*)\)\s*")


def full_width(text: str) -> str:
    """Chinese punctuation in Chinese text: 签名: -> 签名：, 李明 (B-118) -> 李明（B-118）."""
    def parens(m: re.Match[str]) -> str:
        before, after = m.string[:m.start()], m.string[m.end():]
        chinese = re.search(f"[{_CJK}]", m.group(1) + before[-1:] + after[:1])
        return f"（{m.group(1)}）" if chinese else m.group(0)
    return _HALF.sub(lambda m: _FULL[m.group(1) or m.group(2)], _PARENS.sub(parens, text))


def numbered_items(text: str) -> list[str]:
    """One item per non-empty line, numbered 一、二、三 by the app whatever numbering was typed."""
    lines = [_TYPED_NUMBER.sub("", ln).strip() for ln in text.splitlines() if ln.strip()]
    return [f"{chinese_number(i)}、{full_width(ln)}" for i, ln in enumerate(lines, 1) if ln]


def _paragraphs(text: str) -> str:
    lines = [full_width(ln.strip()) for ln in text.splitlines() if ln.strip()]
    return "".join(f'<p class="body">{escape(ln)}</p>' for ln in lines) or '<p class="body">（无）</p>'


def _items(text: str) -> str:
    items = numbered_items(text)
    return "".join(f'<p class="body">{escape(ln)}</p>' for ln in items) or '<p class="body">（无）</p>'


def html(doc: AgreementDocument) -> str:
    """The document as HTML for QTextDocument (which knows a subset of HTML 4 and CSS)."""
    title = "人民调解口头协议登记表" if doc.oral else "人民调解协议书"
    rows = [f'<p class="party">{escape(p.line())}</p>' for p in doc.parties]
    copies = len(doc.parties) + 1
    signatures = "".join(
        f'<tr><td width="55%">{escape(p.role)}（签名或盖章）：</td>'
        f'<td width="45%">{_DATE_LINE}</td></tr>'
        for p in doc.parties
    )
    return f"""<html><head><style>
body {{ font-size: 12pt; }}
h1 {{ font-size: 20pt; text-align: center; letter-spacing: 4pt; margin-bottom: 2pt; }}
p.number {{ text-align: right; margin-bottom: 12pt; }}
p.party {{ margin: 2pt 0; line-height: 140%; }}
h2 {{ font-size: 12pt; margin-top: 10pt; margin-bottom: 2pt; }}
p.body {{ text-indent: 24pt; margin: 2pt 0; line-height: 140%; }}
p.seal {{ text-align: right; margin-top: 18pt; }}
</style></head><body>
<h1>{title}</h1>
<p class="number">{escape(doc.number)}</p>
{''.join(rows)}
<h2>纠纷主要事实、争议事项：</h2>
{_paragraphs(doc.facts)}
<h2>经调解，自愿达成如下协议：</h2>
{_items(doc.terms)}
<h2>履行方式、时限：</h2>
{_paragraphs(doc.performance)}
<p class="body">本协议自各方当事人签名（盖章）、人民调解员签名并加盖人民调解委员会印章之日起生效。
本协议一式{_DIGITS[copies] if copies < 10 else copies}份，当事人、人民调解委员会各持一份。</p>
<table width="100%" cellspacing="0" cellpadding="9" style="margin-top: 12pt">{signatures}
<tr><td>人民调解员（{escape(doc.mediators)}）签名：</td><td>{_DATE_LINE}</td></tr>
</table>
<p class="seal">{escape(doc.committee)}（印章）<br/>{chinese_year_date(doc.signed_on)}</p>
</body></html>"""
