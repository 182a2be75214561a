#!/bin/sh
# Self-test of slm's agreement schemas, with xmllint only, offline.
#
#   schemas/selftest.sh [REFERENCE-DIR]
#
# 1. every schema compiles without a warning (each kind alone and slm.xsd);
# 2. every file of the reference repository (the vocabulary contract, DESIGN
#    §3; default ../shared/vocabulary beside the project) validates against
#    slm.xsd: "skipped" when that directory is absent;
# 3. every template validates against slm.xsd and against its kind's schema;
# 4. schemas/tests/valid-*.xml validate;
# 5. schemas/tests/invalid-*.xml are rejected as invalid (xmllint exit 3, not
#    a parse or schema error), with the message named in their
#    "<!-- expect: ... -->" line.
# Exits 0 when all pass, 1 otherwise.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
ref=${1-"$root/../shared/vocabulary"}
schema="$here/slm.xsd"
XML_CATALOG_FILES="$here/catalog.xml"
export XML_CATALOG_FILES

command -v xmllint >/dev/null 2>&1 || { echo "selftest: xmllint not found (Debian: libxml2-utils)" >&2; exit 1; }

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$*"; }

# valid SCHEMA FILE: FILE validates and xmllint says nothing else (no
# schema warnings, no validity errors).
valid() {
	out=$(xmllint --noout --nonet --schema "$1" "$2" 2>&1)
	rc=$?
	if [ "$rc" -eq 0 ] && [ "$out" = "$2 validates" ]; then
		ok
	else
		bad "$2 against $(basename "$1") (exit $rc)"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
}

# 1. Each kind's schema compiles alone, without warnings: validate its template.
for kind in organization catalog requirements sla ola contract decomposition \
	proposal initiation report review termination; do
	if [ -f "$root/templates/$kind.xml" ]; then
		valid "$here/$kind.xsd" "$root/templates/$kind.xml"
	else
		bad "templates/$kind.xml missing"
	fi
done

# 2. The reference repository.
if [ -d "$ref" ]; then
	n=0
	for f in $(find "$ref" -name '*.xml' | sort); do
		valid "$schema" "$f"
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || bad "no *.xml under $ref"
	echo "reference repository $ref: $n files"
else
	echo "reference repository $ref absent: skipped"
fi

# 3 and 4. Templates and positive tests.
for f in "$root"/templates/*.xml "$here"/tests/valid-*.xml; do
	[ -f "$f" ] || continue
	valid "$schema" "$f"
done

# 5. Negative tests.
for f in "$here"/tests/invalid-*.xml; do
	[ -f "$f" ] || continue
	expect=$(sed -n 's/^<!-- expect: \(.*\) -->$/\1/p' "$f")
	out=$(xmllint --noout --nonet --schema "$schema" "$f" 2>&1)
	rc=$?
	if [ "$rc" -ne 3 ]; then
		bad "$f: expected rejection as invalid (exit 3), got exit $rc"
		printf '%s\n' "$out" | sed 's/^/    /'
	elif [ -z "$expect" ]; then
		bad "$f: no <!-- expect: ... --> line"
	elif ! printf '%s\n' "$out" | grep -qF -- "$expect"; then
		bad "$f: rejected, but not with: $expect"
		printf '%s\n' "$out" | sed 's/^/    /'
	else
		ok
	fi
done

echo "schemas selftest: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
