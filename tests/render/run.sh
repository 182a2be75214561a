#!/bin/sh
# Render suite: builds the test driver (tests/render/render_layout.c + the pdf_* modules), renders
# every layout under tests/render/layouts/ and reads the PDFs back with poppler-utils and qpdf:
# text in reading order, fonts embedded and subset, metadata, outline, repeated table headers,
# watermark, page numbers, byte-identical reruns, refused images, bounded work on hostile input.
#
#   tests/render/run.sh            normal build (-O2)
#   SAN=1 tests/render/run.sh      the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   VALGRIND=1 tests/render/run.sh also runs two layouts under valgrind --leak-check=full
#
# Needs: cc, pkg-config, libxml2/glib/pango/cairo/fontconfig headers, fonts-noto-cjk,
# poppler-utils (pdftotext pdfinfo pdffonts pdfimages), qpdf; valgrind for VALGRIND=1.
set -u
cd "$(dirname "$0")/../.." || exit 2
export LC_ALL=C.UTF-8 TZ=UTC
R=tests/render
L=$R/layouts
T=$(mktemp -d "${TMPDIR:-/tmp}/slm-render.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }
check() { # check DESCRIPTION COMMAND...
	d=$1; shift
	if "$@"; then ok "$d"; else bad "$d"; fi
}

for tool in pdftotext pdfinfo pdffonts pdfimages qpdf pkg-config; do
	command -v $tool >/dev/null || { echo "FAIL missing $tool (apt-get install poppler-utils qpdf)"; exit 1; }
done

# ---- build ------------------------------------------------------------------------------------
PKGS="libxml-2.0 glib-2.0 pangocairo cairo fontconfig"
FLAGS="-O2 -g"
[ "${SAN:-}" = 1 ] && FLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all"
# pango, fontconfig and GLib keep caches for the life of the process: leak checking is valgrind's
# job here (with its suppressions), ASan checks memory errors
export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1
# shellcheck disable=SC2046,SC2086
${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L $FLAGS -Wall -Wextra -Werror -Ipipeline \
	-DSLM_VERSION='"test"' $(pkg-config --cflags $PKGS) -o "$T/render_layout" $R/render_layout.c \
	pipeline/pdf_module.c pipeline/pdf_typeset.c pipeline/pdf_draw.c pipeline/pdf_chart.c \
	pipeline/paginate.c pipeline/linebreak.c pipeline/diag.c $(pkg-config --libs $PKGS) -lm || { echo "FAIL build"; exit 1; }
ok "build render_layout${SAN:+ (sanitizers)}"

render() { # render NAME [driver options]: $T/NAME.pdf, stderr in $T/NAME.err
	n=$1; shift
	"$T/render_layout" "$@" schemas/layout.xsd "$L/$n.xml" "$T/$n.pdf" 2>"$T/$n.err"
}
info() { pdfinfo "$T/$1.pdf" | sed -n "s/^$2: *//p"; }
pages() { info "$1" Pages; }
page_text() { pdftotext -f "$2" -l "$2" "$T/$1.pdf" -; }

# ---- every layout: renders, valid PDF, fonts embedded and subset, byte-identical rerun ----------
for f in $L/*.xml; do
	n=$(basename "$f" .xml)
	case $n in bad-*) continue ;; esac
	if ! render "$n"; then bad "$n: renders"; cat "$T/$n.err"; continue; fi
	ok "$n: renders ($(pages "$n") pages)"
	check "$n: qpdf --check" sh -c "qpdf --check '$T/$n.pdf' >/dev/null 2>&1"
	pdffonts "$T/$n.pdf" | tail -n +3 >"$T/$n.fonts"
	check "$n: fonts present" test -s "$T/$n.fonts"
	check "$n: every font embedded and subset" \
		sh -c "awk '{ if (\$(NF-4) != \"yes\" || \$(NF-3) != \"yes\") bad = 1 } END { exit bad }' '$T/$n.fonts'"
	check "$n: only slm's Noto subsets (no fallback font, no tofu source)" sh -c "! grep -qv '+slm' '$T/$n.fonts'"
	cp "$T/$n.pdf" "$T/$n.first.pdf"
	render "$n" && check "$n: byte-identical rerun" cmp -s "$T/$n.pdf" "$T/$n.first.pdf"
done

# ---- short-zh: exact text in reading order, metadata ------------------------------------------
check "short-zh: text in reading order" sh -c "pdftotext -raw '$T/short-zh.pdf' - | cmp -s - $R/expected/short-zh.txt"
check "short-zh: Title" test "$(info short-zh Title)" = "服务级别协议确认函"
check "short-zh: Author" test "$(info short-zh Author)" = "服务级别管理部"
check "short-zh: Subject" test "$(info short-zh Subject)" = "SLA-BANK-001 确认"
check "short-zh: Creator" test "$(info short-zh Creator)" = "slm"
check "short-zh: Pages" test "$(pages short-zh)" = 1
check "short-zh: CreationDate from meta date" sh -c "pdfinfo -isodates '$T/short-zh.pdf' | grep -q 'CreationDate: *2025-03-01T00:00:00'"
check "short-zh: clickable mailto link" grep -aq "/URI (mailto:sd@example.com)" "$T/short-zh.pdf"
render short-zh --date 2024-02-03T04:05:06Z
check "short-zh: --date sets CreationDate" sh -c "pdfinfo -isodates '$T/short-zh.pdf' | grep -q 'CreationDate: *2024-02-03T04:05:06'"

# ---- contract-zh: long Chinese document, TOC, outline, watermark, running footer, signatures ----
n=contract-zh
np=$(pages $n)
check "$n: 6+ pages ($np)" test "$np" -ge 6
check "$n: Title" test "$(info $n Title)" = "核心业务系统运维服务级别协议"
check "$n: TOC drawn on page 2" sh -c "pdftotext -f 2 -l 2 '$T/$n.pdf' - | grep -q '^目录'"
check "$n: TOC lists chapter 1 with its page" sh -c "pdftotext -layout -f 2 -l 2 '$T/$n.pdf' - | grep -Eq '第一章 +总则 +[0-9]+'"
wm=0 foot=0
p=1
while [ $p -le "$np" ]; do
	# rotated text comes out one character a line
	page_text $n $p | grep -q "草" && page_text $n $p | grep -q "稿" && wm=$((wm + 1))
	page_text $n $p | grep -q "第 $p 页 / 共 $np 页" && foot=$((foot + 1))
	p=$((p + 1))
done
check "$n: watermark on every page ($wm/$np)" test $wm = "$np"
check "$n: 第 N 页 / 共 M 页 on every page ($foot/$np)" test $foot = "$np"
qpdf --json --json-key=outlines "$T/$n.pdf" >"$T/$n.outline.json" 2>/dev/null
check "$n: outline has h1" grep -q '"title": "第一章　总则"' "$T/$n.outline.json"
check "$n: outline has h2" grep -q '"title": "1.1　总则之一"' "$T/$n.outline.json"
check "$n: outline has h3" grep -q '"title": "1.1.1　细则"' "$T/$n.outline.json"
check "$n: bookmark=false stays out" sh -c "! grep -q '\"title\": \"签署\"' '$T/$n.outline.json'"
# nesting: qpdf indents kids deeper than their parent
indent() { grep "\"title\": \"$1\"" "$T/$n.outline.json" | head -1 | sed 's/[^ ].*//' | wc -c; }
check "$n: outline nested by level (h1 < h2 < h3)" \
	test "$(indent '第一章　总则')" -lt "$(indent '1.1　总则之一')" -a "$(indent '1.1　总则之一')" -lt "$(indent '1.1.1　细则')"
check "$n: four signature boxes" test "$(pdftotext -raw "$T/$n.pdf" - | grep -c '^签字：')" = 4
check "$n: no line starts with closing punctuation" sh -c "! pdftotext -raw '$T/$n.pdf' - | grep -q '^[，。、；：？！）」』】》〉”’]'"

# ---- table-3pages: header row on each page, every row exactly once ------------------------------
n=table-3pages
check "$n: 3 pages" test "$(pages $n)" = 3
for p in 1 2 3; do
	check "$n: header row on page $p" sh -c "pdftotext -f $p -l $p '$T/$n.pdf' - | grep -q '事件编号'"
done
check "$n: each of the 72 rows once" test "$(pdftotext "$T/$n.pdf" - | grep -c '^INC-00[0-9][0-9]$')" = 72

# ---- report-en: English, letter, chart, image, links ------------------------------------------
n=report-en
check "$n: Title" test "$(info $n Title)" = "Service Report, October 2025"
check "$n: Subject" test "$(info $n Subject)" = "Monthly service report for SLA-BANK-001"
check "$n: letter size" sh -c "pdfinfo '$T/$n.pdf' | grep -q 'Page size: *612 x 792'"
check "$n: Page N of M" sh -c "pdftotext -f 1 -l 1 '$T/$n.pdf' - | grep -q 'Page 1 of $(pages $n)'"
check "$n: chart target label" sh -c "pdftotext '$T/$n.pdf' - | grep -q 'SLA target 99.95%'"
check "$n: chart legend and axis" sh -c "pdftotext '$T/$n.pdf' - | grep -q 'Online banking' && pdftotext '$T/$n.pdf' - | grep -q '^Oct$'"
check "$n: image embedded" test "$(pdfimages -list "$T/$n.pdf" | tail -n +3 | wc -l)" -ge 1
check "$n: clickable https link" grep -aq "/URI (https://example.com/slm/docs)" "$T/$n.pdf"
check "$n: clickable link in a table cell" grep -aq "/URI (https://example.com/noc/dashboards)" "$T/$n.pdf"
check "$n: long word wrapped in its cell" sh -c "pdftotext -raw '$T/$n.pdf' - | grep -q 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"

# ---- chart-axis: axis labels are the multiples of a round step inside the axis ------------------
n=chart-axis
axis_text() { pdftotext -raw "$T/$n.pdf" - | tr '\n' ' ' | grep -qF -- "$1"; }
check "$n: fixed ends 99.25..100 in steps of 0.25" axis_text '% A 99.25 99.50 99.75 100.00 Jan'
check "$n: ends from the data, 0..40 in tens" axis_text 'ms B 0 10 20 30 40 Q1'
check "$n: bars from zero to a fixed 7" axis_text 'incidents P1 0 1 2 3 4 5 6 7 Q1'

# ---- nonchar: noncharacters are written as "?" -----------------------------------------------
n=nonchar
check "$n: the text reads back with ? for each noncharacter" sh -c "pdftotext '$T/$n.pdf' - | grep -q '核心?数据库的监控?与?备份'"

# ---- toc-short: no TOC under four pages, A4 landscape ------------------------------------------
n=toc-short
check "$n: no TOC in a short document" sh -c "! pdftotext '$T/$n.pdf' - | grep -q '^目录$'"
check "$n: page break kept" test "$(pages $n)" = 2
check "$n: A4 landscape" sh -c "pdfinfo '$T/$n.pdf' | grep -q 'Page size: *841.89 x 595.276'"

# ---- refused images: error, no PDF left -------------------------------------------------------
for n in bad-image-outside bad-image-format; do
	render $n
	rc=$?
	check "$n: fails with status 1" test $rc = 1
	check "$n: no partial PDF" test ! -e "$T/$n.pdf"
done
check "bad-image-outside: says why" grep -q "outside the resource folder" "$T/bad-image-outside.err"
check "bad-image-format: says why" grep -q "not a PNG" "$T/bad-image-format.err"

# ---- images that are not regular files: refused at once with what they are, never a hang on a
# FIFO, an endless read of a device or a read of a file past the size bound
image_doc() { # image_doc NAME SRC: $T/NAME.xml draws SRC
	printf '<document xmlns="urn:slm:layout:1"><meta title="t"/><image src="%s"/></document>\n' "$2" >"$T/$1.xml"
}
mkfifo "$T/fifo.png"
truncate -s 33M "$T/huge.png"
image_doc img-fifo fifo.png
image_doc img-device /dev/zero
image_doc img-huge huge.png
image_doc img-folder .
for n in img-fifo img-device img-huge img-folder; do
	root=$T
	[ $n = img-device ] && root=/
	timeout 20 "$T/render_layout" --root "$root" schemas/layout.xsd "$T/$n.xml" "$T/$n.pdf" 2>"$T/$n.err"
	rc=$?
	check "$n: fails with status 1 (was $rc)" test $rc = 1
	check "$n: no partial PDF" test ! -e "$T/$n.pdf"
done
msg() { test "$(cat "$T/$1.err")" = "$T/$1.xml:0: error: <image src=\"$2\">: $3 [render]"; }
check "img-fifo: says it is a FIFO" msg img-fifo fifo.png "a FIFO; images must be regular files"
check "img-device: says it is a device" msg img-device /dev/zero "a device; images must be regular files"
check "img-huge: says it is too big" msg img-huge huge.png "34603008 bytes, more than slm's limit of 32 MB"
check "img-folder: says it is a folder" msg img-folder . "a folder; images must be regular files"

# ---- a write that fails midway (a full disk; here the file size limit, EFBIG): a clear error, no
# abort (cairo 1.16 asserted when handed a write error about 40% into contract-zh, and finished
# "successfully" with a truncated file past 43%), no PDF left.  SIGXFSZ is ignored so that write()
# fails instead of the process being killed.
if command -v prlimit >/dev/null; then
	full=$(wc -c <"$T/contract-zh.pdf")
	for pct in 2 20 39 40 41 44 60 95; do
		lim=$((full * pct / 100))
		sh -c "trap '' XFSZ; exec prlimit --fsize=$lim '$T/render_layout' schemas/layout.xsd '$L/contract-zh.xml' '$T/cut.pdf'" 2>"$T/cut.err"
		rc=$?
		check "write cut at $pct% of the PDF: exit 1 (was $rc)" test $rc = 1
		check "write cut at $pct%: says why" \
			test "$(cat "$T/cut.err")" = "$T/cut.pdf:0: fatal error: cannot write the PDF: File too large [io-error]"
		check "write cut at $pct%: no PDF left" test ! -e "$T/cut.pdf"
	done
	SLM=${SLM:-./slm}
	mkdir "$T/cut"
	sh -c "trap '' XFSZ; exec prlimit --fsize=40000 '$SLM' render --as-of 2025-11-30 -o '$T/cut/' samples/bank/sla.xml" 2>"$T/cut.err"
	rc=$?
	check "slm render, write cut: exit 2 (was $rc)" test $rc = 2
	check "slm render, write cut: says why" \
		test "$(cat "$T/cut.err")" = "$T/cut/sla.pdf: fatal error: cannot write the PDF: File too large [io-error]"
	check "slm render, write cut: no PDF, no temporary file" test -z "$(ls -A "$T/cut")"
else
	echo "skip write cut midway: no prlimit (util-linux)"
fi

# ---- hostile layouts: bounded work ------------------------------------------------------------
hostile() { # hostile NAME: writes $L-independent layouts into $T
	{
		echo '<document xmlns="urn:slm:layout:1"><meta title="hostile"/>'
		case $1 in
		rows10k)
			echo '<table widths="1* 2* 1* 1*"><head><row><cell>n</cell><cell>text</cell><cell>a</cell><cell>b</cell></row></head><body>'
			awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "<row><cell>%d</cell><cell>row %d of a long table</cell><cell>x</cell><cell>y</cell></row>\n", i, i }'
			echo '</body></table>' ;;
		bigtext)
			printf '<p>'; awk 'BEGIN { for (i = 0; i < 20000; i++) printf "服务级别协议文本内容重复出现五十字节。" }'; echo '</p>'
			printf '<table widths="1* 1*"><body><row><cell>'; awk 'BEGIN { for (i = 0; i < 20000; i++) printf "cellcellcellcellcellcellcellcellcellcellcellcellcell" }'
			echo '</cell><cell>short</cell></row></body></table>' ;;
		esac
		echo '</document>'
	} >"$T/$1.xml"
}
for n in rows10k bigtext; do
	hostile $n
	start=$(date +%s.%N)
	timeout 120 "$T/render_layout" schemas/layout.xsd "$T/$n.xml" "$T/$n.pdf" 2>"$T/$n.err"
	rc=$?
	secs=$(echo "$(date +%s.%N) - $start" | bc 2>/dev/null || echo "?")
	check "$n: renders in bounded time (${secs}s, $(pdfinfo "$T/$n.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages)" test $rc = 0
	check "$n: qpdf --check" sh -c "qpdf --check '$T/$n.pdf' >/dev/null 2>&1"
