#!/bin/sh
# The command line itself: help, version, usage errors and their exit status, rules, explain,
# and -o writing atomically.  Expected outputs are the .expected files beside this script.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib/golden.sh"
ref="$here/../rules/duplicate-id/fires"

golden version "$here/version.expected" "$here" "$SLM" --version
golden help "$here/help.expected" "$here" "$SLM" --help
golden no-args "$here/no-args.expected" "$here" "$SLM"
golden unknown-command "$here/unknown-command.expected" "$here" "$SLM" frobnicate
golden validate-help "$here/validate-help.expected" "$here" "$SLM" validate --help
golden check-help "$here/check-help.expected" "$here" "$SLM" check --help
golden build-help "$here/build-help.expected" "$here" "$SLM" build --help
golden render-help "$here/render-help.expected" "$here" "$SLM" render --help
golden check-bad-date "$here/check-bad-date.expected" "$here" "$SLM" check --as-of 2025-02-29 .
golden check-bad-option "$here/check-bad-option.expected" "$here" "$SLM" check --frob .
golden check-two-paths "$here/check-two-paths.expected" "$here" "$SLM" check --as-of 2025-11-30 a b
golden check-bad-format "$here/check-bad-format.expected" "$here" "$SLM" check --format yaml .
golden rules "$here/rules.expected" "$here" "$SLM" rules
golden explain "$here/explain.expected" "$here" "$SLM" explain unresolved-ref
golden explain-unknown "$here/explain-unknown.expected" "$here" "$SLM" explain no-such-rule
# a full disk is an I/O failure (exit 2), for every command that prints
golden rules-full-disk "$here/rules-full-disk.expected" "$here" sh -c '"$0" rules >/dev/full' "$SLM"
golden diff-full-disk "$here/diff-full-disk.expected" "$here/../.." sh -c '"$0" diff samples/bank/sla.xml samples/bank/sla-a1.xml >/dev/full' "$SLM"
golden diff-kinds "$here/diff-kinds.expected" "$here/../.." "$SLM" diff samples/bank/sla.xml samples/bank/ola-dba.xml

# -o writes the report atomically: the file appears whole, and no temporary file remains
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
golden output-file "$here/output-file.expected" "$ref" "$SLM" check --as-of 2025-11-30 -o "$tmp/report.txt" .
if diff -u "$ref/expected.txt" "$tmp/report.txt" | grep -q '^-exit'; then :; fi
if [ "$(ls -A "$tmp")" = "report.txt" ] && [ "$(head -c 1 "$tmp/report.txt")" != "" ]; then
	pass=$((pass + 1)); echo "ok   output-file-only"
else
	failed=$((failed + 1)); echo "FAIL output-file-only: $(ls -A "$tmp")"
fi
golden output-unwritable "$here/output-unwritable.expected" "$ref" "$SLM" check --as-of 2025-11-30 -o /nonexistent/dir/report.txt .

# The PDF renderer is a module loaded on the first document rendered: without it, render says
# so, names the document, exits 1 and leaves no output; check does not need it at all
golden render-no-module "$here/render-no-module.expected" "$here/../.." env SLM_LIBDIR=no/such/dir \
	"$SLM" render --as-of 2025-11-30 -o "$tmp/out.pdf" samples/bank/sla.xml
golden check-no-module "$here/check-no-module.expected" "$ref" env SLM_LIBDIR=no/such/dir \
	"$SLM" check --as-of 2025-11-30 .
if [ ! -e "$tmp/out.pdf" ]; then
	pass=$((pass + 1)); echo "ok   render-no-module-no-output"
else
	failed=$((failed + 1)); echo "FAIL render-no-module-no-output"
fi

# slm diff: the additional SLA of samples against its base names every change
top="$here/../.."

