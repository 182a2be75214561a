#!/bin/sh
# Render tests for stylesheets/*.xsl (DESIGN §6).  For every document of samples/ that has a
# stylesheet: `slm render` must succeed, and the PDF must pass `qpdf --check`, embed every font
# (pdffonts), carry a title and pages (pdfinfo) and the footer "第 1 页 / 共" ("Page 1 of" in
# English).  Selected PDFs must contain key strings (pdftotext -layout): ids, titles, a service, the
# chart's target line, the SLA clock times, breaches.  Golden layout documents (render --layout) of
# a few documents show every stylesheet change in review: run with UPDATE=1 to rewrite them, then
# read the diff.  The fixture/ repository exercises the effective SLA (an additional SLA that adds
# and removes services, one signed but not yet effective, one draft) and the DRAFT watermark.
# $SLM is the slm binary.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/../lib/golden.sh"
samples=$top/samples
fixture=$here/fixture
golden_dir=$here/golden
asof=2025-11-30
out=$(mktemp -d "${TMPDIR:-/tmp}/slm-render.XXXXXX")
trap 'rm -rf "$out"' EXIT INT TERM

if ! "$SLM" render --help >/dev/null 2>&1; then
	echo "skipped: $SLM has no render command"
	exit 0
fi
for tool in qpdf pdffonts pdfinfo pdftotext; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "skipped: $tool is not installed (poppler-utils, qpdf)"
		exit 0
	fi
done
# the as-of date, when render takes it (time-dependent content: effective SLA, overdue actions)
asof_opt=
if "$SLM" render --help 2>&1 | grep -q -- '--as-of'; then
	asof_opt="--as-of $asof"
fi

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | head -20 | sed 's/^/     /'; }

# render FILE PDF: render one document to a PDF
render() {
	# shellcheck disable=SC2086
	"$SLM" render $asof_opt -o "$2" "$1" >"$out/render.log" 2>&1
}

# check_pdf NAME PDF LANG: the structural checks every PDF passes
check_pdf() {
	name=$1 pdf=$2 lang=$3
	if ! qpdf --check "$pdf" >"$out/qpdf.log" 2>&1; then
		bad "$name: qpdf --check" "$(cat "$out/qpdf.log")"
		return
	fi
	# pdffonts: two header lines, then one line per font; column "emb" must be "yes"
	notemb=$(pdffonts "$pdf" 2>&1 | awk 'NR > 2 && $(NF-4) != "yes"')
	if [ -n "$notemb" ]; then
		bad "$name: fonts not embedded" "$notemb"
		return
	fi
	title=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Title: *//p')
	pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	if [ -z "$title" ] || [ "${pages:-0}" -lt 1 ]; then
		bad "$name: pdfinfo title '$title', pages '$pages'"
		return
	fi
	pdftotext -layout "$pdf" "$pdf.txt" 2>/dev/null
	# pdftotext spaces text by its position: compare without white space
	tr -d ' \t' <"$pdf.txt" >"$pdf.nows"
	if [ "$lang" = en ]; then footer='Page1of'; else footer='第1页/共'; fi
	if ! grep -q "$footer" "$pdf.nows"; then
		bad "$name: no footer '$footer'"
		return
	fi
	ok "$name ($pages p.)"
}

# contains NAME PDF STRING...: the text of the PDF has every STRING (pdftotext -layout, white
# space ignored; a string may not span lines)
contains() {
	name=$1 pdf=$2
	shift 2
	missing=
	for s in "$@"; do
		grep -qF -- "$(printf '%s' "$s" | tr -d ' \t')" "$pdf.nows" || missing="$missing
'$s'"
	done
	if [ -n "$missing" ]; then bad "$name: text" "missing:$missing"; else ok "$name: text"; fi
}

# lacks NAME PDF STRING...: the text of the PDF has none of the STRINGs
lacks() {
	name=$1 pdf=$2
	shift 2
	found=
	for s in "$@"; do
		grep -qF -- "$(printf '%s' "$s" | tr -d ' \t')" "$pdf.nows" && found="$found
'$s'"
	done
	if [ -n "$found" ]; then bad "$name: text" "unexpected:$found"; else ok "$name: text"; fi
}

kind_of() { sed -n 's/.*<\([a-z]*\) xmlns="urn:slm:1".*/\1/p' "$1" | head -1; }

