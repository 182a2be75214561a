#!/usr/bin/python3
"""Make slm's fonts: subsets of the Debian 12 Noto CJK faces (fonts-noto-cjk) slm typesets with.

    tools/fonts.py OUT.otf FACE

FACE is one of the names in FACES.  The subset keeps Latin, punctuation, CJK symbols, full-width
forms and the 6,763 hanzi of GB 2312 with every OpenType layout feature, removes the CFF
subroutines and renames the family ("slm Sans CJK SC"...), so that fontconfig keeps it apart from
the Noto face it was cut from.  pdf_typeset.c asks for the slm family first and the Noto family
second: a character outside the subset is drawn from the full Noto face, the same design.

Why: cairo 1.16 reads the whole CFF table of every face into memory for every PDF it writes (19 to
27 MB per Noto CJK face), which cost 40 ms of a 50 ms render; a subset is 4 MB.  And it subsets
some subroutinized CID glyphs of Noto Sans CJK empty (如 in regular weight): without subroutines it
draws them (tests/render checks for its ink).

The output is written to a temporary file and renamed: an interrupted make leaves no half font.
"""
import os
import sys
import tempfile

from fontTools import subset
from fontTools.ttLib import TTFont

NOTO = "/usr/share/fonts/opentype/noto"
# face: (collection, family inside it, new family, style, PostScript name)
FACES = {
    "sans-regular": ("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", "slm Sans CJK SC", "Regular"),
    "sans-bold": ("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", "slm Sans CJK SC", "Bold"),
    "serif-bold": ("NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC", "slm Serif CJK SC", "Bold"),
    "mono-regular": ("NotoSansCJK-Regular.ttc", "Noto Sans Mono CJK SC", "slm Mono CJK SC",
                     "Regular"),
}
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x024F), (0x02B0, 0x02FF), (0x0370, 0x03FF), (0x0400, 0x04FF),
    (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF),
    (0x2300, 0x23FF), (0x2460, 0x24FF), (0x2500, 0x257F), (0x2580, 0x259F), (0x25A0, 0x25FF),
    (0x2600, 0x26FF), (0x2700, 0x27BF), (0x3000, 0x303F), (0x3040, 0x30FF), (0x3200, 0x32FF),
    (0x3300, 0x33FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
]


def gb2312_hanzi():
    out = []
    for b1 in range(0xB0, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                out.append(ord(bytes([b1, b2]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return out


def face_number(path, family):
    # The face of a collection whose name table gives FAMILY (name id 1).
    for i in range(64):
        try:
            f = TTFont(path, fontNumber=i, lazy=True)
        except Exception:
            break
        if f["name"].getDebugName(1) == family:
            return i
    sys.exit("tools/fonts.py: no face %r in %s (is fonts-noto-cjk installed?)" % (family, path))


def make(out, face):
    coll, family, new_family, style = FACES[face]
    path = os.path.join(NOTO, coll)
    if not os.path.exists(path):
        sys.exit("tools/fonts.py: %s is missing: install fonts-noto-cjk (tools/deps.sh)" % path)
    ps = new_family.replace(" ", "") + "-" + style
    opts = subset.Options()
    opts.font_number = face_number(path, family)
    opts.layout_features = ["*"]
    opts.desubroutinize = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    font = subset.load_font(path, opts)
    unicodes = [c for lo, hi in RANGES for c in range(lo, hi + 1)] + gb2312_hanzi()
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    names = {1: new_family, 2: style, 3: ps, 4: new_family + ("" if style == "Regular" else " " + style),
             6: ps, 16: new_family, 17: style}
    table = font["name"]
    for rec in list(table.names):
        if rec.nameID in (16, 17, 21, 22):
            table.removeNames(nameID=rec.nameID)
    for rec in table.names:
        if rec.nameID in names:
            rec.string = names[rec.nameID]
    if "CFF " in font:
        font["CFF "].cff.fontNames = [ps]
    font.recalcTimestamp = False  # the same font from the same Noto, byte for byte
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(out)), suffix=".tmp")
    os.close(fd)
    try:
        font.save(tmp)
        os.chmod(tmp, 0o644)
        os.rename(tmp, out)
    except BaseException:
        os.unlink(tmp)
        raise


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[2] not in FACES:
        sys.exit("usage: tools/fonts.py OUT.otf {%s}" % "|".join(FACES))
    make(sys.argv[1], sys.argv[2])
