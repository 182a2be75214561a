#!/bin/sh
# Hostile input, scale and hostile environments (DESIGN §8; issue "Scale, speed and hostile input",
# item 4): what tests/bad does not cover yet.  Every case runs under `timeout` and /usr/bin/time
# and must end with a clear diagnostic naming the file (and line), exit 1 or 2, within a time and
# resident-memory bound, with no crash, no sanitizer report, no network access, no write outside
# the output folder and no partial output.
#
#   documents   invalid UTF-8 in every place, an encoding declaration behind a BOM, absurd sizes
#               (a sparse 1 GiB file, the 32 MiB limit exactly and one byte over, 20 MB of text or
#               of one attribute value, a 100,000-character name, 10 million attributes, the
#               densest elements and attributes that fit under the limit, a report with 10,000
#               incidents and a 1 MiB comment), folders nested too deep, paths over PATH_MAX,
#               links out of the repository (by a name sharing its prefix, as the configuration),
#               documents and a configuration pointing at a local listener
#   diagnostics what a hostile file puts in a message (control characters, newlines, invalid UTF-8)
#               must not forge diagnostics, reach the terminal or break JSON/XML reports
#   output      -o on a device node (/dev/full must not be replaced by a file), standard output on
#               /dev/full, a full filesystem (tiny tmpfs) before and during the write, a read-only
#               mount, a folder the user may not write; `slm new` on a full filesystem
#   render      hostile stylesheets (tests/hostile/stylesheets/*.xsl, placeholders filled in at run
#               time): writes (exsl:document, xsl:document), document() of system files, of files
#               outside the repository (absolute, `..`, a link), over http and ftp, of hostile files
#               inside it (DOCTYPE, gzip, 1 GiB, FIFO), xsl:import/include from outside or over
#               http, external entities and billion laughs in the stylesheet, infinite recursion
#               (templates, apply-templates, EXSLT functions), a 2^40-character string, an N^6
#               XPath, a result tree of 8 million nodes (the memory bound), one quadratic XPath
#               (the watchdog), xsl:message terminate; layouts of 10,000 rows, a 1 MiB cell,
#               10,000 pages, 500-deep nesting; images outside the repository or remote; hostile
#               documents to render; an xml-stylesheet PI and a --stylesheet URL; -MD on failure;
#               output to a device, a full and a read-only folder.  Skipped while `slm render
#               --help` fails.
#   own paths   render -o naming its input, a link in the repository leading out of it (render,
#               --targets), slm build into a folder of the repository, twice, and check beside it
#
# Network: a listener (listen.py) on 127.0.0.1 and a free port is the target of every URL; it must
# see no connection.  With strace (when it works here) every run of the network and render cases is
# also traced: no AF_INET/AF_INET6 socket may be created, and no file outside the output folder may
# be created or written.  Root-only cases (mknod, tmpfs, bind mounts, setpriv) are skipped, with a
# message, where they cannot run.  For a sanitizer build time bounds are multiplied by 4, memory
# bounds are not checked, and three cases that run into slm's resource limits are skipped.
# UPDATE=1 rewrites expected/*.txt from the actual output (then read the diff!); KEEP=1 keeps the
# temporary folder (inputs, outputs, logs) for a closer look.  $SLM is the binary (default ./slm).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
: "${SLM:=$top/slm}"
case "$SLM" in /*) ;; *) SLM="$PWD/$SLM" ;; esac
export SLM LC_ALL=C TZ=UTC
. "$here/../lib/golden.sh"
asof=2025-11-30

tmp=$(mktemp -d "${TMPDIR:-/tmp}/slm-hostile.XXXXXX") || exit 2
chmod 755 "$tmp"
PWNED=/tmp/pwned-slm-hostile-$$
LPID=
MOUNTS=
cleanup() {
	[ -n "$LPID" ] && kill "$LPID" 2>/dev/null
	for m in $MOUNTS; do umount "$m" 2>/dev/null; done
	rm -rf "$PWNED"-* 2>/dev/null
	if [ -n "${KEEP:-}" ]; then
		echo "kept: $tmp"
	else
		chmod -R u+rwx "$tmp" 2>/dev/null
		rm -rf "$tmp" 2>/dev/null
	fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP PIPE
mkdir -p "$tmp/log" "$tmp/cwd"

# ---------------------------------------------------------------- bounds, tools

SAN=0
grep -q __asan_init "$SLM" 2>/dev/null && SAN=1
X=1
[ "$SAN" = 1 ] && X=4
TIME=
if [ -x /usr/bin/time ]; then TIME=/usr/bin/time; else echo "note: /usr/bin/time missing: memory bounds not checked"; fi
TRACE=0
# LeakSanitizer cannot work under ptrace: the sanitizer build is not traced (the normal one is)
if [ "${SAN:-0}" != 1 ] && command -v strace >/dev/null 2>&1 && strace -f -qq -o /dev/null true 2>/dev/null; then
	TRACE=1
else
	echo "note: strace missing or not permitted: system calls (sockets, writes) not traced"
fi
ROOT=0
[ "$(id -u)" = 0 ] && ROOT=1
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"

ok() { pass=$((pass + 1)); echo "ok   $1"; }
skip() { echo "skip $1: $2"; }
why=
note() { why="$why
  $*"; }

# report: the case $cur is ok, or FAIL with every note and the head of its output
report() {
	n=$cur
	if [ -z "$why" ]; then
		ok "$n (${secs}s, $((kb / 1024)) MiB)"
	else
		failed=$((failed + 1))
		echo "FAIL $n (${secs}s, $((kb / 1024)) MiB)$why" | sed '2,$s/^/   /'
		if [ -s "$out" ]; then
			echo "     output (first lines):"
			head -c 2000 "$out" | head -8 | cat -v | sed 's/^/       | /'
		fi
	fi
	why=
}

# run NAME SECS MB DIR CMD...: CMD in DIR, stdout and stderr to $out; sets cur, rc, secs, kb.
# Notes (and returns 1) on a timeout, a signal, a sanitizer report, more than SECS*X seconds or (but
# for a sanitizer build, whose memory use is its own) MB MiB of resident memory.  The hard cap of
# `timeout` is SECS*X + 10.
run() {
	secs=0 kb=0 out=/dev/null
	cur=$1 lim_s=$2 lim_mb=$3 dir=$4
	shift 4
	out=$tmp/log/$(echo "$cur" | tr '/ ' '__').out
	cap=$((lim_s * X + 10))
	t0=$(date +%s.%N)
	if [ -n "$TIME" ]; then
		(cd "$dir" && exec $TIME -o "$tmp/log/time" -f '%e %M' timeout -k 5 "$cap" "$@") >"$out" 2>&1
	else
		(cd "$dir" && exec timeout -k 5 "$cap" "$@") >"$out" 2>&1
	fi
	rc=$?
	t1=$(date +%s.%N)
	secs=$(echo "$t0 $t1" | awk '{ printf "%.2f", $2 - $1 }')
	kb=0
	[ -n "$TIME" ] && kb=$(tail -1 "$tmp/log/time" 2>/dev/null | awk '{ print $2 + 0 }')
	before=$why
	case $rc in
	124 | 137) note "no answer within ${cap}s: a hang" ;;
	12[5-7]) note "could not run: exit $rc" ;;
	1[2-9][0-9] | 2[0-9][0-9]) note "killed by signal $((rc - 128)): a crash" ;;
	esac
	if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|[A-Za-z0-9_]\.(c|h|cc):[0-9]+:[0-9]+: runtime error:' "$out"; then
		note "sanitizer report: $(grep -m1 -E 'ERROR: (Add|Leak)|\.(c|h|cc):[0-9]+:[0-9]+: runtime error:' "$out")"
	fi
	if awk -v s="$secs" -v l="$((lim_s * X))" 'BEGIN { exit !(s > l) }'; then
		note "took ${secs}s, over the bound of $((lim_s * X))s"
	fi
	if [ "$SAN" = 0 ] && [ "$kb" -gt $((lim_mb * 1024)) ]; then
		note "peak memory $((kb / 1024)) MiB, over the bound of $lim_mb MiB"
	fi
	[ "$why" = "$before" ]
}

# exits "1 2": the exit status is one of these
exits() {
	for e in $1; do [ "$rc" = "$e" ] && return 0; done
	note "exit status $rc, expected one of: $1"
}

# has REGEX [what]: the output has a line matching REGEX (grep -E)
has() { grep -qE -- "$1" "$out" || note "${2:-no line of the output matches /$1/}"; }
# lacks REGEX [what]: no line of the output matches REGEX
lacks() { ! grep -qE -- "$1" "$out" || note "${2:-the output has /$1/}: $(grep -m1 -E -- "$1" "$out" | cut -c1-160)"; }

# golden NAME SECS MB DIR CMD...: run, then compare "<output>" + "exit: N" with expected/NAME.txt
golden() {
	exp=$here/expected/$(echo "$1" | tr '/' '_').txt
	if run "$@"; then
		actual=$(cat "$out"; echo "exit: $rc")
		[ "${UPDATE:-}" = 1 ] && printf '%s\n' "$actual" >"$exp"
		if [ ! -f "$exp" ]; then
			note "no expected file $exp (UPDATE=1 writes it)"
		elif [ "$(cat "$exp")" != "$actual" ]; then
			note "differs from $(basename "$exp"):"
			why="$why
$(printf '%s\n' "$actual" | diff -u "$exp" - | tail -n +3 | head -30 | cat -v | sed 's/^/       /')"
		fi
	fi
	report
}

# ---------------------------------------------------------------- network trap, tracing

PORT=9 NETLOG=$tmp/net.log
: >"$NETLOG"
if command -v python3 >/dev/null 2>&1; then
	python3 "$here/listen.py" "$tmp/port" "$NETLOG" &
	LPID=$!
	i=0
	while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	if [ -s "$tmp/port" ]; then PORT=$(cat "$tmp/port"); else echo "note: the listener did not start"; LPID=; fi
else
	echo "note: python3 missing: no listener; URLs point at the discard port and only strace can tell"
fi
sync_n=0
# net_quiet: the listener saw no connection since the last call.  A marker connection is made and
# waited for first, so that every earlier connection (accepted in order) has been logged.
net_quiet() {
	[ -n "$LPID" ] || return 0
	sync_n=$((sync_n + 1))
	python3 -c "import socket; s = socket.create_connection(('127.0.0.1', $PORT)); s.sendall(b'SYNC-$sync_n'); s.close()" 2>/dev/null
	i=0
	while ! grep -q "SYNC-$sync_n'" "$NETLOG" && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	if grep -v "b'SYNC-" "$NETLOG" | grep -q .; then
		note "network access: the listener on 127.0.0.1:$PORT was contacted: $(grep -v "b'SYNC-" "$NETLOG" | head -3 | tr '\n' ' ')"
	fi
	: >"$NETLOG"
}

TRACE_LOG=$tmp/log/trace
TR=
[ "$TRACE" = 1 ] && TR="strace -f -y -qq -z -o $TRACE_LOG -e trace=socket,connect,open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,unlink,unlinkat,truncate"
# traced_ok [DIR]: the trace of the last run shows no AF_INET/AF_INET6 socket, and nothing created,
# written, renamed, linked or removed outside DIR (fontconfig's cache and /dev/null excepted)
traced_ok() {
	[ "$TRACE" = 1 ] && [ -f "$TRACE_LOG" ] || return 0
	if grep -qE 'socket\((AF|PF)_INET6?,' "$TRACE_LOG"; then
		note "network: $(grep -m1 -E 'socket\((AF|PF)_INET6?,' "$TRACE_LOG" | cut -c1-160)"
	fi
	bad_w=$(awk -v allow="${1:-/nonexistent}" '
		function allowed(p) {
			return p == allow || index(p, allow "/") == 1 || p ~ /^\/dev\/(null|tty|pts\/)/ ||
			       p ~ /fontconfig/ || p ~ /\/\.cache$/ || p ~ /^\/proc\/self\/fd\//
		}
		/(^|[ ])(open|openat|creat)\(/ && !/O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_TMPFILE/ { next }
		/(^|[ ])(open|openat|creat|mkdir|mkdirat|rename|renameat|renameat2|link|linkat|symlink|symlinkat|unlink|unlinkat|truncate)\(/ {
			# a name relative to a folder descriptor (strace -y shows its path) is that
			# folder'"'"'s
			line = $0
			while (match(line, /([0-9]+<[^>]*>, )?"[^"]*"/)) {
				m = substr(line, RSTART, RLENGTH)
				line = substr(line, RSTART + RLENGTH)
				dir = ""
				if (match(m, /^[0-9]+<[^>]*>/)) {
					dir = substr(m, RSTART, RLENGTH)
					sub(/^[0-9]+</, "", dir)
					sub(/>$/, "", dir)
				}
				q = m
				sub(/^[^"]*"/, "", q)
				sub(/"$/, "", q)
				p = (dir != "" && q !~ /^\//) ? (q == "." ? dir : dir "/" q) : q
				if (!allowed(p)) { print $0; break }
			}
		}' "$TRACE_LOG" | head -3)
	[ -z "$bad_w" ] || note "writes outside the output folder: $(echo "$bad_w" | cut -c1-200 | tr '\n' ' ')"
	rm -f "$TRACE_LOG"
}

# the traps themselves: a connection and a write they must see, or every "no network" and "no
# write" below would pass for nothing
cur=harness/traps out=/dev/null secs=0 kb=0
if [ -n "$LPID" ]; then
	python3 -c "import socket; s = socket.create_connection(('127.0.0.1', $PORT)); s.sendall(b'SELFTEST'); s.close()"
	net_quiet
	case $why in *SELFTEST*) why= ;; *) note "the listener did not log a connection" ;; esac
fi
if [ "$TRACE" = 1 ]; then
	# shellcheck disable=SC2086
	$TR sh -c 'echo x >"$1/cwd/written"; python3 -c "import socket; socket.socket()" 2>/dev/null' sh "$tmp"
	traced_ok "$tmp/o"
	case $why in *written*) why= ;; *) note "strace did not catch a write outside the output folder" ;; esac
	rm -f "$tmp/cwd/written"
fi
report

decl='<?xml version="1.0" encoding="UTF-8"?>'
org='<organization xmlns="urn:slm:1" id="ORG" name="x"'
# case_dir NAME: a fresh folder for one case
case_dir() { d=$tmp/c/$1; mkdir -p "$d"; echo "$d"; }

# ================================================================ documents: invalid UTF-8

# utf8 NAME FORMAT: org.xml from printf FORMAT (bytes as octal \NNN: dash's printf has no \xNN),
# validated; golden
utf8() {
	d=$(case_dir "utf8-$1")
	# shellcheck disable=SC2059
	printf "$2" >"$d/org.xml"
	golden "utf8/$1" 10 64 "$d" "$SLM" validate .
}
utf8 element-name "$decl\n$org>\n  <depart\351ment/>\n</organization>\n"
utf8 attribute-name "$decl\n$org n\351me=\"y\"/>\n"
utf8 text "$decl\n$org>caf\351</organization>\n"
utf8 comment "$decl\n<!-- caf\351 -->\n$org/>\n"
utf8 comment-in-element "$decl\n$org>\n  <!-- caf\351 -->\n</organization>\n"
utf8 processing-instruction "$decl\n<?note caf\351?>\n$org/>\n"
utf8 cdata "$decl\n$org><![CDATA[caf\351]]></organization>\n"
utf8 xml-declaration '<?xml version="1.0" encoding="UTF-8" standalone="\351"?>\n'"$org/>\n"
utf8 last-byte "$decl\n$org/>\n\377"
utf8 truncated-at-eof "$decl\n$org/>\n\344\270"
utf8 truncated-at-eof-in-comment "$decl\n$org/>\n<!-- \344\270"
utf8 truncated-sequence-in-text "$decl\n$org>\344\270</organization>\n"
utf8 overlong-2-bytes "$decl\n$org>\300\257</organization>\n"
utf8 overlong-3-bytes "$decl\n$org>\340\200\257</organization>\n"
utf8 overlong-4-bytes "$decl\n$org>\360\200\200\257</organization>\n"
utf8 surrogate "$decl\n$org>\355\240\200</organization>\n"
utf8 above-u10ffff "$decl\n$org>\364\220\200\200</organization>\n"
utf8 lone-continuation "$decl\n$org>\200</organization>\n"
utf8 byte-fe "$decl\n$org>\376</organization>\n"
utf8 after-multiline-comment "$decl\n$org>\n<!-- a\n b\n c -->\351</organization>\n"
utf8 after-inline-comment "$decl\n$org><!-- c -->caf\351</organization>\n"
utf8 after-cdata "$decl\n$org><![CDATA[ok]]>caf\351</organization>\n"

# the encoding check reads the XML declaration only at byte 0: behind a BOM it is not seen
d=$(case_dir bom-latin1)
printf '\357\273\277<?xml version="1.0" encoding="ISO-8859-1"?>\n%s/>\n' "$org" >"$d/org.xml"
golden encoding/bom-then-latin1 10 64 "$d" "$SLM" validate .

# invalid UTF-8 in the configuration, not only in documents
d=$(case_dir config-utf8)
printf '%s\n%s/>\n' "$decl" "$org" >"$d/org.xml"
printf '%s\n<slm-config xmlns="urn:slm:config:1">\n  <rule name="breach" severity="note" path="caf\351/*"/>\n</slm-config>\n' "$decl" >"$d/.slm-config.xml"
golden utf8/configuration 10 64 "$d" "$SLM" check --as-of $asof .

# ================================================================ documents: absurd sizes

# a sparse 1 GiB file: refused by its size before a byte is read
d=$(case_dir 1gib)
truncate -s 1G "$d/big.xml"
golden size/1gib-sparse 10 64 "$d" "$SLM" validate .
d=$(case_dir 1gib-config)
printf '%s\n%s/>\n' "$decl" "$org" >"$d/org.xml"
truncate -s 1G "$d/.slm-config.xml"
golden size/1gib-sparse-configuration 10 64 "$d" "$SLM" check --as-of $asof .

# exactly the 32 MiB limit (legal XML: whitespace) and one byte over it
d=$(case_dir at-limit)
{
	printf '%s\n%s>' "$decl" "$org"
	head -c $((33554432 - ${#decl} - 1 - ${#org} - 1 - 16)) /dev/zero | tr '\0' ' '
	printf '</organization>\n'
} >"$d/org.xml"
if [ "$(stat -c %s "$d/org.xml")" = 33554432 ]; then
	run size/at-limit-32mib 20 512 "$d" "$SLM" validate . && {
		exits "0 1"
		lacks 'internal error|Huge input|HUGE' "libxml2's internal wording reaches the user"
		has '^org\.xml' "no diagnostic names org.xml"
	}
	report
	printf ' ' >>"$d/org.xml"
	golden size/over-limit-by-one-byte 10 64 "$d" "$SLM" validate .
	rm -f "$d/org.xml"
else
	skip size/at-limit-32mib "could not build a file of exactly 32 MiB"
fi

# 20 MB of text in one element, 20 MB in one attribute value, a 100,000-character name
d=$(case_dir text-20mb)
{ printf '%s\n%s>' "$decl" "$org"; head -c 20000000 /dev/zero | tr '\0' x; printf '</organization>\n'; } >"$d/org.xml"
run size/text-20mb 20 512 "$d" "$SLM" validate . && {
	exits 1
	has '^org\.xml:2:[0-9]+: error: ' "no diagnostic names org.xml and line 2"
	lacks 'internal error|Huge input|HUGE' "libxml2's internal wording reaches the user"
}
report
d=$(case_dir value-20mb)
{ printf '%s\n<organization xmlns="urn:slm:1" id="ORG" name="' "$decl"; head -c 20000000 /dev/zero | tr '\0' x; printf '"/>\n'; } >"$d/org.xml"
golden size/attribute-value-20mb 20 512 "$d" "$SLM" validate .
rm -f "$d/org.xml" "$tmp/c/text-20mb/org.xml"
d=$(case_dir name-100k)
{ printf '%s\n%s><' "$decl" "$org"; head -c 100000 /dev/zero | tr '\0' x; printf '/></organization>\n'; } >"$d/org.xml"
golden size/name-100000-characters 10 128 "$d" "$SLM" validate .

# 10 million attributes on one element (50 MB: refused by size)
d=$(case_dir attrs-10m)
{ printf '%s\n%s' "$decl" "$org"; yes ' a=""' | head -n 10000000 | tr -d '\n'; printf '/>\n'; } >"$d/org.xml"
golden size/10-million-attributes 10 64 "$d" "$SLM" validate .
rm -f "$d/org.xml"

# the densest documents under the limit: 30 MiB of elements of 254 attributes each (4 million
# attributes), and 32 MiB of empty elements (8 million): bounded time and memory, a clear message
d=$(case_dir dense-attributes)
line='<d'
i=0
while [ $i -lt 254 ]; do line="$line a$i=\"\""; i=$((i + 1)); done
line="$line/>"
{ printf '%s\n%s>\n' "$decl" "$org"; yes "$line" | head -n $((31457280 / (${#line} + 1))); printf '</organization>\n'; } >"$d/org.xml"
run size/dense-attributes-30mib 30 512 "$d" "$SLM" validate . && {
	exits 1
	has '^org\.xml:[0-9]+:[0-9]+: error: ' "no diagnostic names org.xml and a line"
	lacks 'internal error|Huge input|HUGE' "libxml2's internal wording reaches the user"
}
report
d=$(case_dir dense-elements)
{ printf '%s\n%s>' "$decl" "$org"; yes '<d/>' | head -n $(((33554432 - 200) / 4)) | tr -d '\n'; printf '</organization>\n'; } >"$d/org.xml"
run size/dense-elements-32mib 30 512 "$d" "$SLM" validate . && {
	exits 1
	has '^org\.xml:2:[0-9]+: error: ' "no diagnostic names org.xml and line 2"
}
report
rm -f "$tmp/c/dense-attributes/org.xml" "$tmp/c/dense-elements/org.xml"

# four 32 MiB documents of empty comments read at once: each would take hundreds of MiB as a tree
# (libxml2 2.9 crashed on a refused allocation while parsing them in parallel), so comments count
# with the elements against the limit of a document, whatever the number of threads
d=$(case_dir comment-flood)
for i in 1 2 3 4; do
	{ printf '%s\n<ola xmlns="urn:slm:1" id="OLA-F%s" status="draft" dept="D" calendar="CN">\n' "$decl" $i
	  yes '<!---->' | head -n 4793000 | tr -d '\n'; printf '</ola>\n'; } >"$d/flood$i.xml"
done
run size/comment-flood-4x32mib 30 128 "$d" env SLM_JOBS=2 "$SLM" check --as-of $asof . && {
	exits 1
	has '^flood1\.xml:3:[0-9]+: error: document has more than 100000 elements, comments and processing instructions' "flood1.xml is not refused with its line"
	lacks 'unresolved-ref' "a stopped document is still read"
}
report
rm -rf "$d"

# the SLA clock of incidents that run for millennia (valid instants in 9999): counted day by day it
# took 1.5 s per incident, so the clock is counted over 400 days and said as "more than"
d=$(case_dir clock-millennia)
cp -r "$top/samples" "$d/repo"
report_file=$d/repo/bank/reports/2025-08.xml
awk 'BEGIN { for (i = 0; i < 100; i++)
	printf "  <incident id=\"INC-LONG-%03d\" service=\"SVC-DB\" priority=\"P1\" opened=\"2025-08-01T00:00:00+08:00\" responded=\"9999-12-01T00:00:00+08:00\" resolved=\"9999-12-31T00:00:00+08:00\"/>\n", i }' >"$d/incidents"
awk -v inc="$d/incidents" '/<satisfaction/ { while ((getline l < inc) > 0) print l } { print }' "$report_file" >"$d/report" &&
	mv "$d/report" "$report_file"
run scale/incident-clock-millennia 10 256 "$d" "$SLM" check --as-of $asof repo && {
	exits 1
	has 'incident INC-LONG-000 \(SVC-DB, P1\) was responded to in more than [0-9]+ h and resolved in more than [0-9]+ h on the SLA clock' "the breach is not said as a lower bound"
}
report

# a term from the year 1 with daily reports: 739,000 missing periods were as many findings (1.3 GB,
# 1.7 GB of reports); the first 24 are said, the rest in one finding
d=$(case_dir daily-since-year-1)
cp -r "$top/samples" "$d/repo"
sed -i 's/start="2025-01-01" end="2026-12-31"/start="0001-01-01" end="2026-12-31"/; s/<reporting every="P1M"/<reporting every="P1D"/' "$d/repo/bank/sla.xml"
run scale/report-missing-since-year-1 10 128 "$d" "$SLM" check --as-of $asof repo && {
	exits 1
	has 'error: and [0-9]{6} more reporting periods of SLA-BANK-2025, up to 2025-11-[0-9]{2}, have no service report' "the rest is not summed up"
	[ "$(grep -c 'report-missing' "$out")" -lt 40 ] || note "$(grep -c 'report-missing' "$out") report-missing findings"
}
report

# scale: the samples with a report of 10,000 incidents and a 1 MiB comment: bounded check
d=$(case_dir scale)
cp -r "$top/samples" "$d/repo"
report_file=$d/repo/bank/reports/2025-08.xml
if [ -f "$report_file" ] && grep -q '<satisfaction' "$report_file"; then
	awk 'BEGIN {
		for (i = 0; i < 10000; i++) {
			d = 1 + i % 31; h = int(i / 31) % 24; m = (i * 7) % 50
			printf "  <incident id=\"INC-BIG-%05d\" service=\"SVC-NET\" priority=\"P3\" opened=\"2025-08-%02dT%02d:%02d:00+08:00\" responded=\"2025-08-%02dT%02d:%02d:00+08:00\" resolved=\"2025-08-%02dT%02d:%02d:00+08:00\">事件 %d</incident>\n", i, d, h, m, d, h, m + 5, d, h, m + 5, i
		}
	}' >"$d/incidents"
	yes '服务级别协议的长篇评论。' | head -n 30000 | tr -d '\n' >"$d/comment"
	awk -v inc="$d/incidents" -v com="$d/comment" '
		/<satisfaction/ { while ((getline l < inc) > 0) print l }
		/<comment>/ { getline c < com; sub(/<comment>.*<\/comment>/, "<comment>" c "</comment>") }
		{ print }' "$report_file" >"$d/report" && mv "$d/report" "$report_file"
	run scale/report-10000-incidents 20 256 "$d" "$SLM" check --as-of $asof repo && {
		exits "0 1"
		has '^slm check: [0-9]+ errors?, ' "no summary line"
		lacks 'reports/2025-08\.xml.*\[(xml-malformed|schema)\]' "the generated report is not valid: the case tests nothing"
	}
	report
	# and rendered: an incident table of 10,000 rows (about 1,000 pages) in bounded time and memory;
	# the report stylesheet once compared every incident with every other (it failed at 3,000)
	run scale/render-report-10000-incidents 40 640 "$d" "$SLM" render --as-of $asof -o report.pdf repo/bank/reports/2025-08.xml && {
		exits "0"
		[ -s "$d/report.pdf" ] && qpdf --check "$d/report.pdf" >/dev/null 2>&1 || note "no sound report.pdf"
		pdftotext -f 990 "$d/report.pdf" - 2>/dev/null | grep -q 'INC-BIG-' || note "the last pages do not carry incidents"
	}
	report
	# render reads of the repository only what its documents reach, after a scan of every file:
	# 30 MiB of attributes in a file nothing names costs the scan its bound, not 30 MiB kept
	mkdir -p "$d/repo/junk"
	line="<x"; i=0
	while [ $i -lt 200 ]; do line="$line a$i=\"v$i\""; i=$((i + 1)); done
	line="$line/>"
	{ printf '<sla xmlns="urn:slm:1" id="JUNK">\n'; yes "$line" | head -n $((31457280 / (${#line} + 1))); printf '</sla>\n'; } >"$d/repo/junk/dense.xml"
	run scale/render-beside-30mib-of-attributes 20 256 "$d" "$SLM" render --as-of $asof -o sla.pdf repo/bank/sla.xml && {
		exits "0"
		[ -s "$d/sla.pdf" ] || note "no sla.pdf"
	}
	report
	rm -f "$d/repo/junk/dense.xml"
else
	skip scale/report-10000-incidents "samples/bank/reports/2025-08.xml has changed shape"
fi

# ================================================================ documents: paths and links

d=$(case_dir deep-folders)
p=$d/repo
i=0
while [ $i -lt 66 ]; do p=$p/d; i=$((i + 1)); done
mkdir -p "$p"
printf '%s\n%s/>\n' "$decl" "$org" >"$p/org.xml"
golden paths/folders-66-deep 10 64 "$d" "$SLM" validate repo

# a path longer than PATH_MAX (built with relative mkdir, as no single path may be that long)
d=$(case_dir long-path)
long=$(printf '%0250d' 0 | tr 0 n)
nine=$long/$long/$long/$long/$long/$long/$long/$long/$long
(mkdir -p "$d/repo/$nine" && cd "$d/repo/$nine" && mkdir -p "$nine")
run paths/longer-than-path-max 10 64 "$d" "$SLM" validate repo && {
	exits 2
	has '^repo/n+(/n+)*: fatal error: cannot read( folder)?: File name too long \[io-error\]$'
}
report

# a link to a sibling folder whose name starts with the repository's name
d=$(case_dir sibling)
mkdir -p "$d/repo" "$d/repo-evil"
printf '%s\n%s/>\n' "$decl" "$org" >"$d/repo/org.xml"
printf '%s\n<organization xmlns="urn:slm:1" id="EVIL" name="outside"/>\n' "$decl" >"$d/repo-evil/evil.xml"
ln -s ../repo-evil/evil.xml "$d/repo/evil.xml"
ln -s ../repo-evil "$d/repo/more"
golden paths/link-to-sibling-with-same-prefix 10 64 "$d" "$SLM" validate repo

# the configuration as a link out of the repository: an outside file would decide severities
d=$(case_dir config-link)
mkdir -p "$d/repo" "$d/outside"
printf '%s\n%s bad="1"/>\n' "$decl" "$org" >"$d/repo/org.xml"
printf '%s\n<slm-config xmlns="urn:slm:config:1">\n  <rule name="schema" severity="off"/>\n</slm-config>\n' "$decl" >"$d/outside/config.xml"
ln -s ../outside/config.xml "$d/repo/.slm-config.xml"
run paths/configuration-link-out-of-repository 10 64 "$d" "$SLM" check --as-of $asof repo && {
	exits "1 2"
	has 'repo/\.slm-config\.xml.*(leaves the repository|outside the repository)' \
		"no diagnostic says that repo/.slm-config.xml leaves the repository"
}
report

# the configuration as a FIFO: never blocks
d=$(case_dir config-fifo)
printf '%s\n%s/>\n' "$decl" "$org" >"$d/org.xml"
mkfifo "$d/.slm-config.xml"
golden paths/configuration-fifo 10 64 "$d" "$SLM" check --as-of $asof .

# ================================================================ documents: no network

# every way a document or the configuration could name a URL, all at the listener; the schema
# import is redirected there by a catalog in the environment too
d=$(case_dir network)
mkdir -p "$d/repo" "$d/cfg"
u=http://127.0.0.1:$PORT
printf '%s\n<organization xmlns="urn:slm:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:slm:1 %s/slm.xsd" id="ORG" name="x"/>\n' "$decl" "$u" >"$d/repo/a-schema-location.xml"
printf '%s\n<organization xmlns="urn:slm:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="%s/none.xsd" id="ORG2" name="x"/>\n' "$decl" "$u" >"$d/repo/b-no-namespace-schema-location.xml"
printf '%s\n<organization xmlns="urn:slm:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="ORG3" name="x">\n  <xi:include href="%s/include.xml"/>\n  <xi:include href="%s/text.txt" parse="text"/>\n</organization>\n' "$decl" "$u" "$u" >"$d/repo/c-xinclude.xml"
printf '%s\n<?xml-stylesheet type="text/xsl" href="%s/style.xsl"?>\n<organization xmlns="urn:slm:1" id="ORG4" name="x"/>\n' "$decl" "$u" >"$d/repo/d-xml-stylesheet.xml"
printf '%s\n<!DOCTYPE organization SYSTEM "%s/doctype.dtd">\n<organization xmlns="urn:slm:1" id="ORG5" name="x"/>\n' "$decl" "$u" >"$d/repo/e-doctype.xml"
printf '%s\n<!DOCTYPE organization [ <!ENTITY %% p SYSTEM "%s/parameter.dtd"> %%p; ]>\n<organization xmlns="urn:slm:1" id="ORG6" name="x"/>\n' "$decl" "$u" >"$d/repo/f-parameter-entity.xml"
printf '<?xml version="1.0"?>\n<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n  <rewriteSystem systemIdStartString="http://www.w3.org/" rewritePrefix="%s/w3/"/>\n  <rewriteURI uriStartString="http://www.w3.org/" rewritePrefix="%s/w3/"/>\n  <rewriteURI uriStartString="urn:slm:1" rewritePrefix="%s/slm/"/>\n</catalog>\n' "$u" "$u" "$u" >"$d/catalog.xml"
# shellcheck disable=SC2086
run net/documents 20 128 "$d" env XML_CATALOG_FILES="$d/catalog.xml" $TR "$SLM" check --as-of $asof repo && {
	exits 1
	has '^repo/e-doctype\.xml:2:1: error: DOCTYPE declaration refused'
	has '^repo/f-parameter-entity\.xml:2:1: error: DOCTYPE declaration refused'
	has '^repo/c-xinclude\.xml:3:1: error: .*include'
}
net_quiet
traced_ok
report
printf '%s\n<!DOCTYPE slm-config SYSTEM "%s/config.dtd">\n<slm-config xmlns="urn:slm:config:1"/>\n' "$decl" "$u" >"$d/cfg/.slm-config.xml"
printf '%s\n%s/>\n' "$decl" "$org" >"$d/cfg/org.xml"
# shellcheck disable=SC2086
run net/configuration 10 64 "$d" $TR "$SLM" check --as-of $asof cfg && {
	exits 2
	has '^cfg/\.slm-config\.xml:2:1: error: DOCTYPE declaration refused'
}
net_quiet
traced_ok
report

# ================================================================ diagnostics from hostile bytes

# one_line_each: every line of the text output is a diagnostic of a file of r/ or the summary, and
# has no control character (ESC, BEL, CR...) and no invalid UTF-8
one_line_each() {
	bad_l=$(grep -vE '^(r/[^:]+(:[0-9]+:[0-9]+)?: (error|warning|note|fatal error): .* \[[a-z-]+\]|slm (validate|check): .*)$' "$out" | head -3)
	[ -z "$bad_l" ] || note "lines that are not diagnostics (forged or broken): $(echo "$bad_l" | cat -v | cut -c1-120 | tr '\n' '|')"
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$out"; then
		note "control characters from the document reach the terminal: $(LC_ALL=C grep -m1 "$(printf '[\001-\010\013-\037\177]')" "$out" | cat -v | cut -c1-120)"
	fi
	iconv -f UTF-8 -t UTF-8 "$out" >/dev/null 2>&1 || note "the output is not valid UTF-8"
}
d=$(case_dir escapes)
mkdir -p "$d/r"
printf '<?xml version="1.0" encoding="\033]0;pwned\007\033[2J\033[31mX"?>\n%s/>\n' "$org" >"$d/r/escape.xml"
ln -s "$(printf '/nowhere/\033[31mred\033[0m.xml')" "$d/r/link.xml"
run diagnostics/terminal-escapes 10 64 "$d" "$SLM" validate r && {
	exits 1
	one_line_each
}
report
d=$(case_dir forged)
mkdir -p "$d/r"
printf '%s\n<organization xmlns="urn:slm:1" id="ORG&#10;r/forged.xml:1:1: error: forged diagnostic [schema]&#13;" name="x"/>\n' "$decl" >"$d/r/newline.xml"
run diagnostics/newline-in-a-value 10 64 "$d" "$SLM" validate r && {
	exits 1
	one_line_each
	lacks '^r/forged\.xml' "a document forged a diagnostic line"
}
report

# invalid UTF-8 that a message quotes (an encoding name, a link target): every format stays valid
d=$(case_dir formats)
mkdir -p "$d/r"
printf '<?xml version="1.0" encoding="UTF-8\351"?>\n%s/>\n' "$org" >"$d/r/encoding.xml"
ln -s "$(printf '/nowhere/caf\351.xml')" "$d/r/link.xml"
printf '%s\n%s/>\n' "$decl" "$org" >"$d/r/org.xml"
for f in text json sarif junit svrl xml github; do
	run "diagnostics/invalid-utf8-in-messages-$f" 10 64 "$d" "$SLM" check --format $f --as-of $asof r && {
		exits 1
		iconv -f UTF-8 -t UTF-8 "$out" >/dev/null 2>&1 || note "--format $f output is not valid UTF-8"
		case $f in
		json | sarif) ! command -v python3 >/dev/null || python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$out" 2>/dev/null ||
			note "--format $f output is not JSON" ;;
		junit | svrl | xml) xmllint --noout "$out" 2>/dev/null || note "--format $f output is not well-formed XML" ;;
		esac
	}
	report
done

# ================================================================ output: devices, full, read-only

d=$(case_dir out)
mkdir -p "$d/repo"
printf '%s\n%s bad="1"/>\n' "$decl" "$org" >"$d/repo/org.xml"
cp -r "$top/samples" "$d/samples"

# is_char_dev PATH
is_char_dev() { [ -c "$1" ]; }

dev_ok=0
if [ "$ROOT" = 1 ] && mknod "$d/full" c 1 7 2>/dev/null && mknod "$d/null" c 1 3 2>/dev/null && [ -c "$d/full" ]; then
	# a device is neither written into nor replaced: refused (issue 12)
	run output/device-full 10 64 "$d" "$SLM" check --as-of $asof -o "$d/full" repo && {
		exits 2
		has '^slm: cannot write .*/full: it is a device; slm writes only regular files'
	}
	is_char_dev "$d/full" || note "-o replaced the device node with a file"
	[ -z "$why" ] && dev_ok=1
	report
	run output/device-null 10 64 "$d" "$SLM" check --as-of $asof -o "$d/null" repo && {
		exits 2
		has '^slm: cannot write .*/null: it is a device; slm writes only regular files'
	}
	is_char_dev "$d/null" || note "-o replaced the device node with a file"
	report