# ---------------------------------------------------------------- every sample document

# one run renders them all on all cores, and the nonconformity report: slm build mirrors samples/
# under $out/pdf
files=
for file in $(cd "$samples" && find . -name '*.xml' ! -name '.*' | sed 's|^\./||' | sort); do
	kind=$(kind_of "$samples/$file")
	[ -f "$top/stylesheets/$kind.xsl" ] && files="$files $file"
done
"$SLM" build --quiet --force --as-of "$asof" -o "$out/pdf" "$samples" >"$out/render.log" 2>&1
[ $? -le 1 ] || bad "slm build samples" "$(cat "$out/render.log")"
rendered=0
for file in $files; do
	pdf=$out/pdf/${file%.xml}.pdf
	if [ ! -s "$pdf" ]; then
		bad "render $file" "$(grep -F "$file" "$out/render.log")"
		continue
	fi
	rendered=$((rendered + 1))
	lang=zh
	grep -q 'xml:lang="en"' "$samples/$file" && lang=en
	check_pdf "$file" "$pdf" "$lang"
done
if [ "$rendered" -ge 90 ]; then ok "rendered $rendered sample documents"; else bad "only $rendered sample documents rendered"; fi

# ---------------------------------------------------------------- the reference repository

# ../shared/vocabulary (read-only, present in CI): every document renders, and its PDF passes
vocab=$top/../shared/vocabulary
if [ -d "$vocab" ]; then
	"$SLM" build --quiet --force --as-of "$asof" -o "$out/vocab" "$vocab" >"$out/vocab.log" 2>&1 ||
		bad "slm build ../shared/vocabulary" "$(cat "$out/vocab.log")"
	n=0
	for pdf in $(cd "$out/vocab" && find . -name '*.pdf' | sort); do
		n=$((n + 1))
		check_pdf "vocabulary/${pdf#./}" "$out/vocab/$pdf" zh
	done
	if [ "$n" -ge 30 ]; then ok "vocabulary: $n PDFs"; else bad "vocabulary: only $n PDFs"; fi
else
	echo "skipped: ../shared/vocabulary is absent"
fi

# ---------------------------------------------------------------- key strings

p() { echo "$out/pdf/${1%.xml}.pdf"; }

contains "bank/sla.xml" "$(p bank/sla.xml)" \
	SLA-BANK-2025 '东海农商银行数据库、网络与安全监控运维服务级别协议' '数据库运维' '网络运维' \
	'SLA-BANK-2025-A1' '附加服务级别协议' '服务抵扣' '¥ 92,000.00' '何建国' '陈志远' '第 1 页 / 共'
contains "bank/sla-a1.xml" "$(p bank/sla-a1.xml)" \
	SLA-BANK-2025-A1 '附加服务级别协议' 'SLA-BANK-2025' '2025年7月1日'
contains "bank/reports/2025-08.xml" "$(p bank/reports/2025-08.xml)" \
	RPT-BANK-2025-08 'SLA 目标 99.95%' 'SLA 目标 99.9%' 'INC-BANK-0817' '4 小时 45 分钟' '解决超时' '11 分钟'
contains "bank/reports/2025-05.xml" "$(p bank/reports/2025-05.xml)" \
	'INC-BANK-0503' '达标'
contains "catalog/catalog.xml" "$(p catalog/catalog.xml)" \
	'服务目录' '瀚云智维运维服务目录（2025 版）' '数据库运维' '¥ 50,000.00' '7×24' '5×8'
contains "hospital/contract-cloud.xml" "$(p hospital/contract-cloud.xml)" \
	CON-CLOUD-HOSP '支持合同' '弱于 SLA'
contains "hospital/ola-mw.xml" "$(p hospital/ola-mw.xml)" \
	OLA-MW-HOSP '中间件运维组' '周一至周五 09:00–18:00' '每日 08:00–20:00'
contains "hospital/reviews/2025-Q2.xml" "$(p hospital/reviews/2025-Q2.xml)" \
	REV-HOSP-2025-Q2 'RPT-HOSP-2024-04' '未找到该文档'
contains "insurer/reviews/2025-Q2.xml" "$(p insurer/reviews/2025-Q2.xml)" \
	'A-INS-Q2-1' '已逾期' '唐晓峰'
