#!/bin/sh
# Golden rule tests: tests/rules/RULE/{fires,clean}/ are tiny repositories; `slm check` runs on
# each (as of the date in its as-of file, default 2025-11-30) and its output must equal
# expected.txt beside the documents.  A fires/ case must report RULE; a clean/ case must be silent.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib/golden.sh"
for case in "$here"/*/fires "$here"/*/clean; do
	[ -d "$case" ] || continue
	rule=$(basename "$(dirname "$case")")
	kind=$(basename "$case")
	asof=2025-11-30
	[ -f "$case/as-of" ] && asof=$(cat "$case/as-of")
	golden "$rule/$kind" "$case/expected.txt" "$case" "$SLM" check --as-of "$asof" .
	# a fires case must name its rule; a clean case must exit 0
	if [ "$kind" = fires ] && ! grep -q "\[$rule\]" "$case/expected.txt"; then
		echo "FAIL $rule/fires: expected.txt does not report [$rule]"; failed=$((failed + 1))
	fi
	if [ "$kind" = clean ] && ! grep -q '^exit: 0$' "$case/expected.txt"; then
		echo "FAIL $rule/clean: expected.txt does not end clean"; failed=$((failed + 1))
	fi
done
finish