else
	skip output/device-full "mknod is not permitted here (needs root)"
fi
# the real /dev/full, only once a copy of the device has shown it is written in place
if [ "$dev_ok" = 1 ] && [ -w /dev/full ]; then
	run output/dev-full 10 64 "$d" "$SLM" check --as-of $asof -o /dev/full repo && {
		exits 2
		has '^slm: cannot write /dev/full: it is a device; slm writes only regular files'
	}
	if ! is_char_dev /dev/full; then
		note "/dev/full was REPLACED by a file (restored with mknod)"
		rm -f /dev/full && mknod -m 666 /dev/full c 1 7
	fi
	report
else
	skip output/dev-full "the device copy was not written in place, or /dev/full is not writable"
fi
run output/stdout-on-dev-full 10 64 "$d" sh -c '"$0" check --as-of "$1" repo >/dev/full' "$SLM" $asof && {
	exits 2
	has '^slm: cannot write to standard output: No space left on device$'
}
report

# tmpfs_at DIR SIZE: a tiny tmpfs at DIR (root only); false when it cannot be mounted
tmpfs_at() {
	mkdir -p "$1"
	[ "$ROOT" = 1 ] && mount -t tmpfs -o "size=$2,mode=755" tmpfs "$1" 2>/dev/null || return 1
	MOUNTS="$1 $MOUNTS"
}
# only_files DIR NAME...: DIR holds exactly these files (no temporary or partial file)
only_files() {
	dir=$1
	shift
	want=$(for f in "$@"; do echo "$f"; done | sort)
	have=$(ls -A "$dir" | sort)
	[ "$want" = "$have" ] || note "$dir holds: $(echo "$have" | tr '\n' ' ') (expected: $*)"
}
if tmpfs_at "$d/full-fs" 64k; then
	echo 'OLD REPORT' >"$d/full-fs/report.json"
	head -c 1M /dev/zero >"$d/full-fs/fill" 2>/dev/null
	run output/filesystem-full 10 64 "$d" "$SLM" check --format json --as-of $asof -o "$d/full-fs/report.json" repo && {
		exits 2
		has '^slm: cannot write .*/report\.json: No space left on device$'
	}
	[ "$(cat "$d/full-fs/report.json")" = 'OLD REPORT' ] || note "the previous report was changed"
	only_files "$d/full-fs" fill report.json
	report
	# room for the temporary file to start, not to finish: the write fails midway
	rm -f "$d/full-fs/fill"
	head -c 40k /dev/zero >"$d/full-fs/fill"
	run output/filesystem-full-midway 10 64 "$d" "$SLM" check --format sarif --as-of $asof -o "$d/full-fs/report.json" samples && {
		exits 2
		has '^slm: cannot write .*/report\.json: No space left on device$'
	}
	[ "$(cat "$d/full-fs/report.json")" = 'OLD REPORT' ] || note "the previous report was changed"
	only_files "$d/full-fs" fill report.json
	report
	# slm new on a full filesystem: no file, no temporary file left
	head -c 1M /dev/zero >>"$d/full-fs/fill" 2>/dev/null
	run output/new-on-full-filesystem 10 64 "$d" "$SLM" new ola OLA-X -o "$d/full-fs/ola.xml" && {
		exits 2
		has 'ola\.xml.*No space left on device'
	}
	only_files "$d/full-fs" fill report.json
	report
