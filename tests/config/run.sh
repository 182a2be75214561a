#!/bin/sh
# The repository configuration (.slm-config.xml, docs/config.md): each cases/NAME/ is a repository
# with its configuration; `slm check --as-of 2025-11-30 [ARGS] .` runs inside it (ARGS from the
# file `args` beside it) and must print expected.txt.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib/golden.sh"
for case in "$here"/cases/*/; do
	name=$(basename "$case")
	args=""
	[ -f "$case/args" ] && args=$(cat "$case/args")
	# shellcheck disable=SC2086 # ARGS are words
	golden "config/$name" "$case/expected.txt" "$case" "$SLM" check --as-of 2025-11-30 $args .
done

# Generated configurations (generated/NAME.expected): the work is bounded however long the file.
# Each runs under a 20 s timeout; before the bounds, 100,000 entries against 5,000 findings took
# 4.3 s and 50,000 entries that the schema refuses 15 s, growing with the square of the size.
T=$(mktemp -d "${TMPDIR:-/tmp}/slm-config.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
# entries N ENTRY…: a configuration of N entries for paths that match nothing (folder-I/*),
# alternately for duplicate-id and unresolved-ref, then the ENTRY lines
entries() {
	n=$1
	shift
	awk -v n="$n" 'BEGIN {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		print "<slm-config xmlns=\"urn:slm:config:1\">"
		for (i = 1; i <= n; i++)
			printf "  <rule name=\"%s\" severity=\"note\" path=\"folder-%d/*\"/>\n", i % 2 ? "duplicate-id" : "unresolved-ref", i
	}'
	for e in "$@"; do echo "  $e"; done
	echo "</slm-config>"
}
gen_repo() { # gen_repo NAME: a copy of cases/none with 2,000 more duplicate-id findings
	mkdir -p "$T/$1"
	cp -r "$here/cases/none/." "$T/$1/"
	rm -f "$T/$1/expected.txt"
	mkdir "$T/$1/bank/copies"
	i=1
	while [ $i -le 2000 ]; do
		cp "$T/$1/bank/reports/2025-02.xml" "$T/$1/bank/copies/$i.xml"
		i=$((i + 1))
	done
}
# 1,000 entries (the most slm reads), the last two deciding: the last entry that matches wins
gen_repo many-entries
entries 998 '<rule name="duplicate-id" severity="off" path="bank/copies/*"/>' \
	'<rule name="unresolved-ref" severity="warning" path="bank/*"/>' >"$T/many-entries/.slm-config.xml"
golden "config/generated/many-entries" "$here/generated/many-entries.expected" "$T/many-entries" \
	timeout 20 "$SLM" check --as-of 2025-11-30 .
# one entry too many: refused at its line, before the schema
cp -r "$T/many-entries" "$T/too-many-entries"
entries 1001 >"$T/too-many-entries/.slm-config.xml"
golden "config/generated/too-many-entries" "$here/generated/too-many-entries.expected" "$T/too-many-entries" \
	timeout 20 "$SLM" check --as-of 2025-11-30 .
# 50,000 entries, every one refused by the schema: refused by the bound, not after 50,000 errors
cp -r "$T/many-entries" "$T/invalid-50000"
entries 50000 | sed 's/severity="note"/severity="loud"/' >"$T/invalid-50000/.slm-config.xml"
golden "config/generated/invalid-50000" "$here/generated/invalid-50000.expected" "$T/invalid-50000" \
	timeout 20 "$SLM" check --as-of 2025-11-30 .
# 100,000 entries: over the element bound of every XML file slm reads
cp -r "$T/many-entries" "$T/entries-100000"
entries 100000 >"$T/entries-100000/.slm-config.xml"
golden "config/generated/entries-100000" "$here/generated/entries-100000.expected" "$T/entries-100000" \
	timeout 20 "$SLM" check --as-of 2025-11-30 .
# 30 entries naming no rule: the first 20 said, then one line
cp -r "$T/many-entries" "$T/unknown-30"
entries 30 | sed 's/name="[a-z-]*"/name="no-such-rule"/' >"$T/unknown-30/.slm-config.xml"
golden "config/generated/unknown-30" "$here/generated/unknown-30.expected" "$T/unknown-30" \
	timeout 20 "$SLM" check --as-of 2025-11-30 .
finish
