#!/bin/sh
# Make integration (DESIGN §7): a repository that includes slm.mk builds with `make -j2`; a
# second make does nothing; touching one OLA rebuilds exactly the PDFs whose dependencies (from
# slm render -MD) name it; `make clean` removes the output.  On a copy of part of samples/.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/../lib/golden.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo="$tmp/repo"
mkdir -p "$repo"
cp -r "$top/samples/org" "$top/samples/catalog" "$top/samples/bank" "$top/samples/.slm-config.xml" "$repo/"
printf 'SLM = %s\nSLM_FLAGS = --as-of 2025-11-30\ninclude %s/slm.mk\n' "$SLM" "$top" >"$repo/Makefile"

ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { failed=$((failed + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/     /' | head -20; }

if out=$(make -C "$repo" -j2 pdf 2>&1); then ok "make -j2 pdf"; else ko "make -j2 pdf" "$out"; fi
n=$(find "$repo/out" -name '*.pdf' | wc -l)
expected=$(grep -c '^  .*\.pdf' "$repo/out/slm-targets.mk")
[ "$n" -gt 20 ] && [ "$n" = "$expected" ] && ok "every renderable document has its PDF ($n)" || ko "PDF count $n, expected $expected"
[ -z "$(find "$repo/out" -name '.slm-tmp*')" ] && ok "no temporary files" || ko "temporary files left"

sleep 1
out=$(make -C "$repo" -j2 pdf 2>&1)
case "$out" in *"Nothing to be done"*) ok "second make does nothing" ;; *) ko "second make did something" "$out" ;; esac

sleep 1
touch "$repo/bank/ola-dba.xml"
rebuilt=$(make -C "$repo" -j2 pdf 2>&1 | sed -n "s/.* -o '\([^']*\.pdf\)' .*/\1/p" | sort)
depends=$(cd "$repo" && grep -l "bank/ola-dba.xml" $(find out -name '*.d') | sed 's/\.d$/.pdf/' | sort)
if [ -n "$rebuilt" ] && [ "$rebuilt" = "$depends" ]; then
	ok "touching one OLA rebuilds exactly its dependents ($(echo "$rebuilt" | wc -l))"
else
	ko "rebuilt set differs" "rebuilt: $rebuilt
depends: $depends"
fi
case "$depends" in *bank/ola-dba.pdf*) ok "the OLA's own PDF is among them" ;; *) ko "the OLA's own PDF was not rebuilt" ;; esac

# what every PDF is made as of (out/slm-targets.key): another --as-of makes every PDF again and
# the SLA's says the new date; the same one nothing; so does another slm binary (a copy with one
# byte appended), but not the same binary under another name
made() { make -C "$repo" -j2 pdf "$@" 2>&1 | grep -c " -o '[^']*\.pdf' "; }
# the data and renderer of $SLM, and of its copy below
export SLM_DATADIR="$top" SLM_LIBDIR="$(dirname "$SLM")"
sleep 1
n=$(made SLM_FLAGS='--as-of 2025-12-31')
expected=$(grep -c '^  .*\.pdf' "$repo/out/slm-targets.mk")
[ "$n" = "$expected" ] && ok "another --as-of makes every PDF again ($n)" || ko "another --as-of made $n of $expected"
asof=$(pdftotext -l 1 "$repo/out/bank/sla.pdf" - | grep -o '截至 [^ ]*')
[ "$asof" = "截至 2025年12月31日" ] && ok "the SLA's PDF says the new date: $asof" || ko "the SLA's PDF says: $asof"
sleep 1
out=$(make -C "$repo" -j2 pdf SLM_FLAGS='--as-of 2025-12-31' 2>&1)
case "$out" in *"Nothing to be done"*) ok "the same --as-of again does nothing" ;; *) ko "the same --as-of again did something" "$out" ;; esac
mkdir -p "$tmp/bin"
cp "$SLM" "$tmp/bin/slm"
sleep 1
n=$(made SLM_FLAGS='--as-of 2025-12-31' SLM="$tmp/bin/slm")
[ "$n" = 0 ] && ok "the same binary elsewhere makes nothing" || ko "the same binary elsewhere made $n"
printf '\0' >>"$tmp/bin/slm"
sleep 1
n=$(made SLM_FLAGS='--as-of 2025-12-31' SLM="$tmp/bin/slm")
[ "$n" = "$expected" ] && ok "another slm binary makes every PDF again" || ko "another slm binary made $n of $expected"
unset SLM_DATADIR SLM_LIBDIR
# without --as-of, today in the organization's zone (Asia/Shanghai), as check and build judge
sleep 1
SLM_NOW=2025-03-01T17:00:00Z made SLM_FLAGS= >/dev/null
sleep 1
n=$(SLM_NOW=2025-03-01T23:30:00Z made SLM_FLAGS=)
[ "$n" = 0 ] && ok "the same day in the organization's zone makes nothing" || ko "the same day in Shanghai made $n"
sleep 1
n=$(SLM_NOW=2025-03-02T16:30:00Z made SLM_FLAGS=)
[ "$n" = "$expected" ] && ok "the next day in the organization's zone makes every PDF again" || ko "the next day in Shanghai made $n of $expected"

out=$(make -C "$repo" check 2>&1)
case "$out" in *"slm check:"*) ok "make check runs slm check" ;; *) ko "make check" "$out" ;; esac
make -C "$repo" clean >/dev/null 2>&1
[ ! -d "$repo/out" ] && ok "make clean" || ko "make clean left out/"
finish
