#!/bin/sh
# Output formats: one repository, repo/, through every formatter of `slm check`, with one golden
# file per format beside this script (expected.FORMAT).  repo/ is small and on purpose broken so
# that it shows what a format must carry: an error, a warning and a note (.slm-config.xml changes
# two severities), a whole-file finding (empty.xml: no line), related locations (a duplicate id, a
# reference to a document of the wrong kind), a file name with a space, a comma and Chinese
# (percent-encoding in SARIF, %2C in GitHub), two identical findings on two lines (SARIF
# fingerprints stay distinct), and a message with Chinese, a quote, an ampersand and < > (an
# invalid person reference: the schema error and the unresolved reference quote it).
#
# Then each output is checked as its consumers would read it: JUnit against junit.xsd (the Jenkins
# shape) and SVRL against svrl.rng (ISO 19757-3 Annex D) with xmllint; JSON, SARIF, JUnit, SVRL
# and GitHub read back by check.py, which requires every format to say what the JSON says, and
# SARIF to be valid against sarif-subset.schema.json and to list the catalogue of `slm explain`.
# The same for `slm validate`, for a clean repository (clean/: every testcase passes, no results)
# and for a missing folder (an I/O failure, severity fatal).  -o must write the same bytes as stdout.  UPDATE=1 rewrites the goldens: read the diff.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib/golden.sh"
asof=2025-11-30
formats="text json junit sarif svrl github"

for f in $formats xml; do
	golden "check-$f" "$here/expected.$f" "$here/repo" "$SLM" check --as-of $asof --format "$f" .
done
# the XML form (the nonconformity report's input) is well-formed and in its namespace
if "$SLM" check --as-of $asof --format xml "$here/repo" | xmllint --noout - 2>/dev/null; then
	pass=$((pass + 1)); echo "ok   xml-well-formed"
else
	failed=$((failed + 1)); echo "FAIL xml-well-formed"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check NAME CMD...: one more test, passed when CMD exits 0
check() {
	name=$1
	shift
	if out=$("$@" 2>&1); then
		pass=$((pass + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		echo "FAIL $name"
		printf '%s\n' "$out" | sed 's/^/     /' | head -20
	fi
}

# same_as_golden FILE GOLDEN: FILE is GOLDEN without its "exit: N" line
same_as_golden() {
	sed '$d' "$2" | cmp -s - "$1"
}

# outputs DIR PATH CMD...: run CMD on PATH once per format, writing DIR/out.FORMAT with -o
outputs() {
	dir=$1 path=$2
	shift 2
	mkdir -p "$dir"
	for f in $formats; do
		"$@" --format "$f" -o "$dir/out.$f" "$path" >/dev/null 2>&1
	done
}

# validate NAME DIR: every checker on the outputs in DIR
validate() {
	check "$1-junit-xsd" xmllint --noout --schema "$here/junit.xsd" "$2/out.junit"
	check "$1-svrl-rng" xmllint --noout --relaxng "$here/svrl.rng" "$2/out.svrl"
	for f in json sarif junit svrl github; do
		check "$1-$f-reads-back" python3 "$here/check.py" "$f" "$2" "$SLM"
	done
}

(cd "$here/repo" && outputs "$tmp/check" . "$SLM" check --as-of $asof)
for f in $formats; do
	check "check-$f-output-file" same_as_golden "$tmp/check/out.$f" "$here/expected.$f"
done
validate check "$tmp/check"

(cd "$here/repo" && outputs "$tmp/validate" . "$SLM" validate)
validate validate "$tmp/validate"
check validate-junit-four-rules grep -q 'tests="4" failures="2" errors="0"' "$tmp/validate/out.junit"

(cd "$here/clean" && outputs "$tmp/clean" . "$SLM" check --as-of $asof)
validate clean "$tmp/clean"
check clean-junit-passes grep -q '<testsuites name="slm check" tests="[1-9][0-9]*" failures="0" errors="0">' "$tmp/clean/out.junit"
check clean-github-silent test ! -s "$tmp/clean/out.github"

# an I/O failure (fatal): a JUnit <error>, not a <failure>
(cd "$here" && outputs "$tmp/missing" no-such-folder "$SLM" check --as-of $asof)
validate missing "$tmp/missing"
check missing-junit-error grep -q '<testsuites name="slm check" tests="[1-9][0-9]*" failures="0" errors="1">' "$tmp/missing/out.junit"
finish
