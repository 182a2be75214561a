#!/usr/bin/env bash
# slm benchmark: `bench/run.sh [SIZE...]` (default 2000 20000 100000), run by `make bench BENCH_SIZES="…"`.
#
# For each size, generates (or reuses) a repository of about SIZE documents with tools/gen/slm-gen,
# then times, in one hyperfine run per group of rows so that ratios compare like with like:
#   check group:  xmllint --schema on every file (the floor that libxml2 itself sets), slm validate,
#                 slm check, and slm build with nothing changed (after a first build, timed once);
#   render group: slm render of N SLAs (one process for all, one process per document) against
#                 Apache FOP on the same content (bench/layout2fo.xsl: one JVM per document, and
#                 FOP's batch, its Ant task, one JVM for all).
# Prints one table (medians, time per document, ratio to the base row, peak RSS, RSS/input) and
# writes out/bench.json. A command that is missing or fails (exit >= 2, signal, timeout) shows n/a;
# the table still prints. Method and JSON fields: bench/README.md.
set -eu

cd "$(dirname "$0")/.."

SLM=${SLM:-./slm}
GEN=${GEN:-tools/gen/slm-gen}
FOP=${FOP:-fop}
ANT=${ANT:-ant}
SEED=${BENCH_SEED:-1}
AS_OF=${BENCH_AS_OF:-2025-11-30}
SCHEMA=schemas/slm.xsd
OUT=out/bench
JSON=out/bench.json
PROBE_TIMEOUT=${BENCH_TIMEOUT:-900}
RENDER_DOCS=${BENCH_RENDER_DOCS:-20}      # SLAs rendered by slm and by FOP; 0: no render rows
RENDER_RUNS=${BENCH_RENDER_RUNS:-3}       # timed runs of the render group (its probe warms up)
BUILD=${BENCH_BUILD:-1}                   # 0: no build rows
BUILD_TIMEOUT=${BENCH_BUILD_TIMEOUT:-5400} # the first build of a large repository takes long
# The first build renders only these kinds (and the nonconformity report): every kind ("all") is
# 17,519 PDFs at 20,000 documents (846 s on 2 cores before slm's font subsets); these three 3,738
# PDFs, 71 s. A build with nothing changed reads every input whatever the set, and its record of
# the last build, which grows with the PDFs (bench/README.md).
BUILD_KINDS=${BENCH_BUILD_STYLESHEETS-sla ola contract}
[ "$BUILD_KINDS" = all ] && BUILD_KINDS=""
BUILD_FRESH=${BENCH_BUILD_FRESH:-}        # 1: redo the first build even when it is recorded

SIZES="${*:-2000 20000 100000}"
# The build rows and the render group run at these sizes only (of those benchmarked): the first
# build of 100,000 documents takes most of an hour, and FOP's rows take minutes at every size.
BUILD_SIZES=${BENCH_BUILD_SIZES-20000}
RENDER_SIZES=${BENCH_RENDER_SIZES-$SIZES}
in_list() { case " $2 " in *" $1 "*) return 0 ;; esac; return 1; }

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 2; }

for s in $SIZES; do
	case $s in '' | *[!0-9]*) die "size '$s' is not a number of documents" ;; esac
	[ "$s" -ge 1 ] || die "size '$s' must be at least 1"
done
for v in "$RENDER_DOCS" "$RENDER_RUNS" "$BUILD"; do
	case $v in '' | *[!0-9]*) die "BENCH_RENDER_DOCS, BENCH_RENDER_RUNS and BENCH_BUILD take numbers" ;; esac
done
[ "$RENDER_RUNS" -ge 1 ] || RENDER_RUNS=1
command -v xmllint >/dev/null || die "xmllint not found (Debian package libxml2-utils)"
[ -f "$SCHEMA" ] || die "$SCHEMA not found: run from an slm checkout"
mkdir -p "$OUT"

# The generator: built with the Makefile's command when missing or older than its source.
if [ ! -x "$GEN" ] || [ tools/gen/slm-gen.c -nt "$GEN" ]; then
	say "building $GEN"
	cc -std=c11 -O2 -Wall -Wextra -Werror -o "$GEN" tools/gen/slm-gen.c || die "cannot build $GEN"
fi
GEN_SUM=$(sha256sum "$GEN" | cut -d' ' -f1)

