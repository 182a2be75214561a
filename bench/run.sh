#!/usr/bin/env bash
# slm benchmark: `bench/run.sh [SIZE...]` (default 20000), run by `make bench BENCH_SIZES="…"`.
#
# For each size, generates (or reuses) a repository of about SIZE documents with tools/gen/slm-gen,
# then times, in one hyperfine run per size so that ratios compare like with like:
#   xmllint --schema on every file (the floor that libxml2 itself sets), slm validate, slm check.
# Prints one table (medians, ratio to the floor, peak RSS, RSS/input) and writes out/bench.json.
# A command that is missing or fails (exit >= 2, signal, timeout) shows n/a; the table still prints.
# Method and JSON fields: bench/README.md.
set -eu

cd "$(dirname "$0")/.."

SLM=${SLM:-./slm}
GEN=${GEN:-tools/gen/slm-gen}
SEED=${BENCH_SEED:-1}
AS_OF=${BENCH_AS_OF:-2025-11-30}
SCHEMA=schemas/slm.xsd
OUT=out/bench
JSON=out/bench.json
LARGE=50000             # from this many documents on, 3 timed runs instead of 5
PROBE_TIMEOUT=${BENCH_TIMEOUT:-900}

SIZES="${*:-20000}"

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 2; }

for s in $SIZES; do
	case $s in '' | *[!0-9]*) die "size '$s' is not a number of documents" ;; esac
	[ "$s" -ge 1 ] || die "size '$s' must be at least 1"
done
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

# Batches of about 1 MiB of file names: few xmllint processes (each compiles the schema once),
# well under the kernel's argument limit.
ARG_MAX=$(getconf ARG_MAX 2>/dev/null || echo 131072)
XARGS_S=$((ARG_MAX / 2))
[ "$XARGS_S" -gt 1048576 ] && XARGS_S=1048576

# ------------------------------------------------------------------------------------------------
# Rows. Each row: a name, a label for the table, the name of the row it is compared to (ratio),
# and a shell command in which DIR is the generated repository.

ROW_NAMES=()
ROW_LABELS=()
ROW_BASES=()
ROW_CMDS=()
add_row() { # NAME LABEL BASE COMMAND
	ROW_NAMES+=("$1")
	ROW_LABELS+=("$2")
	ROW_BASES+=("$3")
	ROW_CMDS+=("$4")
}

add_row xmllint "xmllint --schema (floor)" xmllint \
	"find DIR -name '*.xml' -print0 | LC_ALL=C sort -z | xargs -0 -r -s $XARGS_S xmllint --noout --nonet --schema $SCHEMA"
add_row validate "slm validate" xmllint "$SLM validate DIR"
add_row check "slm check" xmllint "$SLM check --as-of $AS_OF DIR"

# ---- MORE ROWS GO HERE ------------------------------------------------------------------------
# slm render and the Apache FOP comparison are to be added here, e.g.
#   add_row render "slm render" fop "$SLM render -o out/bench/pdf DIR/cust-00001/sla.xml …"
#   add_row fop    "Apache FOP (floor)" fop "fop -xml … -xsl … -pdf …"
# BASE names the row a ratio is taken against (rows are timed in the order added; a base row
# should come first). Output of every command goes to /dev/null during timing.
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

# Runs a command once (the probe), under /usr/bin/time for the peak RSS and under timeout.
# Sets PROBE_RC and PROBE_RSS (KiB or empty).
probe() { # COMMAND LOG
	local cmd=$1 log=$2 rssf="$2.rss"
	rm -f "$rssf"
	local pre=()
	[ "$HAVE_TIMEOUT" = 1 ] && pre+=(timeout "$PROBE_TIMEOUT")
	[ "$HAVE_TIME" = 1 ] && pre+=(/usr/bin/time -f %M -o "$rssf")
	PROBE_RC=0
	"${pre[@]}" sh -c "$cmd" >"$log" 2>&1 || PROBE_RC=$?
	PROBE_RSS=""
	if [ -s "$rssf" ]; then
		PROBE_RSS=$(tail -n 1 "$rssf" | tr -dc 0-9)
	fi
	return 0
}