# "today": without --as-of, check, build and render judge by the date in the organization's time
# zone (the tz= of its first calendar; the second, Europe/Berlin, is already on 2 March at that
# instant and must not count), whatever the machine's TZ; SLM_NOW is the test hook that fixes the
# clock.  At 23:30 UTC on 1 March it is 2 March in Shanghai, still 1 March in London; without an
# organization, UTC.  The additional SLA of samples is moved to take effect on 1 March, so the
# SLA's layout says the date it is the effective SLA as of.
today="$tmp/today"
mkdir -p "$today"
cp -r "$top/samples/org" "$top/samples/catalog" "$top/samples/bank" "$today/"
sed -i 's/effective="2025-07-01"/effective="2025-03-01"/' "$today/bank/sla-a1.xml"
for zone in Asia/Shanghai Europe/London; do
	name=$(basename "$zone" | tr 'A-Z' 'a-z')
	sed -i "0,/tz=\"[^\"]*\"/s||tz=\"$zone\"|" "$today/org/organization.xml"
	golden "today-$name" "$here/today-$name.expected" "$today" \
		env SLM_NOW=2025-03-01T23:30:00Z TZ=America/Los_Angeles sh -c '
		echo "check:  $("$0" check --format xml . | grep -o "as-of=\"[^\"]*\"")"
		"$0" build -q -o "$1" .
		echo "build:  $(grep -o "as-of=\"[^\"]*\"" "$1/check.xml")"
		"$0" render --layout -o "$1/sla.layout.xml" bank/sla.xml
		echo "render: $(grep -o "截至 [^ ]*" "$1/sla.layout.xml")"' "$SLM" "$tmp/today-$name"
done
rm -r "$today/org"
golden today-utc "$here/today-utc.expected" "$today" env SLM_NOW=2025-03-01T23:30:00Z TZ=Asia/Tokyo \
	sh -c '"$0" check --format xml . | grep -o "as-of=\"[^\"]*\""' "$SLM"
golden today-bad-clock "$here/today-bad-clock.expected" "$today" env SLM_NOW=2025-03-01T23:30:00 \
	"$SLM" check .
golden diff-amendment "$here/diff-amendment.expected" "$top" "$SLM" diff samples/bank/sla.xml samples/bank/sla-a1.xml
golden diff-markdown "$here/diff-markdown.expected" "$top" "$SLM" diff --markdown samples/bank/sla.xml samples/bank/sla-a1.xml
golden diff-two-olas "$here/diff-two-olas.expected" "$top" "$SLM" diff samples/bank/ola-dba.xml samples/insurer/ola-dba.xml
golden diff-same "$here/diff-same.expected" "$top" "$SLM" diff samples/bank/sla.xml samples/bank/sla.xml
golden diff-textconv "$here/diff-textconv.expected" "$top" "$SLM" diff --textconv samples/bank/contract-db.xml
golden diff-missing "$here/diff-missing.expected" "$top" "$SLM" diff samples/bank/sla.xml nowhere.xml

# a value cannot forge a line: newlines, carriage returns, tabs, DEL, C1 controls, U+2028 and
# bidi overrides are escaped in every form diff prints, and '|' in a Markdown cell
forge="$here/diff-forge"
golden diff-forge "$here/diff-forge.expected" "$forge" "$SLM" diff old.xml new.xml
golden diff-forge-markdown "$here/diff-forge-markdown.expected" "$forge" "$SLM" diff --markdown old.xml new.xml
golden diff-forge-textconv "$here/diff-forge-textconv.expected" "$forge" "$SLM" diff --textconv new.xml
golden diff-forge-title "$here/diff-forge-title.expected" "$forge" "$SLM" diff --markdown old.xml amend.xml