contains "bank/proposal.xml" "$(p bank/proposal.xml)" \
	PROP-BANK-2025 '运维项目建议书' 'RES-BANK-MON' '¥ 1,560,000.00' '唐晓峰'
contains "retail/termination.xml" "$(p retail/termination.xml)" \
	TERM-RETAIL-2025 '释放清单' '基础架构释放' '人力资源释放' '供应商释放' 'RES-RETAIL-ONSITE' \
	'¥ 114,600.00' '归档清单'
contains "mueller/sla.xml" "$(p mueller/sla.xml)" \
	SLA-MUELLER-2025 'Service Level Agreement' 'Managed hosting' 'Page 1 of' '€ 9,200.00' \
	'Katrin Vogel' 'Signatures'
lacks "mueller/sla.xml (English)" "$(p mueller/sla.xml)" '服务级别协议' '第 1 页'
contains "mueller/reports/2025-10.xml" "$(p mueller/reports/2025-10.xml)" \
	RPT-MUELLER-2025-10 'SLA target 99.9%' 'INC-MUE-1025' '2 h 10 min' '18 min' 'Incidents'
lacks "bank/sla.xml (signed: no watermark)" "$(p bank/sla.xml)" '草稿'
# the samples' calendar is named "中国大陆工作日历 2025" and has 2025 and 2026 data: a 2025–2026 SLA
# does not claim 2025 for its calendar, a 2025 one may (the layout goldens show the whole sentence;
# pdftotext breaks it after the name)
contains "bank/sla.xml (calendar)" "$(p bank/sla.xml)" '（CN，Asia/Shanghai；节假日数据：2025–2026）'
lacks "bank/sla.xml (calendar)" "$(p bank/sla.xml)" '2025（CN，' '中国大陆工作日历 2025'
contains "insurer/sla.xml (calendar)" "$(p insurer/sla.xml)" '2025（CN，Asia/Shanghai；节假日数据：2025–2026）'

# ---------------------------------------------------------------- calendars that do not cover

# tests/rules/calendar-uncovered: a 2025-12..2026-11 SLA on a 2025 calendar (fires) and on one with
# 2026 (clean).  The 2026 Spring Festival incident is no 50-hour breach: without 2026 data its clock
# is not computed (—, 无法计算); with it, it took 10 hours.  Neither PDF calls the calendar "2025".
for c in fires clean; do
	cr=$top/tests/rules/calendar-uncovered/$c
	for f in reports/2026-02 sla; do
		if "$SLM" render --as-of 2026-03-20 --repository "$cr" -o "$out/cal-$c-${f#*/}.pdf" "$cr/retail/$f.xml" >"$out/render.log" 2>&1; then
			check_pdf "calendar-uncovered/$c/$f.xml" "$out/cal-$c-${f#*/}.pdf" zh
		else
			bad "render calendar-uncovered/$c/$f.xml" "$(cat "$out/render.log")"
		fi
	done
	lacks "calendar-uncovered/$c/sla.xml (calendar)" "$out/cal-$c-sla.pdf" '2025（CN，' '中国大陆工作日历 2025'
done
contains "calendar-uncovered/fires/sla.xml (calendar)" "$out/cal-fires-sla.pdf" '（CN，Asia/Shanghai；节假日数据：2025）'
contains "calendar-uncovered/fires/reports/2026-02.xml" "$out/cal-fires-2026-02.pdf" 'INC-RETAIL-0213' '无法计算'
lacks "calendar-uncovered/fires/reports/2026-02.xml" "$out/cal-fires-2026-02.pdf" '50 小时' '解决超时'
contains "calendar-uncovered/clean/reports/2026-02.xml" "$out/cal-clean-2026-02.pdf" 'INC-RETAIL-0213' '10 小时' '达标'

# ---------------------------------------------------------------- fixture: effective SLA, draft

if render "$fixture/sla.xml" "$out/fixture-sla.pdf"; then
	check_pdf "fixture/sla.xml" "$out/fixture-sla.pdf" zh
else
	bad "render fixture/sla.xml" "$(cat "$out/render.log")"
fi
if [ -f "$out/fixture-sla.pdf.nows" ]; then
	contains "fixture/sla.xml (effective SLA)" "$out/fixture-sla.pdf" \
		'甲服务' '丙服务' '已停止的服务' 'SLA-T-A1' 'SLA-T-A2' 'SLA-T-A3' '¥ 1,300.50'