# Without hyperfine: one run of a command timed with date +%s%N; prints seconds.
time_once() { # COMMAND
	local t0 t1
	t0=$(date +%s%N)
	sh -c "$1" >/dev/null 2>&1 || true
	t1=$(date +%s%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.9f", (b - a) / 1e9 }'
}

# ------------------------------------------------------------------------------------------------
# Per size

TABLE=$OUT/table.txt
JSIZES=$OUT/sizes.json
: >"$TABLE"
: >"$JSIZES"
first_size=1

for N in $SIZES; do
	DIR=$OUT/gen-$N
	STAMP=$OUT/gen-$N.stamp
	want="generator=$GEN_SUM seed=$SEED docs=$N"
	if [ -d "$DIR" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
		say "reusing $DIR"
	else
		say "generating about $N documents into $DIR"
		rm -rf "$DIR" "$STAMP"
		t0=$(date +%s%N)
		"$GEN" -n "$N" -s "$SEED" "$DIR" >/dev/null || die "$GEN failed for $N documents"
		t1=$(date +%s%N)
		say "generated in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s"
		printf '%s\n' "$want" >"$STAMP"
	fi
	DOCS=$(find "$DIR" -name '*.xml' | wc -l | tr -d ' ')
	BYTES=$(find "$DIR" -name '*.xml' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
	RUNS=5
	[ "$N" -ge "$LARGE" ] && RUNS=3

	# Probe every row once: it warms the page cache, gives the peak RSS and tells which rows run.
	declare -a R_STATUS=() R_RC=() R_RSS=() R_CMD=() R_MED=() R_TIMES=()
	runnable=()
	for ((i = 0; i < NROWS; i++)); do
		cmd=${ROW_CMDS[i]//DIR/$DIR}
		R_CMD[i]=$cmd
		R_MED[i]=""
		R_TIMES[i]=""
		R_RSS[i]=""
		R_RC[i]=""
		case ${ROW_NAMES[i]} in validate | check | render)
			if [ ! -x "$SLM" ]; then
				R_STATUS[i]="n/a: $SLM missing"
				continue
			fi ;;
		esac
		say "probing ${ROW_LABELS[i]} on $DOCS documents"
		probe "$cmd" "$OUT/probe-$N-${ROW_NAMES[i]}.log"
		R_RC[i]=$PROBE_RC
		R_RSS[i]=$PROBE_RSS
		case $PROBE_RC in
		0) R_STATUS[i]=ok ;;
		1) R_STATUS[i]="ok, exit 1 (findings)" ;;
		123) R_STATUS[i]="ok, exit 123 (invalid files)" ;; # xargs: some xmllint failed
		124) R_STATUS[i]="n/a: timeout ${PROBE_TIMEOUT}s" ;;
		129 | 13[0-9] | 14[0-9] | 15[0-9]) R_STATUS[i]="n/a: killed by signal $((PROBE_RC - 128))" ;;
		*) R_STATUS[i]="n/a: exit $PROBE_RC" ;;
		esac
		case ${R_STATUS[i]} in ok*) runnable+=("$i") ;; *) R_RSS[i]="" ;; esac
	done

	# Time the runnable rows in the same run.
	HF_JSON=$OUT/hyperfine-$N.json
	rm -f "$HF_JSON"
	if [ ${#runnable[@]} -gt 0 ]; then
		if [ "$HAVE_HYPERFINE" = 1 ]; then
			args=()
			for i in "${runnable[@]}"; do
				args+=(-n "${ROW_NAMES[i]}" "${R_CMD[i]} >/dev/null 2>&1")
			done
			say "timing ${#runnable[@]} commands with hyperfine ($RUNS runs, warmup 1)"
			if hyperfine -i --warmup 1 --runs "$RUNS" --export-json "$HF_JSON" \
				--export-csv "$OUT/hyperfine-$N.csv" "${args[@]}" >"$OUT/hyperfine-$N.log" 2>&1; then
				# CSV: command,mean,stddev,median,user,system,min,max (names carry no commas).
				for i in "${runnable[@]}"; do
					R_MED[i]=$(awk -F, -v n="${ROW_NAMES[i]}" 'NR > 1 && $1 == n { print $4 }' "$OUT/hyperfine-$N.csv")
				done
			else
				say "hyperfine failed, see $OUT/hyperfine-$N.log"
			fi
		else
			# Round-robin, so that the rows share whatever else the machine is doing.
			say "timing ${#runnable[@]} commands with a shell loop ($RUNS runs, warmup 1)"
			for i in "${runnable[@]}"; do sh -c "${R_CMD[i]}" >/dev/null 2>&1 || true; done
			for ((r = 0; r < RUNS; r++)); do
				for i in "${runnable[@]}"; do
					R_TIMES[i]="${R_TIMES[i]} $(time_once "${R_CMD[i]}")"
				done
			done
			for i in "${runnable[@]}"; do
				R_MED[i]=$(words "${R_TIMES[i]}" | median)
			done
		fi
	fi

	# Table rows and JSON for this size.
	[ "$first_size" = 1 ] || printf ',\n' >>"$JSIZES"
	first_size=0
	{
		printf '    {"requested": %s, "docs": %s, "input_bytes": %s, "dir": %s, "runs": %s, "rows": [\n' \
			"$N" "$DOCS" "$BYTES" "$(json_str "$DIR")" "$RUNS"
	} >>"$JSIZES"
	for ((i = 0; i < NROWS; i++)); do
		med=${R_MED[i]}
		base=""
		for ((j = 0; j < NROWS; j++)); do
			[ "${ROW_NAMES[j]}" = "${ROW_BASES[i]}" ] && base=${R_MED[j]}
		done
		ratio=""
		if [ -n "$med" ] && [ -n "$base" ]; then
			ratio=$(awk -v a="$med" -v b="$base" 'BEGIN { if (b > 0) printf "%.2f", a / b }')
		fi
		[ -n "$med" ] || case ${R_STATUS[i]} in ok*) R_STATUS[i]="n/a: not timed" ;; esac
		rss_mib="" rss_ratio=""
		if [ -n "${R_RSS[i]}" ]; then
			rss_mib=$(awk -v k="${R_RSS[i]}" 'BEGIN { printf "%.1f", k / 1024 }')
			rss_ratio=$(awk -v k="${R_RSS[i]}" -v b="$BYTES" 'BEGIN { if (b > 0) printf "%.2f", k * 1024 / b }')
		fi
		medf=""
		[ -n "$med" ] && medf=$(awk -v m="$med" 'BEGIN { printf "%.3f", m }')
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$DOCS" \
			"$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1048576 }')" "${ROW_LABELS[i]}" \
			"${medf:-n/a}" "${ratio:-n/a}" "${rss_mib:-n/a}" "${rss_ratio:-n/a}" "${R_STATUS[i]}" \
			"${ROW_BASES[i]}" >>"$TABLE"
		times=""
		if [ -n "${R_TIMES[i]}" ]; then
			times=$(words "${R_TIMES[i]}" | paste -sd, -)
		fi
		{
			[ "$i" -gt 0 ] && printf ',\n'
			printf '      {"name": %s, "label": %s, "command": %s, "base": %s, "status": %s, "exit": %s, ' \
				"$(json_str "${ROW_NAMES[i]}")" "$(json_str "${ROW_LABELS[i]}")" "$(json_str "${R_CMD[i]}")" \
				"$(json_str "${ROW_BASES[i]}")" "$(json_str "${R_STATUS[i]}")" "$(num_or_null "${R_RC[i]}")"
			printf '"median_s": %s, "ratio_to_base": %s, "max_rss_kib": %s, "rss_per_input_byte": %s' \
				"$(num_or_null "$med")" "$(num_or_null "$ratio")" "$(num_or_null "${R_RSS[i]}")" \
				"$(num_or_null "$rss_ratio")"
			[ -n "$times" ] && printf ', "times_s": [%s]' "$times"
			printf '}'
		} >>"$JSIZES"
	done
	{
		printf '\n    ], "hyperfine": '
		if [ -s "$HF_JSON" ]; then cat "$HF_JSON"; else printf 'null'; fi
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
CPUS=$(nproc 2>/dev/null || echo 1)

{
	printf 'slm bench: median seconds (warmup 1, 5 runs; 3 from %d docs), timer %s, %s CPUs, libxml2 %s\n' \
		"$LARGE" "$TIMER" "$CPUS" "$XMLLINT_VERSION"
	printf 'ratio = median / median of the row named in vs, timed in the same run; RSS = peak resident set (probe run)\n\n'
	awk -F'\t' '
		BEGIN { printf "%8s %9s  %-26s %9s %7s %-8s %8s %9s  %s\n", "docs", "input MiB", "command", "median s", "ratio", "vs", "RSS MiB", "RSS/input", "status" }
		{ printf "%8s %9s  %-26s %9s %7s %-8s %8s %9s  %s\n", $1, $2, $3, $4, $5, $9, $6, $7, $8 }
	' "$TABLE"
}

{
	printf '{\n  "schema": "slm-bench/1",\n'
	printf '  "date": %s,\n' "$(json_str "$(date -u +%Y-%m-%dT%H:%M:%SZ)")"
	printf '  "machine": {"cpus": %s, "kernel": %s, "libxml2": %s},\n' "$CPUS" \
		"$(json_str "$(uname -sr)")" "$(json_str "$XMLLINT_VERSION")"
	printf '  "method": {"timer": %s, "statistic": "median", "warmup": 1, "runs_small": 5, "runs_large": 3, "large_from_docs": %s, "as_of": %s, "rss": %s},\n' \
		"$(json_str "$TIMER")" "$LARGE" "$(json_str "$AS_OF")" \
		"$(json_str "$([ "$HAVE_TIME" = 1 ] && echo '/usr/bin/time -f %M, probe run' || echo unavailable)")"
	printf '  "generator": {"path": %s, "sha256": %s, "seed": %s},\n' "$(json_str "$GEN")" \
		"$(json_str "$GEN_SUM")" "$SEED"
	printf '  "sizes": [\n'
	cat "$JSIZES"
	printf '\n  ]\n}\n'
} >"$JSON.tmp"
mv "$JSON.tmp" "$JSON"
say "wrote $JSON"