HAVE_HYPERFINE=0
[ -z "${BENCH_NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null && HAVE_HYPERFINE=1
HAVE_TIME=0
[ -x /usr/bin/time ] && HAVE_TIME=1
HAVE_TIMEOUT=0
command -v timeout >/dev/null && HAVE_TIMEOUT=1
HAVE_XSLTPROC=0
command -v xsltproc >/dev/null && HAVE_XSLTPROC=1
HAVE_PDFINFO=0
command -v pdfinfo >/dev/null && HAVE_PDFINFO=1

# Batches of about 1 MiB of file names: few xmllint processes (each compiles the schema once),
# well under the kernel's argument limit.
ARG_MAX=$(getconf ARG_MAX 2>/dev/null || echo 131072)
XARGS_S=$((ARG_MAX / 2))
[ "$XARGS_S" -gt 1048576 ] && XARGS_S=1048576

# ------------------------------------------------------------------------------------------------
# Rows. Each row: a name, a label for the table, the name of the row it is compared to (ratio),
# the group it is timed with (one hyperfine run per group and size; the base must be in the same
# group), what it works on (repo: every document of the repository; render: the N SLAs), and a
# shell command in which DIR is the generated repository, RWORK the render work folder of the
# size (out/bench/render-N) and BWORK the build output folder (out/bench/build-N).

ROW_NAMES=()
ROW_LABELS=()
ROW_BASES=()
ROW_GROUPS=()
ROW_UNITS=()
ROW_CMDS=()
add_row() { # NAME LABEL BASE GROUP UNITS COMMAND
	ROW_NAMES+=("$1")
	ROW_LABELS+=("$2")
	ROW_BASES+=("$3")
	ROW_GROUPS+=("$4")
	ROW_UNITS+=("$5")
	ROW_CMDS+=("$6")
}

add_row xmllint "xmllint --schema (floor)" xmllint check repo \
	"find DIR -name '*.xml' -print0 | LC_ALL=C sort -z | xargs -0 -r -s $XARGS_S xmllint --noout --nonet --schema $SCHEMA"
add_row validate "slm validate" xmllint check repo "$SLM validate DIR"
add_row check "slm check" xmllint check repo "$SLM check --as-of $AS_OF DIR"

# ---- MORE ROWS GO HERE ------------------------------------------------------------------------
# make's view of the repository through slm.mk: slm render --targets lists every document and
# writes the escaped targets file, make reads it and decides what to do (nothing is rendered).
add_row make "make -n pdf (slm.mk)" check check repo \
	"make -s -n -C DIR -f $(pwd)/slm.mk SLM=$(cd "$(dirname "$SLM")" && pwd)/$(basename "$SLM") SLM_OUT=$(pwd)/RWORK/make-out pdf >/dev/null"
# slm build with nothing changed: the first build (every report, every PDF) is done and timed once
# before the probes (prepare_build, below), so every run of this row finds nothing to do.
if [ "$BUILD" -ge 1 ]; then
	add_row build "slm build, nothing changed" check check repo \
		"$SLM build --quiet -o BWORK --as-of $AS_OF DIR"
fi
# slm render against Apache FOP on the same SLAs (prepare_render, below, picks them, renders their
# layout documents and turns those into XSL-FO with bench/layout2fo.xsl, outside the timing).
# Every command exits 2 when a document fails, so that the row shows n/a rather than a time.
if [ "$RENDER_DOCS" -ge 1 ]; then
	add_row fop_each "FOP, 1 JVM per document" fop_each render render \
		"for f in RWORK/fo/*.fo; do $FOP -c bench/fop.xconf -fo \"\$f\" -pdf RWORK/fop-each/\"\$(basename \"\$f\" .fo)\".pdf || exit 2; done"
	add_row fop_batch "FOP batch (Ant task)" fop_each render render \
		"$ANT -q -f bench/fop-batch.xml -Dfo.dir=RWORK/fo -Dpdf.dir=RWORK/fop-batch || exit 2"
	add_row render_each "slm render, 1 per document" fop_each render render \
		"while read -r f; do n=\${f%/sla.xml}; $SLM render --repository DIR --as-of $AS_OF -o RWORK/slm-each/\${n##*/}.pdf \"\$f\" || exit 2; done <RWORK/slas.txt"
	add_row render "slm render, 1 for all" fop_batch render render \
		"$SLM render --repository DIR --as-of $AS_OF -o RWORK/slm-batch \$(cat RWORK/slas.txt) || exit 2"
fi
# ------------------------------------------------------------------------------------------------

NROWS=${#ROW_NAMES[@]}

# ------------------------------------------------------------------------------------------------
# Helpers

json_str() { # escape for a JSON string (the commands hold quotes, never control characters)
	local s=${1//\\/\\\\}
	s=${s//\"/\\\"}
	printf '"%s"' "$s"
}
num_or_null() { if [ -n "$1" ] && [ "$1" != n/a ]; then printf '%s' "$1"; else printf null; fi; }

words() { printf '%s\n' "$1" | awk '{ for (i = 1; i <= NF; i++) print $i }'; }

median() { # numbers on stdin -> median
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.9f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

now_ns() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }

# Runs a command once (the probe), under /usr/bin/time for the peak RSS and under timeout.
# Sets PROBE_RC, PROBE_RSS (KiB or empty) and PROBE_S (wall-clock seconds).
probe() { # COMMAND LOG [TIMEOUT]
	local cmd=$1 log=$2 rssf="$2.rss" t0 t1
	rm -f "$rssf"
	local pre=()
	[ "$HAVE_TIMEOUT" = 1 ] && pre+=(timeout "${3:-$PROBE_TIMEOUT}")
	[ "$HAVE_TIME" = 1 ] && pre+=(/usr/bin/time -f %M -o "$rssf")
	PROBE_RC=0
	t0=$(now_ns)
	"${pre[@]}" sh -c "$cmd" >"$log" 2>&1 || PROBE_RC=$?
	t1=$(now_ns)
	PROBE_S=$(secs "$t0" "$t1")
	PROBE_RSS=""
	if [ -s "$rssf" ]; then
		PROBE_RSS=$(tail -n 1 "$rssf" | tr -dc 0-9)
	fi
	return 0
}

status_of() { # EXIT-STATUS [TIMEOUT] -> the status column
	case $1 in
	0) echo ok ;;
	1) echo "ok, exit 1 (findings)" ;;
	123) echo "ok, exit 123 (invalid files)" ;; # xargs: some xmllint failed
	124) echo "n/a: timeout ${2:-$PROBE_TIMEOUT}s" ;;
	129 | 13[0-9] | 14[0-9] | 15[0-9]) echo "n/a: killed by signal $(($1 - 128))" ;;
	*) echo "n/a: exit $1" ;;
	esac
}