else
	skip output/filesystem-full "cannot mount a tmpfs here (needs root)"
fi
mkdir -p "$d/ro-src" "$d/ro"
echo 'OLD REPORT' >"$d/ro-src/report.txt"
if [ "$ROOT" = 1 ] && mount --bind "$d/ro-src" "$d/ro" 2>/dev/null; then
	MOUNTS="$d/ro $MOUNTS"
	if mount -o remount,bind,ro "$d/ro" 2>/dev/null; then
		run output/read-only-mount 10 64 "$d" "$SLM" check --as-of $asof -o "$d/ro/report.txt" repo && {
			exits 2
			has '^slm: cannot write .*/report\.txt: Read-only file system$'
		}
		[ "$(cat "$d/ro/report.txt")" = 'OLD REPORT' ] || note "the previous report was changed"
		report
	else
		skip output/read-only-mount "cannot remount read-only"
	fi
else
	skip output/read-only-mount "cannot bind-mount here (needs root)"
fi
# a folder the user may not write: as root, run as nobody (root writes anywhere)
mkdir -p "$d/locked"
echo 'OLD REPORT' >"$d/locked/report.txt"
chmod 555 "$d/locked"
chmod 644 "$d/locked/report.txt"
chmod -R a+rX "$d/repo"
as=
if [ "$ROOT" = 1 ]; then
	if command -v setpriv >/dev/null && setpriv --reuid=nobody --regid=nogroup --clear-groups "$SLM" --version >/dev/null 2>&1; then
		as="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	fi