fi
if render "$fixture/sla-draft.xml" "$out/fixture-draft.pdf"; then
	check_pdf "fixture/sla-draft.xml" "$out/fixture-draft.pdf" zh
else
	bad "render fixture/sla-draft.xml" "$(cat "$out/render.log")"
fi

# the watermark is in the layout (its drawing may not be text in the PDF)
layout() {
	# shellcheck disable=SC2086
	"$SLM" render --layout $asof_opt -o "$2" "$1" >"$out/render.log" 2>&1
}
if layout "$fixture/sla-draft.xml" "$out/draft.layout.xml" && grep -q '<watermark>草稿</watermark>' "$out/draft.layout.xml"; then
	ok "fixture/sla-draft.xml: 草稿 watermark"
else
	bad "fixture/sla-draft.xml: no 草稿 watermark" "$(cat "$out/render.log")"
fi
if layout "$samples/bank/sla.xml" "$out/bank.layout.xml" && ! grep -q '<watermark' "$out/bank.layout.xml"; then
	ok "bank/sla.xml: signed, no watermark"
else
	bad "bank/sla.xml: watermark on a signed agreement" "$(cat "$out/render.log")"
fi

# ---------------------------------------------------------------- identical input, identical bytes

if render "$samples/bank/reports/2025-08.xml" "$out/again.pdf" &&
	cmp -s "$out/again.pdf" "$(p bank/reports/2025-08.xml)"; then
	ok "byte-identical PDF for identical input (render and build)"
else
	bad "two renderings of bank/reports/2025-08.xml differ"
fi

# ---------------------------------------------------------------- nonconformity report

# slm build renders check.xml (slm check --format xml) through stylesheets/nonconformity.xsl
if [ -s "$out/pdf/nonconformity.pdf" ]; then
	check_pdf "nonconformity.pdf" "$out/pdf/nonconformity.pdf" zh
	contains "nonconformity.pdf" "$out/pdf/nonconformity.pdf" '不合格报告' '错误 7 项，警告 1 项' \
		'release-incomplete' 'retail/termination.xml' 'hours-gap' 'renewal-notice' '警告' \
		'INC-BANK-0817' '定期检查/回顾服务级别协议执行情况'
else
	bad "slm build wrote no nonconformity.pdf" "$(cat "$out/render.log")"
fi

# ---------------------------------------------------------------- golden layouts

# golden_layout NAME FILE: the layout document of FILE equals golden/NAME.layout.xml
golden_layout() {
	golden "layout $1" "$golden_dir/$1.layout.xml" "$top" sh -c \
		'"$0" render --layout $1 -o "$2" "$3" >/dev/null && cat "$2"' "$SLM" "$asof_opt" "$out/$1.layout.xml" "$2"
}
mkdir -p "$golden_dir"
golden_layout sla-bank samples/bank/sla.xml
golden_layout report-bank-2025-08 samples/bank/reports/2025-08.xml
golden_layout termination-retail samples/retail/termination.xml
golden_layout sla-fixture tests/stylesheets/fixture/sla.xml
golden_layout sla-mueller samples/mueller/sla.xml

# the nonconformity report of a fixed check result (diagnostics.xml), when render takes an XML
# that is not an agreement with an explicit stylesheet
golden "layout nonconformity" "$golden_dir/nonconformity.layout.xml" "$top" sh -c \
	'"$0" render --layout $1 --stylesheet stylesheets/nonconformity.xsl --repository samples -o "$2" "$3" >/dev/null && cat "$2"' \
	"$SLM" "$asof_opt" "$out/nc.layout.xml" tests/stylesheets/diagnostics.xml

# what render reads of the repository: an SLA that nothing names yet still has its effective
# version (slm:clock needs it), and a report sees the earlier reports of its SLA (slm:referring)
repo=$out/reach
cp -r "$samples" "$repo"
sed 's/id="SLA-BANK-2025"/id="SLA-BANK-NEW"/; s/requirements="REQ-BANK-2025"/requirements="REQ-NONE"/' "$samples/bank/sla.xml" >"$repo/bank/sla-new.xml"
cat >"$out/reach.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:s="urn:slm:1"
  xmlns:slm="urn:slm:xslt:1" xmlns="urn:slm:layout:1" extension-element-prefixes="slm">
  <xsl:template match="/*">
    <document lang="en"><meta title="t" date="2025-01-01"/>
      <p>clock=<xsl:value-of select="slm:clock(string(@id), 'SVC-DB', '2025-03-03T09:00:00+08:00', '2025-03-03T10:30:00+08:00')"/></p>
      <p>reports=<xsl:value-of select="count(slm:referring('report', 'sla', string(@id)))"/></p>
    </document>
  </xsl:template>