# Without hyperfine: one run of a command timed with date +%s%N; prints seconds.
time_once() { # COMMAND
	local t0 t1
	t0=$(now_ns)
	sh -c "$1" >/dev/null 2>&1 || true
	t1=$(now_ns)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.9f", (b - a) / 1e9 }'
}

# A digest of slm's data (stylesheets and schemas, or the reduced set of BENCH_BUILD_STYLESHEETS):
# a first build is redone when they change.
data_sum() { # DATADIR
	(cd "$1" && find stylesheets schemas -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-64
}

# With BENCH_BUILD_STYLESHEETS, slm's data folder (SLM_DATADIR) holds only the stylesheets of
# those kinds (and the nonconformity report's, and the shared ones they import).
BUILD_DATA=""
BUILD_ENV=""
if [ "$BUILD" -ge 1 ] && [ -n "$BUILD_KINDS" ]; then
	BUILD_DATA=$OUT/data-subset
	rm -rf "$BUILD_DATA"
	mkdir -p "$BUILD_DATA/stylesheets"
	cp -R schemas "$BUILD_DATA/schemas"
	[ -d fonts ] && cp -R fonts "$BUILD_DATA/fonts" # slm's font subsets (make builds them)
	for k in $BUILD_KINDS common support nonconformity; do
		[ -f "stylesheets/$k.xsl" ] || die "BENCH_BUILD_STYLESHEETS: no stylesheets/$k.xsl"
		cp "stylesheets/$k.xsl" "$BUILD_DATA/stylesheets/"
	done
	BUILD_ENV="SLM_DATADIR=$BUILD_DATA " # put before the build row's command once its DIR is replaced
fi

# The first build of a size, outside the timing: timed once and recorded in BWORK.stamp, so that
# the next bench run of the same repository, stylesheets, date and slm binary reuses it
# (BENCH_BUILD_FRESH=1 redoes it). Sets B_FIRST_S, B_FIRST_STATUS, B_FIRST_RSS, B_FIRST_WHEN, B_FIRST_PDFS.
prepare_build() { # N DIR BWORK
	local n=$1 dir=$2 bwork=$3 stamp="$3.stamp" want
	B_FIRST_S="" B_FIRST_STATUS="" B_FIRST_RSS="" B_FIRST_WHEN="" B_FIRST_PDFS=""
	want="generator=$GEN_SUM seed=$SEED docs=$n as_of=$AS_OF data=$(data_sum "${BUILD_DATA:-.}") slm=$(cat "$SLM" "$(dirname "$SLM")/slm-pdf.so" 2>/dev/null | sha256sum | cut -c1-16)"
	if [ -z "$BUILD_FRESH" ] && [ -d "$bwork" ] && [ -f "$stamp" ] && [ "$(head -n 1 "$stamp")" = "$want" ]; then
		B_FIRST_S=$(sed -n 2p "$stamp")
		B_FIRST_RSS=$(sed -n 3p "$stamp")
		B_FIRST_WHEN=$(sed -n 4p "$stamp")
		B_FIRST_STATUS="ok, recorded $B_FIRST_WHEN"
		say "reusing the first build in $bwork (recorded $B_FIRST_WHEN: $B_FIRST_S s)"
	else
		rm -rf "$bwork" "$stamp"
		say "first build of $dir into $bwork (every report and PDF; timed once, may take long)"
		probe "${BUILD_ENV}$SLM build --quiet -o $bwork --as-of $AS_OF $dir" "$OUT/probe-$n-build-first.log" "$BUILD_TIMEOUT"
		B_FIRST_STATUS=$(status_of "$PROBE_RC" "$BUILD_TIMEOUT")
		B_FIRST_RSS=$PROBE_RSS
		B_FIRST_WHEN=$(date -u +%Y-%m-%dT%H:%M:%SZ)
		case $B_FIRST_STATUS in
		ok*)
			B_FIRST_S=$PROBE_S
			printf '%s\n%s\n%s\n%s\n' "$want" "$B_FIRST_S" "$B_FIRST_RSS" "$B_FIRST_WHEN" >"$stamp"
			say "first build: $B_FIRST_S s"
			;;
		*) say "first build failed ($B_FIRST_STATUS), see $OUT/probe-$n-build-first.log" ;;
		esac
	fi
	B_FIRST_PDFS=$(find "$bwork" -name '*.pdf' 2>/dev/null | wc -l | tr -d ' ')
}

pdf_pages() { # PDF... -> total pages (empty without pdfinfo or when a file is missing)
	[ "$HAVE_PDFINFO" = 1 ] || return 0
	local total=0 p f
	for f in "$@"; do
		p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
		[ -n "$p" ] || return 0
		total=$((total + p))
	done
	printf '%s' "$total"
}

