"""The mediation agreement as a PDF: Chinese text with the case number and the parties' names,
read back out of the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gridkeeper import mediation as m
from gridkeeper.mediation import agreement as mediation_agreement
from gridkeeper.store import Store
from gridkeeper.ui.mediation.agreement_print import save_pdf

pypdf = pytest.importorskip("pypdf")

pytestmark = pytest.mark.gui


def _case(store: Store, form: str = "written") -> str:
    case = m.open_case(store, m.NewCase(
        date(2026, 11, 2), "application", "parking", "车位买卖纠纷", None, "王芳、李志强",
        (m.PartyInput("applicant", "陈美玲", "13812345678", "阳光花园3幢2单元401"),
         m.PartyInput("respondent", "欧阳建军", "0577-61234567", "阳光花园5幢1单元1802", agent="欧阳小明"),
         m.PartyInput("other", "阳光物业服务有限公司", "", ""))))
    m.start_mediation(store, case)
    m.reach_agreement(store, case, m.Agreement(
        form, date(2026, 11, 9), "双方就地下车位B-118的转让价款发生争议。",
        "1. 欧阳建军将车位B-118转让给陈美玲,价款人民币150000元;\n\n陈美玲于2026年11月20日前付清(银行转账)。",
        "银行转账", date(2026, 11, 20)))
    return case


def _text(pdf: Path) -> str:
    """The text a reader copies or searches: exactly the characters printed (no NFKC folding)."""
    reader = pypdf.PdfReader(str(pdf), strict=True)
    return "".join("".join(page.extract_text() for page in reader.pages).split())


def test_the_pdf_holds_the_number_the_parties_and_the_terms(qapp, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = _case(store)
    doc = mediation_agreement.document(store, case)
    pdf = save_pdf(doc, tmp_path / "协议书.pdf")
    text = _text(pdf)
    number = m.case_file(store, case).number  # type: ignore[union-attr]
    assert doc.number == m.format_number(number) and doc.number in text
    for name in ("陈美玲", "欧阳建军", "欧阳小明", "阳光物业服务有限公司"):
        assert name in text
    assert "人民调解协议书" in text and "B-118" in text and "150000元" in text
    assert not any(0x2E80 <= ord(c) <= 0x2FDF for c in text), text  # no radicals standing in for 人民
    assert "人民币" in text and "车位" in text and "履行方式" in text
    assert "申请人（签名或盖章）" in text and "本协议一式四份" in text  # three parties and the committee
    assert "于2026年11月20日前履行完毕" in text
    # items numbered by the app whatever was typed, in Chinese punctuation; B-118 stays as typed
    assert "一、欧阳建军将车位B-118转让给陈美玲，价款人民币150000元；二、陈美玲于2026年11月20日前付清（银行转账）。" in text
    fonts = {str(f.get_object()["/BaseFont"]) for p in pypdf.PdfReader(str(pdf)).pages
             for f in p["/Resources"]["/Font"].values()}
    assert any("CJK" in f for f in fonts), fonts  # Chinese drawn with a Chinese font, not boxes


def test_each_party_is_named_as_the_form_asks_and_a_resident_from_the_household_file(qapp, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.store.models import Person
    from tests.store.helpers import place

    where = place(store)
    with store.write() as s:
        s.add(Person(id="p1", household_id=where["household"], name="陈美玲", gender="F", ethnicity="汉",
                     birth_date=date(1970, 5, 1), id_number="33030219700501002X", phones='["13812345678"]'))
    resident = next(r for r in m.find_residents(store, "陈美") if r.person_id == "p1")
    assert (resident.gender, resident.ethnicity, resident.birth_date) == ("F", "汉", date(1970, 5, 1))
    case = m.open_case(store, m.NewCase(
        date(2026, 11, 2), "application", "parking", "车位纠纷", None, "王芳",
        (m.PartyInput("applicant", "陈美玲", "", resident.address, person_id="p1", household_id=where["household"],
                      gender=resident.gender, ethnicity=resident.ethnicity, birth_date=resident.birth_date),
         m.PartyInput("respondent", "欧阳建军", "0577-61234567", "阳光花园5幢1单元1802", agent="欧阳小明",
                      ethnicity="回族", id_number="330302198503150038"))))
    respondent = next(p for p in m.case_file(store, case).parties if p.role == "respondent")  # type: ignore[union-attr]
    # gender and birth date come from the ID number; the screen shows the number masked
    assert (respondent.gender, respondent.birth_date) == ("M", date(1985, 3, 15))
    assert respondent.id_number == "330302********0038"
    m.start_mediation(store, case)
    m.reach_agreement(store, case, m.Agreement("written", date(2026, 11, 9), "事实", "条款", "转账", None))
    text = _text(save_pdf(mediation_agreement.document(store, case), tmp_path / "p.pdf"))
    assert ("申请人：陈美玲，女，汉族，1970年5月1日出生，身份证号：33030219700501002X，住址：阳光花园3幢2单元501，"
            "联系方式：13812345678。") in text  # the linked resident's ID and phone from the file
    assert ("被申请人：欧阳建军，男，回族，1985年3月15日出生，身份证号：330302198503150038，"
            "住址：阳光花园5幢1单元1802，联系方式：0577-61234567。委托代理人：欧阳小明。") in text


def test_a_mistyped_id_number_of_a_party_is_refused_in_words(store: Store) -> None:
    from gridkeeper.places.members import MemberError

    with pytest.raises(MemberError):
        m.open_case(store, m.NewCase(date(2026, 11, 2), "application", "leak", "漏水", None, "",
                                     (m.PartyInput("applicant", "李明", id_number="110105194912310028"),)))


def test_an_oral_agreement_prints_as_a_register_form(qapp, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = mediation_agreement.document(store, _case(store, form="oral"))
    assert "人民调解口头协议登记表" in _text(save_pdf(doc, tmp_path / "oral.pdf"))


def test_no_agreement_no_document(store: Store) -> None:
    case = m.open_case(store, m.NewCase(date(2026, 11, 2), "application", "leak", "漏水"))
    with pytest.raises(mediation_agreement.NoAgreement):
        mediation_agreement.document(store, case)


def test_dates_in_chinese() -> None:
    assert mediation_agreement.chinese_year_date(date(2026, 11, 9)) == "二〇二六年十一月九日"
    assert mediation_agreement.chinese_year_date(date(2026, 10, 20)) == "二〇二六年十月二十日"
    assert mediation_agreement.chinese_year_date(date(2026, 12, 31)) == "二〇二六年十二月三十一日"


def test_items_are_numbered_by_the_app_and_punctuation_is_chinese() -> None:
    typed = "1. 甲方赔偿乙方500元,于10:30前付清;\n\n（2）乙方撤回投诉\n二、双方不再追究(含物业)"
    assert mediation_agreement.numbered_items(typed) == [
        "一、甲方赔偿乙方500元，于10:30前付清；", "二、乙方撤回投诉", "三、双方不再追究（含物业）"]
    assert mediation_agreement.numbered_items("\n".join("条款" for _ in range(12)))[-1] == "十二、条款"
    assert mediation_agreement.full_width("签名: 李明 (B-118), 共1,500元, Room (3)") == "签名：李明（B-118），共1,500元，Room (3)"