fi
if [ "$ROOT" = 0 ] || [ -n "$as" ]; then
	# shellcheck disable=SC2086
	run output/read-only-folder 10 64 "$d" $as "$SLM" check --as-of $asof -o "$d/locked/report.txt" repo && {
		exits 2
		has '^slm: cannot write .*/report\.txt: Permission denied$'
	}
	[ "$(cat "$d/locked/report.txt")" = 'OLD REPORT' ] || note "the previous report was changed"
	only_files "$d/locked" report.txt
	report
else
	skip output/read-only-folder "root, and nobody cannot run $SLM here"
fi

# ================================================================ render: hostile stylesheets

if ! "$SLM" render --help >/dev/null 2>&1; then
	echo "skip render/*: $SLM has no working 'render' command yet ('slm render --help' fails);" \
		"$(ls "$here/stylesheets" | wc -l) hostile stylesheets wait in tests/hostile/stylesheets/"
	finish
	exit
fi
help=$("$SLM" render --help 2>&1)

# TMP/clean: a repository of one organization, the stylesheets in style/, a link to a PNG outside;
# TMP/dirty: the same plus hostile files inside it; TMP/outside: what must never be read
R=$tmp/r
mkdir -p "$R/clean/style" "$R/outside"
printf '%s\n%s/>\n' "$decl" "$org" >"$R/clean/org.xml"
printf '<?xml version="1.0"?>\n<secret>TOP-SECRET-OUTSIDE</secret>\n' >"$R/outside/secret.xml"
echo TOP-SECRET-TEXT >"$R/outside/secret.txt"
cp "$here/stylesheets/evil.xsl" "$R/outside/evil.xsl"
# a 1x1 PNG
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\006\000\000\000\037\025\304\211\000\000\000\rIDATx\234c\370\377\377?\000\005\376\002\376\247\065\201\204\000\000\000\000IEND\256B`\202' >"$R/outside/logo.png"
ln -s ../outside/logo.png "$R/clean/link-logo.png"
cp -r "$R/clean" "$R/dirty"
printf '%s\n<!DOCTYPE secret [ <!ENTITY s SYSTEM "file://%s/secret.txt"> ]>\n<secret>&s;</secret>\n' "$decl" "$R/outside" >"$R/dirty/evil-xxe.xml"
printf '%s\n<secret>packed</secret>\n' "$decl" | gzip -c >"$R/dirty/packed.xml"
truncate -s 1G "$R/dirty/huge.xml"
mkfifo "$R/dirty/pipe.xml"
ln -s ../outside/secret.xml "$R/dirty/link-secret.xml"
for repo in clean dirty; do
	for f in "$here"/stylesheets/*.xsl; do
		sed -e "s|@PWNED@|$PWNED|g" -e "s|@PORT@|$PORT|g" -e "s|@OUTSIDE@|$R/outside|g" \
			-e "s|@REPO@|$R/$repo|g" "$f" >"$R/$repo/style/$(basename "$f")"
	done
done
for src in abs:"$R/outside/logo.png" dotdot:../outside/logo.png uri:"file://$R/outside/logo.png" \
	link:link-logo.png http:"http://127.0.0.1:$PORT/logo.png" passwd:/etc/passwd; do
	sed "s|@SRC@|${src#*:}|" "$here/stylesheets/image.xsl.in" >"$R/clean/style/image-${src%%:*}.xsl"
done
REPO_OPT=
echo "$help" | grep -q -- '--repository' && REPO_OPT=--repository

# render_run NAME SECS MB REPO XSL [OUT]: render REPO/org.xml with REPO/style/XSL into OUT (default
# a fresh, empty folder TMP/o/NAME, as OUT/out.pdf) from an empty current folder, traced
render_run() {
	rname=$1 rs=$2 rmb=$3 rrepo=$R/$4 xsl=$5
	o=${6:-$tmp/o/$(echo "$1" | tr '/' '_')}
	mkdir -p "$o"
	touch "$tmp/stamp"
	sleep 0.01
	# shellcheck disable=SC2086
	run "$rname" "$rs" "$rmb" "$tmp/cwd" $TR "$SLM" render ${REPO_OPT:+$REPO_OPT "$rrepo"} \
		--stylesheet "$rrepo/style/$xsl" -o "$o/out.pdf" "$rrepo/org.xml"
}
# untouched: nothing was created or changed outside the output folder O
untouched() {
	ls -d "$PWNED"* >/dev/null 2>&1 && note "a stylesheet wrote outside the output folder: $(ls -d "$PWNED"* | tr '\n' ' ')" &&
		rm -rf "$PWNED"*
	changed=$(find "$R" "$tmp/cwd" -newer "$tmp/stamp" 2>/dev/null | head -3)
	[ -z "$changed" ] || note "files created or changed outside the output folder: $(echo "$changed" | tr '\n' ' ')"
	net_quiet
	traced_ok "$o"
}
# refused NAME REPO XSL REGEX [SECS MB]: the render fails (exit 1 or 2) with a message matching
# REGEX, leaves the output folder empty, touches nothing else, contacts no one
refused() {
	render_run "$1" "${5:-20}" "${6:-256}" "$2" "$3" && {
		exits "1 2"
		has "$4" "no clear message (none matches /$4/)"
		lacks 'TOP-SECRET|EVIL-STYLESHEET' "the output discloses what was read outside the repository"
		[ -z "$(ls -A "$o")" ] || note "the output folder is not empty: $(ls -A "$o" | tr '\n' ' ')"
		[ -z "$EXTRA" ] || eval "$EXTRA"
	}
	untouched
	report
}
EXTRA=
# rendered NAME REPO XSL SECS MB: the render succeeds (exit 0), one PDF and nothing else
rendered() {
	render_run "$1" "$4" "$5" "$2" "$3" && {
		exits 0
		[ -s "$o/out.pdf" ] || note "no PDF"
		only_files "$o" out.pdf
	}
	untouched
	report
}

# the controls: a harmless stylesheet renders, else every refusal below would prove nothing
rendered render/control clean control.xsl 30 512
[ "$rc" = 0 ] || echo "     (render cannot render a harmless stylesheet: the refusals below may prove nothing)"
rendered render/control-dirty-repository dirty control.xsl 30 512
dirty_ok=0
[ "$rc" = 0 ] && dirty_ok=1

# the stylesheet and the line of the culprit, "name.xsl:LINE"
at() { echo "$1\\.xsl(:| line )[0-9]+"; }
refused render/write-exsl-document clean write-exsl.xsl "$(at write-exsl)"
refused render/write-exsl-document-relative clean write-exsl-relative.xsl "$(at write-exsl-relative)"
refused render/write-exsl-document-mkdir clean write-exsl-mkdir.xsl "$(at write-exsl-mkdir)"
refused render/write-xsl-document-1.1 clean write-xsl-document.xsl "$(at write-xsl-document)"
refused render/document-etc-passwd clean read-passwd.xsl "$(at read-passwd)"
refused render/document-outside-uri clean read-outside.xsl "$(at read-outside)"
refused render/document-outside-path clean read-abspath.xsl "$(at read-abspath)"
refused render/document-dotdot clean read-dotdot.xsl "$(at read-dotdot)"
refused render/document-dotdot-from-source clean read-dotdot-source.xsl "$(at read-dotdot-source)"
refused render/document-http clean read-http.xsl "$(at read-http)"
refused render/document-ftp clean read-ftp.xsl "$(at read-ftp)"
if [ "$dirty_ok" = 1 ]; then
	refused render/document-link-out dirty read-link.xsl "$(at read-link)|link-secret\\.xml"
	refused render/document-with-doctype dirty read-xxe.xsl "evil-xxe\\.xml(:[0-9]+)*: .*DOCTYPE"
	refused render/document-gzip dirty read-gzip.xsl 'packed\.xml.*compressed'
	refused render/document-1gib dirty read-huge.xsl 'huge\.xml.*(MiB|limit)' 20 128
	refused render/document-fifo dirty read-fifo.xsl 'pipe\.xml.*not a regular file'
else
	skip "render/document-{link-out,with-doctype,gzip,1gib,fifo}" \
		"render refuses a repository holding hostile files, so document() of them cannot be tested"
fi
# libxslt reports a refused import without the importing line: the message names the refused file
refused render/import-dotdot clean import-dotdot.xsl "outside/evil\\.xsl"
refused render/include-outside-uri clean include-abs.xsl "$(at include-abs)"
refused render/import-http clean import-http.xsl "Network file read for http://.*evil\\.xsl refused"
refused render/stylesheet-external-entities clean xxe-stylesheet.xsl "$(at xxe-stylesheet)"
refused render/stylesheet-billion-laughs clean laughs-stylesheet.xsl "$(at laughs-stylesheet)" 20 256
# runaway stylesheets: stopped by a limit, and the message says so in slm's terms (slm has no
# --maxdepth option to adjust, as libxslt's own advice says)
EXTRA="lacks 'xsltMaxDepth|--maxdepth' 'the message gives xsltproc'\''s advice (--maxdepth), not slm'\''s'"
refused render/recursion-call-template clean recursion.xsl "$(at recursion)" 20 512
refused render/recursion-apply-templates clean recursion-apply.xsl "$(at recursion-apply)" 20 512
refused render/recursion-exslt-function clean recursion-func.xsl "$(at recursion-func)" 20 512
EXTRA="has 'limit|too (much|long|large|complex)|exceed' 'the message does not say that a limit was reached'"
if [ "$SAN" = 0 ]; then
	refused render/string-doubling-2-to-40 clean doubling.xsl "limit of [0-9]+ MiB of memory" 20 1024
	refused render/xpath-n-to-the-6 clean xpath-blowup.xsl "$(at xpath-blowup)" 30 512
	# a result tree of 8 million nodes: stopped at the soft bound (once 846 MiB and a page of
	# libxslt errors), one message
	EXTRA="[ \"\$(grep -c error \"\$out\")\" = 1 ] || note 'more than one error line'"
	refused render/result-tree-8-million-nodes clean result-tree-8m.xsl "limit of 384 MiB of memory" 20 640
	EXTRA=
	# one XPath evaluation quadratic inside libxml2 cannot be stopped from outside: the watchdog
	# ends the process RENDER_GRACE (10) s after the limit, here 2 s, exit 1, nothing written
	export SLM_RENDER_TIMEOUT=2
	refused render/xpath-quadratic-watchdog clean xpath-quadratic.xsl \
		"org\.xml: error: its stylesheet ran for more than 2 s, slm's limit for one document, and could not be stopped; slm ended \[render\]" 20 128
	unset SLM_RENDER_TIMEOUT
else
	# they run until slm's work and memory limits stop them: minutes under the sanitizers
	skip "render/{string-doubling-2-to-40,xpath-n-to-the-6,result-tree-8-million-nodes,xpath-quadratic-watchdog}" "sanitizer build (resource bounds are the normal build's job)"
fi
EXTRA=
# libxslt gives xsl:message terminate="yes" no location: the message is the stylesheet's own
refused render/message-terminate clean message-terminate.xsl "stylesheet failed: stylesheet gives up"
EXTRA="lacks '>: (Invalid argument|No such file or directory|Permission denied)' 'an errno where the reason is due'"
for img in abs dotdot uri link http passwd; do
	refused "render/image-$img" clean "image-$img.xsl" 'error: .*(image|logo\.png|passwd)'
done
EXTRA=

# -MD on a refused render: no dependency file either (it would name the file outside)
if echo "$help" | grep -q -- '-MD'; then
	o=$tmp/o/md
	mkdir -p "$o"
	touch "$tmp/stamp"
	# shellcheck disable=SC2086
	run render/make-dependencies-on-failure 20 256 "$tmp/cwd" $TR "$SLM" render ${REPO_OPT:+$REPO_OPT "$R/clean"} \
		-MD --stylesheet "$R/clean/style/read-outside.xsl" -o "$o/out.pdf" "$R/clean/org.xml" && {
		exits "1 2"
		[ -z "$(ls -A "$o")" ] || note "the output folder is not empty: $(ls -A "$o" | tr '\n' ' ')"
	}
	untouched
	report
fi

# big layouts: bounded time and memory, a PDF (limits reached are warnings, docs/layout.md)
rendered render/table-10000-rows clean big-table.xsl 60 1024
rendered render/cell-1mib clean big-cell.xsl 60 1024
rendered render/pages-10000 clean pages.xsl 90 1536
render_run render/nesting-500-deep 30 512 clean deep-layout.xsl && {
	exits "0 1 2"
	[ "$rc" = 0 ] || has "deep-layout\\.xsl|nest|deep" "refused without saying why"
	[ "$rc" = 0 ] || [ -z "$(ls -A "$o")" ] || note "a failed render left files: $(ls -A "$o")"
}
untouched
report

# the rendered document itself is hostile: it goes through the same loading as validate
mkdir -p "$R/inputs"
printf '%s\n<!DOCTYPE organization [ <!ENTITY s SYSTEM "file://%s/secret.txt"> ]>\n<organization xmlns="urn:slm:1" id="ORG" name="&s;"/>\n' \
	"$decl" "$R/outside" >"$R/inputs/xxe.xml"
truncate -s 1G "$R/inputs/huge.xml"
mkfifo "$R/inputs/pipe.xml"
printf '%s\n%s>caf\351</organization>\n' "$decl" "$org" >"$R/inputs/latin1.xml"
for t in xxe:'xxe\.xml:2:1: error: DOCTYPE declaration refused' huge:'huge\.xml: error: file is 1024\.0 MiB' \
	pipe:'pipe\.xml: fatal error: cannot read: not a regular file' latin1:'latin1\.xml:2:54: error: invalid UTF-8'; do
	o=$tmp/o/input-${t%%:*}
	mkdir -p "$o"
	touch "$tmp/stamp"
	# shellcheck disable=SC2086
	run "render/input-${t%%:*}" 20 128 "$tmp/cwd" $TR "$SLM" render ${REPO_OPT:+$REPO_OPT "$R/inputs"} \
		--stylesheet "$R/clean/style/control.xsl" -o "$o/out.pdf" "$R/inputs/${t%%:*}.xml" && {
		exits "1 2"
		has "${t#*:}"
		lacks 'TOP-SECRET' "the output discloses what was read outside the repository"
		[ -z "$(ls -A "$o")" ] || note "the output folder is not empty: $(ls -A "$o" | tr '\n' ' ')"
	}
	untouched
	report
done

# the document names a stylesheet by an xml-stylesheet PI: ignored, never fetched
cp -r "$R/clean" "$R/pi"
printf '%s\n<?xml-stylesheet type="text/xsl" href="http://127.0.0.1:%s/pi.xsl"?>\n<?xml-stylesheet type="text/xsl" href="file://%s/evil.xsl"?>\n%s/>\n' \
	"$decl" "$PORT" "$R/outside" "$org" >"$R/pi/org.xml"
rendered render/xml-stylesheet-pi-ignored pi control.xsl 30 512
# a stylesheet named by URL on the command line: network is off, always
o=$tmp/o/url
mkdir -p "$o"
touch "$tmp/stamp"
# shellcheck disable=SC2086
run render/stylesheet-url 20 256 "$tmp/cwd" $TR "$SLM" render ${REPO_OPT:+$REPO_OPT "$R/clean"} \
	--stylesheet "http://127.0.0.1:$PORT/style.xsl" -o "$o/out.pdf" "$R/clean/org.xml" && {
	exits 2
	[ -z "$(ls -A "$o")" ] || note "the output folder is not empty"
}
untouched
report

# output of render: a device, a full filesystem, a read-only folder
if [ "$ROOT" = 1 ] && mknod "$tmp/o/full" c 1 7 2>/dev/null; then
	run render/output-device-full 30 512 "$tmp/cwd" "$SLM" render ${REPO_OPT:+$REPO_OPT "$R/clean"} \
		--stylesheet "$R/clean/style/control.xsl" -o "$tmp/o/full" "$R/clean/org.xml" && {
		exits 2
		has "it is a device; slm writes only regular files"
	}
	is_char_dev "$tmp/o/full" || note "-o replaced the device node with a file"
	report
fi
if tmpfs_at "$tmp/o/full-fs" 64k; then
	# room for 4 KiB: the PDF (about 7 KiB) is cut short by the full filesystem
	head -c 60k /dev/zero >"$tmp/o/fill" && cp "$tmp/o/fill" "$tmp/o/full-fs/fill"
	o=$tmp/o/full-fs
	render_run render/output-filesystem-full 30 512 clean control.xsl "$o" && {
		exits 2
		has 'out\.pdf.*No space left on device'
	}
	only_files "$o" fill
	report
fi
if [ "$ROOT" = 0 ] || [ -n "$as" ]; then
	mkdir -p "$tmp/o/locked"
	chmod 555 "$tmp/o/locked"
	chmod -R a+rX "$R/clean"
	# shellcheck disable=SC2086
	run render/output-read-only-folder 30 512 "$tmp/cwd" $as "$SLM" render ${REPO_OPT:+$REPO_OPT "$R/clean"} \
		--stylesheet "$R/clean/style/control.xsl" -o "$tmp/o/locked/out.pdf" "$R/clean/org.xml" && {
		exits 2
		has 'out\.pdf.*Permission denied'
	}
	[ -z "$(ls -A "$tmp/o/locked")" ] || note "files left in the read-only folder"
	report
fi

# ================================================================ render and build: their own paths

# a render that fails leaves no PDF of an earlier run behind (make would take it as up to date)
d=$(case_dir stale-pdf)
cp -r "$top/samples" "$d/repo"
"$SLM" render --as-of $asof -o "$d/sla.pdf" "$d/repo/bank/sla.xml" >/dev/null 2>&1
sed -i 's/<title>/<titel>/' "$d/repo/bank/sla.xml"
run render/failed-render-removes-stale-pdf 10 64 "$d" "$SLM" render --as-of $asof -o sla.pdf repo/bank/sla.xml && {
	exits 1
	[ ! -e "$d/sla.pdf" ] || note "the PDF of the earlier run is still there"
}
report

# -o naming the document to render: refused before anything is read or written
d=$(case_dir output-is-input)
cp -r "$top/samples" "$d/repo"
cp "$d/repo/bank/sla.xml" "$d/sla.orig"
run render/output-is-the-input 10 64 "$d" "$SLM" render --as-of $asof -o repo/bank/sla.xml repo/bank/sla.xml && {
	exits 2
	has '^slm render: the output repo/bank/sla\.xml is a document to render; choose another -o$'
	cmp -s "$d/sla.orig" "$d/repo/bank/sla.xml" || note "the source document was overwritten"
}
report
# a link inside the repository to a document outside it: not rendered (check does not read it
# either), and slm.mk is not told to make it
ln -s ../../sla.orig "$d/repo/bank/evil.xml"
mkdir -p "$d/o"
run render/link-out-of-repository 10 64 "$d" "$SLM" render --as-of $asof -o o/evil.pdf repo/bank/evil.xml && {
	exits 1
	has '^repo/bank/evil\.xml: error: symbolic link leaves the repository \(it leads to .*/sla\.orig\); not rendered \[unsafe-path\]$'
	[ -z "$(ls -A "$d/o")" ] || note "output left: $(ls -A "$d/o")"
}
report
run render/link-out-of-repository-targets 10 64 "$d" "$SLM" render --targets -o o repo/bank/evil.xml repo/bank/sla.xml && {
	exits 0
	out=$d/o/slm-targets.mk
	lacks 'evil' "--targets names the link"
	has '^  o/bank/sla\.pdf'
}
report
rm "$d/repo/bank/evil.xml"
# slm build into a folder inside the repository, twice: its reports (check.xml, check.junit.xml,
# check.svrl.xml) are XML but not agreements, and neither the next build nor check reads them
run build/output-inside-the-repository 120 512 "$d/repo" "$SLM" build --quiet --as-of $asof -o out . && exits "0 1"
report
run build/output-inside-the-repository-again 60 256 "$d/repo" "$SLM" build --as-of $asof -o out . && {
	exits "0 1"
	lacks '^out/' "the second build read its own output"
}
report
run build/check-beside-a-build 30 256 "$d/repo" "$SLM" check --as-of $asof . && {
	exits 1
	lacks '^out/' "check read the build's output"
	has '^out: note: not checked: slm build.s output folder \(it holds \.slm-build\)' "check does not say what it skipped"
	has '^slm check: 7 errors, 1 warning, 1 note in 111 files$'
}
report
# an empty .slm-build is no build record: it hides no folder of agreements
rm -rf "$d/repo/out"
: >"$d/repo/bank/.slm-build"
run build/empty-record-hides-nothing 30 256 "$d/repo" "$SLM" check --as-of $asof . && {
	exits 1
	has '^slm check: 7 errors, 1 warning, 0 notes in 111 files$' "a folder went unchecked"
}
report

finish
