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
golden diff-amendment "$here/diff-amendment.expected" "$top" "$SLM" diff samples/bank/sla.xml samples/bank/sla-a1.xml
golden diff-markdown "$here/diff-markdown.expected" "$top" "$SLM" diff --markdown samples/bank/sla.xml samples/bank/sla-a1.xml
golden diff-two-olas "$here/diff-two-olas.expected" "$top" "$SLM" diff samples/bank/ola-dba.xml samples/insurer/ola-dba.xml
golden diff-same "$here/diff-same.expected" "$top" "$SLM" diff samples/bank/sla.xml samples/bank/sla.xml
golden diff-textconv "$here/diff-textconv.expected" "$top" "$SLM" diff --textconv samples/bank/contract-db.xml
golden diff-missing "$here/diff-missing.expected" "$top" "$SLM" diff samples/bank/sla.xml nowhere.xml

# slm new: a valid skeleton with the references filled in, never replacing a file
golden new-ola "$here/new-ola.expected" "$tmp" "$SLM" new ola OLA-NEW-1 --sla SLA-BANK-2025 --dept DEPT-DBA --service SVC-DB
golden new-ola-validates "$here/new-ola-validates.expected" "$tmp" "$SLM" validate OLA-NEW-1.xml
golden new-exists "$here/new-exists.expected" "$tmp" "$SLM" new ola OLA-NEW-1
golden new-unknown-kind "$here/new-unknown-kind.expected" "$tmp" "$SLM" new invoice INV-1
golden new-bad-ref "$here/new-bad-ref.expected" "$tmp" "$SLM" new report RPT-1 --dept DEPT-X
finish
