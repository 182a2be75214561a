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
finish
