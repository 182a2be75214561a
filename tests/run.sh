#!/bin/sh
# Runs the golden suites against the real binary ($SLM, default ./slm): each suite is a script
# tests/NAME/run.sh that prints "ok"/"FAIL" lines and exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.." || exit 2
SLM=${SLM:-./slm}
case "$SLM" in /*) ;; *) SLM="$PWD/$SLM" ;; esac
export SLM LC_ALL=C TZ=UTC
fail=0
echo "suite: schemas"
sh schemas/selftest.sh ../shared/vocabulary >/tmp/slm-schema-selftest.$$ 2>&1 || { cat /tmp/slm-schema-selftest.$$; fail=1; }
tail -1 /tmp/slm-schema-selftest.$$; rm -f /tmp/slm-schema-selftest.$$
for suite in tests/cli tests/rules tests/config tests/formats tests/bad tests/samples tests/render tests/stylesheets tests/build tests/make tests/ci tests/hostile; do
	[ -x "$suite/run.sh" ] || continue
	echo "suite: $suite"
	"$suite/run.sh" || fail=1
done
[ "$fail" = 0 ] && echo "all suites passed" || echo "SOME SUITES FAILED"
exit "$fail"