done
check "rows10k: every row drawn" sh -c "pdftotext -raw '$T/rows10k.pdf' - | grep -q '^10000 row 10000 of a long table'"
check "bigtext: the cut is reported" grep -q "cut" "$T/bigtext.err"
check "bigtext: the cut is marked in the PDF" sh -c "pdftotext '$T/bigtext.pdf' - | grep -q '已截断'"

# ---- every glyph drawn: cairo 1.16 subsets 如 of Noto Sans CJK (with its CFF subroutines) as an
# empty glyph when it is alone in a small subset; slm's fonts have no subroutines (tools/fonts.py).
# Ink must be there.
cat >"$T/ru.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:slm:layout:1" lang="zh"><meta title="t" date="2025-01-01"/><p>如</p></document>
XML
"$T/render_layout" schemas/layout.xsd "$T/ru.xml" "$T/ru.pdf" 2>"$T/ru.err"
pdftoppm -gray -r 150 -singlefile -x 120 -y 120 -W 120 -H 80 "$T/ru.pdf" "$T/ru"
dark=$(tail -c 9600 "$T/ru.pgm" | od -An -tu1 -v | tr -s ' ' '\n' | awk '$1 != "" && $1 < 160' | wc -l)
check "如 is drawn (dark pixels: $dark)" test "$dark" -gt 40