# two 4 MB documents: diff's memory and time grow with their size, not its square.  Made here
# (nothing of that size is committed): a flat pair of 24,000 services compares within 1 GiB of
# address space; a pair that nests 50,000 elements under a 2 MB identifier (a path of 2 MB in
# front of every fact: quadratic memory once, more than 8 GiB) is refused with the limit named
big="$tmp/big"
mkdir -p "$big"
awk -v v=99.95 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sla xmlns=\"urn:slm:1\" id=\"SLA-BIG\">"
	for (i = 0; i < 24000; i++)
		printf "  <service ref=\"SVC-%05d\"><availability target=\"%s\"/><response priority=\"P1\" within=\"PT15M\"/><description>service %d of the bank, with its hours and targets</description></service>\n", i, i % 2 ? v : "99.9", i
	print "</sla>" }' >"$big/old.xml"
sed 's/target="99.9"/target="99.99"/' "$big/old.xml" >"$big/new.xml"
awk -v v=1 'BEGIN {
	id = "X"; while (length(id) < 2000000) id = id id
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sla xmlns=\"urn:slm:1\" id=\"SLA-DEEP\">"
	print "<service ref=\"" id "\">"
	for (i = 0; i < 50000; i++) printf "<x id=\"i%d\" a=\"%s\"/>\n", i, v
	print "</service></sla>" }' >"$big/deep-old.xml"
sed 's/a="1"/a="2"/' "$big/deep-old.xml" >"$big/deep-new.xml"
limit='ulimit -v 1048576;'
grep -q __asan_init "$SLM" 2>/dev/null && limit= # the sanitizers reserve terabytes of addresses
golden diff-large "$here/diff-large.expected" "$big" sh -c "$limit"'
	timeout 120 "$0" diff old.xml new.xml >out.txt; rc=$?
	tail -n 1 out.txt; wc -l <out.txt; exit $rc' "$SLM"
golden diff-deep "$here/diff-deep.expected" "$big" sh -c "$limit"'timeout 120 "$0" diff deep-old.xml deep-new.xml' "$SLM"
golden diff-deep-textconv "$here/diff-deep-textconv.expected" "$big" sh -c "$limit"'timeout 120 "$0" diff --textconv deep-new.xml' "$SLM"

# slm new: a valid skeleton with the references filled in, never replacing a file
golden new-ola "$here/new-ola.expected" "$tmp" "$SLM" new ola OLA-NEW-1 --sla SLA-BANK-2025 --dept DEPT-DBA --service SVC-DB
golden new-ola-validates "$here/new-ola-validates.expected" "$tmp" "$SLM" validate OLA-NEW-1.xml
golden new-exists "$here/new-exists.expected" "$tmp" "$SLM" new ola OLA-NEW-1
golden new-unknown-kind "$here/new-unknown-kind.expected" "$tmp" "$SLM" new invoice INV-1
golden new-bad-ref "$here/new-bad-ref.expected" "$tmp" "$SLM" new report RPT-1 --dept DEPT-X
# ... through the atomic outputs: 0666 less the umask, nothing but the file in its folder, and
# nothing at all when the run is ended by a signal while it writes (the first write(2) gets one)
mkdir "$tmp/new"
golden new-mode "$here/new-mode.expected" "$tmp/new" sh -c 'umask 027; "$0" new ola OLA-M; ls -l OLA-M.xml | cut -c1-10; ls -A' "$SLM"
ln -s nowhere "$tmp/new/LINK.xml"
golden new-link "$here/new-link.expected" "$tmp/new" "$SLM" new ola OLA-L -o LINK.xml
if grep -q __asan_init "$SLM" 2>/dev/null || ! strace -f -qq -o /dev/null true 2>/dev/null; then
	echo "skip new-interrupted: strace missing, not permitted, or a sanitizer build"
else
	for sig in TERM INT KILL; do
		mkdir "$tmp/new-$sig"
		golden new-interrupted-$sig "$here/new-interrupted.expected" "$tmp/new-$sig" sh -c \
			'strace -f -qq -o /dev/null -e trace=write -e inject=write:signal=SIG$1:when=1 "$0" new ola OLA-I >/dev/null 2>&1
			rc=$?; [ "$(kill -l $rc)" = "$1" ] && echo "ended by the signal" || echo "status $rc"; ls -A' "$SLM" $sig
	done
fi
finish