</xsl:stylesheet>
XSL
for f in sla-new.xml:0 sla.xml:$(grep -l 'sla="SLA-BANK-2025"' "$repo"/bank/reports/*.xml | wc -l | tr -d ' '); do
	n=${f#*:} f=${f%:*}
	if "$SLM" render --layout --stylesheet "$out/reach.xsl" -o "$out/reach-$f" "$repo/bank/$f" >"$out/render.log" 2>&1 &&
		grep -q 'clock=5400<' "$out/reach-$f" && grep -q "reports=$n<" "$out/reach-$f"; then
		ok "render reads what bank/$f reaches: its effective SLA, the $n reports of the SLA"
	else
		bad "render reads what bank/$f reaches" "$(cat "$out/render.log" "$out/reach-$f" 2>/dev/null)"
	fi
done

# ---------------------------------------------------------------- runaway stylesheets

# a stylesheet stopped by one of slm's bounds says which bound, on which document, and where in
# which stylesheet (limits/NAME.xsl; the message is limits/NAME.expected); no PDF is left
for xsl in "$here"/limits/*.xsl; do
	n=$(basename "$xsl" .xsl)
	golden "limit $n" "$here/limits/$n.expected" "$top" \
		"$SLM" render --as-of "$asof" --stylesheet "tests/stylesheets/limits/$n.xsl" \
		-o "$out/limit-$n.pdf" tests/stylesheets/fixture/sla.xml
	if [ -e "$out/limit-$n.pdf" ]; then bad "limit $n: a PDF was left"; else ok "limit $n: no PDF"; fi
done

# ---------------------------------------------------------------- 1,000 services

# an SLA of 1,000 services (and a catalog that offers them) renders within slm's bounds: heading
# numbers and catalog lookups are linear (they ran into the XPath operation limit), and every
# service has its numbered heading, 2.4 to 2.1003 after the three of bank/sla.xml, in the table of
# contents and in the text
big=$out/big
cp -r "$samples" "$big"
awk '/<service id="SVC-DB"/ && !done {
	for (i = 1; i <= 1000; i++)
		printf "  <service id=\"SVC-G%04d\" category=\"database\">\n    <name>生成服务 %d</name>\n    <offer tier=\"1\" price=\"100\" per=\"P1M\"><availability target=\"99.9\"/></offer>\n  </service>\n", i, i
	done = 1
} { print }' "$samples/catalog/catalog.xml" >"$big/catalog/catalog.xml"
awk '/<reporting / && !done {
	for (i = 1; i <= 1000; i++)
		printf "  <service ref=\"SVC-G%04d\" tier=\"1\">\n    <availability target=\"99.9\"/>\n    <response priority=\"P1\" within=\"PT15M\"/><resolution priority=\"P1\" within=\"PT4H\"/>\n  </service>\n", i
	done = 1
} { print }' "$samples/bank/sla.xml" >"$big/bank/sla.xml"
if render "$big/bank/sla.xml" "$out/big.pdf"; then
	ok "an SLA of 1,000 services renders"
	pdftotext "$out/big.pdf" - | grep -E '^2\.[0-9]+ 生成服务 [0-9]+（SVC-G[0-9]{4}）$' >"$out/big.headings"
	n=$(wc -l <"$out/big.headings")
	wrong=$(awk '{ split($1, a, "."); if (a[2] != $3 + 3) print }' "$out/big.headings" | head -3)
	if [ "$n" = 2000 ] && [ "$(sort -u "$out/big.headings" | wc -l)" = 1000 ] && [ -z "$wrong" ]; then
		ok "1,000 services: each heading numbered in order, in the contents and the text"
	else
		bad "1,000 services: $n headings (2,000 expected)" "$wrong"
	fi
else
	bad "an SLA of 1,000 services renders" "$(cat "$out/render.log")"
fi

finish