# The render group's input, outside the timing: the first N SLAs (cust-*/sla.xml, in name order),
# their layout documents (slm render --layout), their PDFs by slm (for the page counts), and the
# XSL-FO of each (bench/layout2fo.xsl; toc=no where slm's PDF has three pages or fewer, as slm
# draws the table of contents only beyond three pages). Sets RENDER_N and RENDER_ERR.
prepare_render() { # DIR RWORK
	local dir=$1 rw=$2 f rel name pages
	RENDER_N=0
	RENDER_ERR=""
	rm -rf "$rw"
	mkdir -p "$rw/layout" "$rw/prep" "$rw/fo" "$rw/fop-each" "$rw/fop-batch" "$rw/slm-each" "$rw/slm-batch"
	find "$dir" -name sla.xml -path '*/cust-*' | LC_ALL=C sort | head -n "$RENDER_DOCS" >"$rw/slas.txt"
	RENDER_N=$(wc -l <"$rw/slas.txt" | tr -d ' ')
	if [ "$RENDER_N" -eq 0 ]; then
		RENDER_ERR="no SLA in $dir"
		return 0
	fi
	if [ ! -x "$SLM" ]; then
		RENDER_ERR="$SLM missing"
		return 0
	fi
	if [ "$HAVE_XSLTPROC" = 0 ]; then
		RENDER_ERR="xsltproc missing"
		return 0
	fi
	say "preparing $RENDER_N SLAs for slm render and FOP in $rw"
	# shellcheck disable=SC2046
	if ! "$SLM" render --quiet --layout --repository "$dir" --as-of "$AS_OF" -o "$rw/layout" $(cat "$rw/slas.txt") ||
		! "$SLM" render --quiet --repository "$dir" --as-of "$AS_OF" -o "$rw/prep" $(cat "$rw/slas.txt"); then
		RENDER_ERR="slm render failed on the SLAs"
		return 0
	fi
	while read -r f; do
		rel=${f#"$dir"/}
		name=${rel%/sla.xml}
		name=${name//\//_}
		pages=$(pdf_pages "$rw/prep/${rel%.xml}.pdf")
		if [ -n "$pages" ] && [ "$pages" -le 3 ]; then
			xsltproc --stringparam toc no bench/layout2fo.xsl "$rw/layout/${rel%.xml}.layout.xml" >"$rw/fo/$name.fo" || RENDER_ERR="xsltproc failed"
		else
			xsltproc bench/layout2fo.xsl "$rw/layout/${rel%.xml}.layout.xml" >"$rw/fo/$name.fo" || RENDER_ERR="xsltproc failed"
		fi
	done <"$rw/slas.txt"
	return 0
}

# Times the runnable rows of one group in one hyperfine run (or a round-robin shell loop).
time_group() { # GROUP RUNS WARMUP TAG
	local group=$1 runs=$2 warmup=$3 tag=$4 i r
	local rows=()
	for i in "${runnable[@]}"; do
		[ "${ROW_GROUPS[i]}" = "$group" ] && rows+=("$i")
	done
	[ ${#rows[@]} -gt 0 ] || return 0
	local hf_json=$OUT/hyperfine-$tag.json
	rm -f "$hf_json"
	if [ "$HAVE_HYPERFINE" = 1 ]; then
		local args=()
		for i in "${rows[@]}"; do
			args+=(-n "${ROW_NAMES[i]}" "${R_CMD[i]} >/dev/null 2>&1")
		done
		say "timing ${#rows[@]} commands ($group) with hyperfine ($runs runs, warmup $warmup)"
		if hyperfine -i --warmup "$warmup" --runs "$runs" --export-json "$hf_json" \
			--export-csv "$OUT/hyperfine-$tag.csv" "${args[@]}" >"$OUT/hyperfine-$tag.log" 2>&1; then
			# CSV: command,mean,stddev,median,user,system,min,max (names carry no commas).
			for i in "${rows[@]}"; do
				R_MED[i]=$(awk -F, -v n="${ROW_NAMES[i]}" 'NR > 1 && $1 == n { print $4 }' "$OUT/hyperfine-$tag.csv")
				R_RUNS[i]=$runs
			done
		else
			say "hyperfine failed, see $OUT/hyperfine-$tag.log"
		fi
	else
		# Round-robin, so that the rows share whatever else the machine is doing.
		say "timing ${#rows[@]} commands ($group) with a shell loop ($runs runs, warmup $warmup)"
		for ((r = 0; r < warmup; r++)); do
			for i in "${rows[@]}"; do sh -c "${R_CMD[i]}" >/dev/null 2>&1 || true; done
		done
		for ((r = 0; r < runs; r++)); do
			for i in "${rows[@]}"; do
				R_TIMES[i]="${R_TIMES[i]} $(time_once "${R_CMD[i]}")"
			done
		done
		for i in "${rows[@]}"; do
			R_MED[i]=$(words "${R_TIMES[i]}" | median)
			R_RUNS[i]=$runs
		done
	fi
}

# ------------------------------------------------------------------------------------------------
# Per size

TABLE=$OUT/table.txt
SUMMARY=$OUT/summary.txt
JSIZES=$OUT/sizes.json
: >"$TABLE"
: >"$SUMMARY"
: >"$JSIZES"
first_size=1

# slm check on an empty repository: the memory that does not depend on the input.
EMPTY_RSS=""
if [ -x "$SLM" ]; then
	mkdir -p "$OUT/empty"
	probe "$SLM check --as-of $AS_OF $OUT/empty" "$OUT/probe-empty-check.log"
	case $PROBE_RC in 0 | 1) EMPTY_RSS=$PROBE_RSS ;; esac
fi

for N in $SIZES; do
	DIR=$OUT/gen-$N
	STAMP=$OUT/gen-$N.stamp
	RWORK=$OUT/render-$N
	BWORK=$OUT/build-$N
	want="generator=$GEN_SUM seed=$SEED docs=$N"
	if [ -d "$DIR" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
		say "reusing $DIR"
	else
		say "generating about $N documents into $DIR"
		rm -rf "$DIR" "$STAMP" "$BWORK" "$BWORK.stamp"
		t0=$(date +%s%N)
		"$GEN" -n "$N" -s "$SEED" "$DIR" >/dev/null || die "$GEN failed for $N documents"
		t1=$(date +%s%N)
		say "generated in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s"
		printf '%s\n' "$want" >"$STAMP"
	fi
	DOCS=$(find "$DIR" -name '*.xml' | wc -l | tr -d ' ')
	BYTES=$(find "$DIR" -name '*.xml' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
	RUNS=5 # at every size: a check of 100,000 documents varies by 15% from run to run here

	# Outside the timing: the first build, the render group's input.
	B_FIRST_S="" B_FIRST_STATUS="" B_FIRST_RSS="" B_FIRST_PDFS=""
	if [ "$BUILD" -ge 1 ] && ! in_list "$N" "$BUILD_SIZES"; then
		B_FIRST_STATUS="n/a: not at this size (BENCH_BUILD_SIZES=\"$BUILD_SIZES\")"
	elif [ "$BUILD" -ge 1 ]; then
		if [ -x "$SLM" ]; then
			prepare_build "$N" "$DIR" "$BWORK"
		else
			B_FIRST_STATUS="n/a: $SLM missing"
		fi
	fi
	RENDER_N=0 RENDER_ERR=""
	if [ "$RENDER_DOCS" -ge 1 ] && ! in_list "$N" "$RENDER_SIZES"; then
		RENDER_ERR="not at this size (BENCH_RENDER_SIZES=\"$RENDER_SIZES\")"
	elif [ "$RENDER_DOCS" -ge 1 ]; then
		prepare_render "$DIR" "$RWORK"
	fi

	# Probe every row once: it warms the page cache, gives the peak RSS and tells which rows run.
	declare -a R_STATUS=() R_RC=() R_RSS=() R_CMD=() R_MED=() R_TIMES=() R_RUNS=() R_N=()
	runnable=()
	for ((i = 0; i < NROWS; i++)); do
		cmd=${ROW_CMDS[i]//DIR/$DIR}
		cmd=${cmd//RWORK/$RWORK}
		cmd=${cmd//BWORK/$BWORK}
		[ "${ROW_NAMES[i]}" = build ] && cmd="$BUILD_ENV$cmd"
		R_CMD[i]=$cmd
		R_MED[i]=""
		R_TIMES[i]=""
		R_RUNS[i]=""
		R_RSS[i]=""
		R_RC[i]=""
		if [ "${ROW_UNITS[i]}" = render ]; then R_N[i]=$RENDER_N; else R_N[i]=$DOCS; fi
		case ${ROW_NAMES[i]} in validate | check | build | render | render_each)
			if [ ! -x "$SLM" ]; then
				R_STATUS[i]="n/a: $SLM missing"
				continue
			fi ;;
		esac
		case ${ROW_NAMES[i]} in fop_each | fop_batch | render | render_each)
			if [ -n "$RENDER_ERR" ]; then
				R_STATUS[i]="n/a: $RENDER_ERR"
				continue
			fi ;;
		esac
		case ${ROW_NAMES[i]} in
		fop_each)
			if ! command -v "$FOP" >/dev/null; then
				R_STATUS[i]="n/a: $FOP missing (Debian package fop)"
				continue
			fi ;;
		fop_batch)
			if ! command -v "$ANT" >/dev/null; then
				R_STATUS[i]="n/a: $ANT missing (Debian package ant)"
				continue
			fi ;;
		build)
			case $B_FIRST_STATUS in ok*) ;; *)
				R_STATUS[i]="n/a: first build ${B_FIRST_STATUS#n/a: }"
				continue ;;
			esac ;;
		esac
		say "probing ${ROW_LABELS[i]} on ${R_N[i]} documents"
		probe "$cmd" "$OUT/probe-$N-${ROW_NAMES[i]}.log"
		R_RC[i]=$PROBE_RC
		R_RSS[i]=$PROBE_RSS
		R_STATUS[i]=$(status_of "$PROBE_RC")
		case ${R_STATUS[i]} in ok*) runnable+=("$i") ;; *) R_RSS[i]="" ;; esac
	done

	# Time the runnable rows, one hyperfine run per group. The render group has no warmup run of
	# its own: its probe, just before, is one (and FOP on 50 documents takes minutes a run).
	time_group check "$RUNS" 1 "$N"
	time_group render "$RENDER_RUNS" 0 "$N-render"

	# The first build: one run, shown as its own row.
	FIRST_ROW=""
	if [ -n "$B_FIRST_STATUS" ]; then
		FIRST_ROW=1
	fi

	# Table rows and JSON for this size.
	[ "$first_size" = 1 ] || printf ',\n' >>"$JSIZES"
	first_size=0
	{
		printf '    {"requested": %s, "docs": %s, "input_bytes": %s, "dir": %s, "runs": %s, "render_runs": %s, "rows": [\n' \
			"$N" "$DOCS" "$BYTES" "$(json_str "$DIR")" "$RUNS" "$RENDER_RUNS"
	} >>"$JSIZES"
	declare -A MED_OF=()
	for ((i = 0; i < NROWS; i++)); do
		MED_OF[${ROW_NAMES[i]}]=${R_MED[i]}
	done
	table_row() { # N-DOCS LABEL MEDIAN RATIO BASE RSS-KIB UNITS STATUS
		local per="" rss_mib="" rss_ratio="" medf=""
		[ -n "$3" ] && medf=$(awk -v m="$3" 'BEGIN { printf "%.3f", m }')
		[ -n "$3" ] && [ "$1" -gt 0 ] && per=$(awk -v m="$3" -v n="$1" 'BEGIN { printf "%.3f", m * 1000 / n }')
		if [ -n "$6" ]; then
			rss_mib=$(awk -v k="$6" 'BEGIN { printf "%.1f", k / 1024 }')
			[ "$7" = repo ] && rss_ratio=$(awk -v k="$6" -v b="$BYTES" 'BEGIN { if (b > 0) printf "%.2f", k * 1024 / b }')
		fi
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$DOCS" \
			"$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1048576 }')" "$2" "$1" \
			"${medf:-n/a}" "${per:-n/a}" "${4:-n/a}" "${5}" "${rss_mib:-n/a}" "${rss_ratio:-n/a}" "$8" >>"$TABLE"
		ROW_PER=$per ROW_RSS_RATIO=$rss_ratio
	}
	jsep=""
	for ((i = 0; i < NROWS; i++)); do
		med=${R_MED[i]}
		base=${MED_OF[${ROW_BASES[i]}]:-}
		ratio=""
		if [ -n "$med" ] && [ -n "$base" ]; then
			ratio=$(awk -v a="$med" -v b="$base" 'BEGIN { if (b > 0) printf "%.3f", a / b }')
		fi
		[ -n "$med" ] || case ${R_STATUS[i]} in ok*) R_STATUS[i]="n/a: not timed" ;; esac
		if [ "${ROW_NAMES[i]}" = build ] && [ -n "$FIRST_ROW" ]; then
			# the first build just before its nothing-changed runs
			fr=""
			[ -n "$B_FIRST_S" ] && [ -n "${MED_OF[check]:-}" ] &&
				fr=$(awk -v a="$B_FIRST_S" -v b="${MED_OF[check]}" 'BEGIN { if (b > 0) printf "%.3f", a / b }')
			table_row "$DOCS" "slm build, first (1 run)" "$B_FIRST_S" "$fr" check "$B_FIRST_RSS" repo "$B_FIRST_STATUS"
			{
				printf '%b      {"name": "build_first", "label": "slm build, first (1 run)", "command": %s, "base": "check", "status": %s, "exit": null, ' "$jsep" \
					"$(json_str "${BUILD_ENV}$SLM build --quiet -o $BWORK --as-of $AS_OF $DIR")" "$(json_str "$B_FIRST_STATUS")"
				printf '"docs": %s, "runs": 1, "median_s": %s, "ms_per_doc": %s, "ratio_to_base": %s, "max_rss_kib": %s, "rss_per_input_byte": %s, "pdfs": %s, "stylesheets": %s}' \
					"$DOCS" "$(num_or_null "$B_FIRST_S")" "$(num_or_null "$ROW_PER")" "$(num_or_null "$fr")" \
					"$(num_or_null "$B_FIRST_RSS")" "$(num_or_null "$ROW_RSS_RATIO")" "$(num_or_null "$B_FIRST_PDFS")" \
					"$(json_str "${BUILD_KINDS:-all}")"
			} >>"$JSIZES"
			jsep=',\n'
		fi
		table_row "${R_N[i]}" "${ROW_LABELS[i]}" "$med" "$ratio" "${ROW_BASES[i]}" "${R_RSS[i]}" "${ROW_UNITS[i]}" "${R_STATUS[i]}"
		times=""
		if [ -n "${R_TIMES[i]}" ]; then
			times=$(words "${R_TIMES[i]}" | paste -sd, -)
		fi
		{
			printf '%b' "$jsep"
			jsep=',\n'
			printf '      {"name": %s, "label": %s, "command": %s, "base": %s, "status": %s, "exit": %s, ' \
				"$(json_str "${ROW_NAMES[i]}")" "$(json_str "${ROW_LABELS[i]}")" "$(json_str "${R_CMD[i]}")" \
				"$(json_str "${ROW_BASES[i]}")" "$(json_str "${R_STATUS[i]}")" "$(num_or_null "${R_RC[i]}")"
			printf '"docs": %s, "runs": %s, "median_s": %s, "ms_per_doc": %s, "ratio_to_base": %s, "max_rss_kib": %s, "rss_per_input_byte": %s' \
				"${R_N[i]}" "$(num_or_null "${R_RUNS[i]}")" "$(num_or_null "$med")" "$(num_or_null "$ROW_PER")" \
				"$(num_or_null "$ratio")" "$(num_or_null "${R_RSS[i]}")" "$(num_or_null "$ROW_RSS_RATIO")"
			[ -n "$times" ] && printf ', "times_s": [%s]' "$times"
			printf '}'
		} >>"$JSIZES"
	done

	# Render against FOP, per document; nothing changed against the 1 s target.
	per_doc() { # ROW -> seconds per document, or empty
		local m=${MED_OF[$1]:-}
		[ -n "$m" ] && [ "$RENDER_N" -gt 0 ] && awk -v m="$m" -v n="$RENDER_N" 'BEGIN { printf "%.4f", m / n }'
		return 0
	}
	speedup() { # SLOW-ROW FAST-ROW -> how many times faster
		local a=${MED_OF[$1]:-} b=${MED_OF[$2]:-}
		[ -n "$a" ] && [ -n "$b" ] && awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf "%.1f", a / b }'
		return 0
	}
	S_EACH=$(speedup fop_each render_each)
	S_BATCH=$(speedup fop_batch render)
	S_CROSS=$(speedup fop_batch render_each)
	S_BEST=$(speedup fop_each render)
	P_SLM="" P_FOP="" P_FOPB=""
	if [ "$RENDER_N" -gt 0 ] && [ -z "$RENDER_ERR" ]; then
		# shellcheck disable=SC2046
		P_SLM=$(pdf_pages $(sed "s|^$DIR/|$RWORK/slm-batch/|; s|\.xml\$|.pdf|" "$RWORK/slas.txt"))
		shopt -s nullglob
		fop_pdfs=("$RWORK"/fop-each/*.pdf)
		fopb_pdfs=("$RWORK"/fop-batch/*.pdf)
		shopt -u nullglob
		[ ${#fop_pdfs[@]} -eq "$RENDER_N" ] && P_FOP=$(pdf_pages "${fop_pdfs[@]}")
		[ ${#fopb_pdfs[@]} -eq "$RENDER_N" ] && P_FOPB=$(pdf_pages "${fopb_pdfs[@]}")
	fi
	if [ "$RENDER_DOCS" -ge 1 ] && in_list "$N" "$RENDER_SIZES"; then
		{
			printf '%s documents: slm render vs Apache FOP on the same %s SLAs, seconds per document, whole process (target: slm >= 10x faster):\n' "$DOCS" "$RENDER_N"
			printf '  slm render, 1 process for all      %9s   FOP, 1 JVM per document %9s   -> slm %sx faster\n' \
				"$(per_doc render)" "$(per_doc fop_each)" "${S_BEST:-n/a }"
			printf '  slm render, 1 process per document %9s   FOP, 1 JVM per document %9s   -> slm %sx faster (each process reads the repository)\n' \
				"$(per_doc render_each)" "$(per_doc fop_each)" "${S_EACH:-n/a }"
			printf '  slm render, 1 process for all      %9s   FOP batch (Ant task)    %9s   -> slm %sx faster\n' \
				"$(per_doc render)" "$(per_doc fop_batch)" "${S_BATCH:-n/a }"
			printf '  slm 1 per document vs FOP batch: %sx; pages: slm %s, FOP %s\n' \
				"${S_CROSS:-n/a }" "${P_SLM:-n/a}" "${P_FOP:-${P_FOPB:-n/a}}"
		} >>"$SUMMARY"
	fi
	# Peak memory of check against the input, above what slm takes with no document at all, and
	# what xmllint alone takes (its largest process: libxml2 and the compiled schema).
	XRSS=""
	for ((i = 0; i < NROWS; i++)); do [ "${ROW_NAMES[i]}" = xmllint ] && XRSS=${R_RSS[i]}; done
	for ((i = 0; i < NROWS; i++)); do
		[ "${ROW_NAMES[i]}" = check ] && [ -n "${R_RSS[i]}" ] && [ "$BYTES" -gt 0 ] || continue
		awk -v k="${R_RSS[i]}" -v b="$BYTES" -v e="${EMPTY_RSS:-}" -v x="$XRSS" -v d="$DOCS" 'BEGIN {
			printf "%s documents: slm check peak RSS %.1f MiB = %.2fx the input (target <= 3x)", d, k / 1024, k * 1024 / b
			if (e != "") printf "; with no document it takes %.1f MiB (libraries, compiled schemas): the documents add %.1f MiB = %.2fx the input", e / 1024, (k - e) / 1024, (k - e) * 1024 / b
			if (x != "") printf "; xmllint alone: %.1f MiB = %.2fx", x / 1024, x * 1024 / b
			printf "\n" }' >>"$SUMMARY"
	done
	if [ "$BUILD" -ge 1 ] && in_list "$N" "$BUILD_SIZES"; then
		printf '%s documents: slm build, first run %s s (%s PDFs; %s), nothing changed %s s (target < 1 s)\n' \
			"$DOCS" "${B_FIRST_S:-n/a}" "${B_FIRST_PDFS:-0}" "${B_FIRST_STATUS:-n/a}" \
			"$( [ -n "${MED_OF[build]:-}" ] && awk -v m="${MED_OF[build]}" 'BEGIN { printf "%.3f", m }' || echo n/a)" >>"$SUMMARY"
	fi
	{
		printf '\n    ], "render": {"documents": %s, "slas": %s, "per_doc_s": {"render_each": %s, "render": %s, "fop_each": %s, "fop_batch": %s}, ' \
			"$RENDER_N" "$(json_str "$RWORK/slas.txt")" "$(num_or_null "$(per_doc render_each)")" "$(num_or_null "$(per_doc render)")" \
			"$(num_or_null "$(per_doc fop_each)")" "$(num_or_null "$(per_doc fop_batch)")"
		printf '"speedup": {"each_vs_fop_each": %s, "batch_vs_fop_batch": %s, "each_vs_fop_batch": %s, "batch_vs_fop_each": %s}, ' \
			"$(num_or_null "$S_EACH")" "$(num_or_null "$S_BATCH")" "$(num_or_null "$S_CROSS")" "$(num_or_null "$S_BEST")"
		printf '"pages": {"slm": %s, "fop": %s, "fop_batch": %s}},\n' "$(num_or_null "$P_SLM")" "$(num_or_null "$P_FOP")" "$(num_or_null "$P_FOPB")"
		printf '    "build": {"first_s": %s, "first_status": %s, "first_max_rss_kib": %s, "pdfs": %s, "stylesheets": %s, "nothing_changed_median_s": %s},\n' \
			"$(num_or_null "$B_FIRST_S")" "$(json_str "$B_FIRST_STATUS")" "$(num_or_null "$B_FIRST_RSS")" "$(num_or_null "$B_FIRST_PDFS")" \
			"$(json_str "${BUILD_KINDS:-all}")" "$(num_or_null "${MED_OF[build]:-}")"
		printf '    "hyperfine": '
		if [ -s "$OUT/hyperfine-$N.json" ]; then cat "$OUT/hyperfine-$N.json"; else printf 'null'; fi
		printf ',\n    "hyperfine_render": '
		if [ -s "$OUT/hyperfine-$N-render.json" ]; then cat "$OUT/hyperfine-$N-render.json"; else printf 'null'; fi
		printf '}'
	} >>"$JSIZES"
done

# ------------------------------------------------------------------------------------------------
# The one table, then out/bench.json

if [ "$HAVE_HYPERFINE" = 1 ]; then
	TIMER="hyperfine $(hyperfine --version | awk '{ print $2 }')"
else
	TIMER="shell loop (date +%s%N)"
fi
XMLLINT_VERSION=$(xmllint --version 2>&1 | awk 'NR == 1 { print $NF }')
FOP_VERSION=$({ "$FOP" -version 2>/dev/null || true; } | awk '/^FOP Version/ { print $3 }')
CPUS=$(nproc 2>/dev/null || echo 1)

{
	printf 'slm bench: median seconds (warmup 1, 5 runs; render rows: %d runs after the probe), timer %s, %s CPUs, libxml2 %s, FOP %s\n' \
		"$RENDER_RUNS" "$TIMER" "$CPUS" "$XMLLINT_VERSION" "${FOP_VERSION:-n/a}"
	printf 'n = documents the command handles; ratio = median / median of the row named in vs, timed in the same run;\n'
	printf 'RSS = peak resident set (probe run; RSS/input for commands on the whole repository)\n\n'
	awk -F'\t' '
		BEGIN { printf "%7s %6s  %-28s %6s %9s %9s %7s %-9s %8s %9s  %s\n", "docs", "MiB", "command", "n", "median s", "ms/doc", "ratio", "vs", "RSS MiB", "RSS/input", "status" }
		{ printf "%7s %6s  %-28s %6s %9s %9s %7s %-9s %8s %9s  %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }
	' "$TABLE"
	if [ -s "$SUMMARY" ]; then
		printf '\n'
		cat "$SUMMARY"
	fi
}

{
	printf '{\n  "schema": "slm-bench/1",\n'
	printf '  "date": %s,\n' "$(json_str "$(date -u +%Y-%m-%dT%H:%M:%SZ)")"
	printf '  "machine": {"cpus": %s, "kernel": %s, "libxml2": %s, "fop": %s, "load_average": %s},\n' "$CPUS" \
		"$(json_str "$(uname -sr)")" "$(json_str "$XMLLINT_VERSION")" "$(json_str "${FOP_VERSION:-}")" \
		"$(json_str "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)")"
	printf '  "method": {"timer": %s, "statistic": "median", "warmup": 1, "runs": 5, "render_runs": %s, "render_warmup": 0, "render_docs": %s, "as_of": %s, "rss": %s, "empty_check_max_rss_kib": %s},\n' \
		"$(json_str "$TIMER")" "$RENDER_RUNS" "$RENDER_DOCS" "$(json_str "$AS_OF")" \
		"$(json_str "$([ "$HAVE_TIME" = 1 ] && echo '/usr/bin/time -f %M, probe run' || echo unavailable)")" "$(num_or_null "$EMPTY_RSS")"
	printf '  "generator": {"path": %s, "sha256": %s, "seed": %s},\n' "$(json_str "$GEN")" \
		"$(json_str "$GEN_SUM")" "$SEED"
	printf '  "sizes": [\n'
	cat "$JSIZES"
	printf '\n  ]\n}\n'
} >"$JSON.tmp"
mv "$JSON.tmp" "$JSON"
say "wrote $JSON"