# ---- a character beyond slm's subsets (镕 and 喆 are not in GB 2312) comes from the whole Noto face
cat >"$T/beyond.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:slm:layout:1" lang="zh"><meta title="t" date="2025-01-01"/><p>朱镕基与张喆</p></document>
XML
"$T/render_layout" schemas/layout.xsd "$T/beyond.xml" "$T/beyond.pdf" 2>"$T/beyond.err"
check "beyond the subset: the text reads back" sh -c "pdftotext '$T/beyond.pdf' - | tr -d ' ' | grep -q '朱镕基与张喆'"
check "beyond the subset: drawn from the embedded Noto Sans CJK" \
	sh -c "pdffonts '$T/beyond.pdf' | grep -q '+NotoSansCJKsc-Regular .* yes yes yes'"

# ---- valgrind: nothing of slm's leaks ---------------------------------------------------------
if [ "${VALGRIND:-}" = 1 ] && [ "${SAN:-}" != 1 ]; then
	for n in contract-zh report-en; do
		valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 \
			--suppressions=$R/valgrind.supp "$T/render_layout" schemas/layout.xsd "$L/$n.xml" \
			"$T/$n.vg.pdf" 2>"$T/$n.vg"
		check "$n: valgrind clean (no definite leak, no error)" test $? = 0 ||
			grep -A12 "definitely lost\|Invalid" "$T/$n.vg" | head -40
	done
fi

[ $fail = 0 ] && echo "render suite passed" || echo "RENDER SUITE FAILED"
exit $fail
