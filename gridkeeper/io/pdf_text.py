"""Make a PDF's text layer say the characters it prints.

Qt's PDF writer builds each font's ToUnicode map by asking, for every glyph,
which code point reaches it first. CJK fonts draw a radical and its ideograph
with one glyph (⼈ U+2F08 and 人 U+4EBA), and the radical's code point is the
lower, so copying or searching "人民" in the PDF finds "⼈⺠". This rewrites
the ToUnicode maps so those glyphs read as the ideograph, appending the new
maps as an incremental update: nothing already in the file moves.
"""

from __future__ import annotations

import re
from pathlib import Path

# Radical -> the ideograph drawn with the same glyph in Noto Serif/Sans CJK SC (the fonts the
# printed agreement asks for first). Read from the fonts with QRawFont.glyphIndexesForString:
# for each U+2E80..U+2FDF, the first U+4E00..U+9FFF with its glyph.
_PAIRS = (
    '⺂乛⺃乚⺅亻⺉刂⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒⺹耂⺺肀⺾艹⻁虎⻂衤⻃覀⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页'
    '⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟⼀一⼁丨⼂丶⼃丿⼄乙⼅亅⼆二⼇亠⼈人⼉儿⼊入⼋八⼌冂⼍冖⼎冫⼏几⼐凵⼑刀⼒力⼓勹⼔匕⼕匚⼖匸⼗十⼘卜⼙卩⼚厂⼛厶'
    '⼜又⼝口⼞囗⼟土⼠士⼡夂⼢夊⼣夕⼤大⼥女⼦子⼧宀⼨寸⼩小⼪尢⼫尸⼬屮⼭山⼮巛⼯工⼰己⼱巾⼲干⼳幺⼴广⼵廴⼶廾⼷弋⼸弓⼺彡⼻彳⼼心⼽戈⼾户⼿手⽀支⽁攴⽂文⽃斗⽄斤⽅方⽆无⽇日⽈曰⽉月⽊木⽋欠⽌止⽍歹⽎殳'
    '⽏毋⽐比⽑毛⽒氏⽓气⽔水⽕火⽖爪⽗父⽘爻⽙爿⽚片⽛牙⽜牛⽝犬⽞玄⽟玉⽠瓜⽡瓦⽢甘⽣生⽤用⽥田⽦疋⽧疒⽨癶⽩白⽪皮⽫皿⽬目⽭矛⽮矢⽯石⽰示⽱禸⽲禾⽳穴⽴立⽵竹⽶米⽷糸⽸缶⽹网⽺羊⽻羽⽼老⽽而⽾耒⽿耳⾀聿'
    '⾁肉⾂臣⾃自⾄至⾅臼⾆舌⾇舛⾈舟⾉艮⾊色⾋艸⾌虍⾍虫⾎血⾏行⾐衣⾑襾⾒見⾔言⾕谷⾖豆⾗豕⾘豸⾙貝⾚赤⾛走⾜足⾝身⾞車⾟辛⾠辰⾡辵⾢邑⾣酉⾤釆⾥里⾦金⾧長⾨門⾩阜⾪隶⾫隹⾬雨⾭靑⾮非⾯面⾰革⾱韋⾲韭⾳音'
    '⾴頁⾵風⾶飛⾷食⾸首⾹香⾺馬⾼高⾽髟⾾鬥⾿鬯⿀鬲⿁鬼⿂魚⿃鳥⿄鹵⿅鹿⿆麥⿇麻⿈黃⿉黍⿊黑⿋黹⿌黽⿍鼎⿎鼓⿏鼠⿐鼻⿑齊⿒齒⿓龍⿕龠'
)
RADICALS: dict[int, int] = {ord(p[i]): ord(p[i + 1]) for p in ("".join(_PAIRS),) for i in range(0, len(p), 2)}

_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _hex_text(h: bytes) -> str:
    return bytes.fromhex(h.decode()).decode("utf-16-be", "replace")


def _parse_cmap(cmap: bytes) -> dict[int, str]:
    """glyph code -> text, from a ToUnicode CMap's bfrange and bfchar sections."""
    out: dict[int, str] = {}
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.DOTALL):
        for lo, hi, dest in _RANGE.findall(section):
            start, end = int(lo, 16), int(hi, 16)
            if dest.startswith(b"["):
                for code, h in zip(range(start, end + 1), _HEX.findall(dest)):
                    out[code] = _hex_text(h)
            else:
                first = _hex_text(dest.strip(b"<>"))
                for k, code in enumerate(range(start, end + 1)):
                    out[code] = first[:-1] + chr(ord(first[-1]) + k) if first else ""
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.DOTALL):
        for code, h in _CHAR.findall(section):
            out[int(code, 16)] = _hex_text(h)
    return out


def _write_cmap(mapping: dict[int, str]) -> bytes:
    lines = [(b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
              b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
              b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
              b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")]
    items = sorted(mapping.items())
    for i in range(0, len(items), 100):  # at most 100 entries a section
        chunk = items[i:i + 100]
        lines.append(b"%d beginbfchar\n" % len(chunk))
        lines += [b"<%04X> <%s>\n" % (code, text.encode("utf-16-be").hex().upper().encode()) for code, text in chunk]
        lines.append(b"endbfchar\n")
    lines.append(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    return b"".join(lines)


def _stream(pdf: bytes, obj: int) -> bytes | None:
    """The uncompressed stream of object `obj`, or None (compressed or not found: left alone)."""
    m = re.search(rb"(?:^|[\r\n])%d 0 obj\s*<<(.*?)>>\s*stream\r?\n" % obj, pdf, re.DOTALL)
    if m is None or b"/Filter" in m.group(1):
        return None
    end = pdf.find(b"endstream", m.end())
    return pdf[m.end():end] if end > 0 else None


def fix_text_layer(path: Path) -> int:
    """Rewrite the ToUnicode maps of the PDF at `path` in place; returns how many maps changed."""
    pdf = path.read_bytes()
    fixed: dict[int, bytes] = {}
    for obj in sorted({int(n) for n in _TO_UNICODE.findall(pdf)}):
        cmap = _stream(pdf, obj)
        if cmap is None:
            continue
        mapping = _parse_cmap(cmap)
        better = {code: text.translate(RADICALS) for code, text in mapping.items()}
        if better != mapping:
            fixed[obj] = _write_cmap(better)
    if not fixed:
        return 0
    trailer = pdf[pdf.rindex(b"trailer"):]
    prev = int(re.search(rb"startxref\s+(\d+)", trailer).group(1))  # type: ignore[union-attr]
    keep = b"".join(m.group(0) + b"\n" for m in re.finditer(rb"/(?:Size|Root|Info|ID)\s+(?:\d+ 0 R|\d+|\[[^\]]*\])",
                                                             trailer.split(b">>")[0] + b">>"))
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets = {}
    for obj, body in fixed.items():
        offsets[obj] = len(out)
        out += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (obj, len(body)) + body + b"\nendstream\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"  # readers expect the free head in every section
    for obj, at in sorted(offsets.items()):
        out += b"%d 1\n%010d 00000 n \n" % (obj, at)
    out += b"trailer\n<<\n" + keep + b"/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (prev, xref)
    path.write_bytes(bytes(out))
    return len(fixed)
