#!/bin/sh
# The repositories users see first: samples/ (validates; `slm check` reports exactly what
# samples/README.md lists, golden in check.expected), the clean reference repository
# ../shared/vocabulary (validates as written and checks clean — the vocabulary contract, DESIGN §3;
# skipped where it is absent), and templates/ (every skeleton validates).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/../lib/golden.sh"

golden samples-validate "$here/validate.expected" "$top" "$SLM" validate samples
golden samples-check "$here/check.expected" "$top" "$SLM" check --as-of 2025-11-30 samples
golden templates-validate "$here/templates.expected" "$top" "$SLM" validate templates

ref="$top/../shared/vocabulary"
if [ -d "$ref" ]; then
	golden vocabulary-validate "$here/vocabulary-validate.expected" "$ref" "$SLM" validate .
	golden vocabulary-check "$here/vocabulary-check.expected" "$ref" "$SLM" check --as-of 2025-11-30 .
else
	echo "skip vocabulary (the reference repository ../shared/vocabulary is absent)"
fi

# the schema also works with plain XSD tools, offline, through the OASIS catalog
if command -v xmllint >/dev/null; then
	if (cd "$top" && XML_CATALOG_FILES=schemas/catalog.xml find samples templates -name '*.xml' ! -name '.*' -print0 |
		sort -z | xargs -0 xmllint --noout --nonet --schema schemas/slm.xsd >/dev/null 2>&1); then
		pass=$((pass + 1)); echo "ok   xmllint-schema"
	else
		failed=$((failed + 1)); echo "FAIL xmllint-schema: xmllint rejects samples or templates"
	fi
fi
finish
