#!/bin/sh
# slm build (DESIGN §5, §7): outputs mirror the repository; a second run does nothing; a touched
# but unchanged file changes nothing, a changed OLA re-renders only what read it; a removed or
# broken source loses its PDF; builds killed at random points (SIGINT, SIGTERM, SIGKILL) never
# leave a partial or temporary file, and the next build completes.  On part of samples/.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/../lib/golden.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo="$tmp/repo"
mkdir -p "$repo"
cp -r "$top/samples/org" "$top/samples/catalog" "$top/samples/bank" "$top/samples/.slm-config.xml" "$repo/"
out="$tmp/out"
build() { "$SLM" build --as-of 2025-11-30 -o "$out" "$@" "$repo"; }

ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { failed=$((failed + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/     /' | head -20; }

# every PDF whole, no temporary file
sound() {
	[ -z "$(find "$out" -name '.slm-tmp*')" ] || return 1
	for f in $(find "$out" -name '*.pdf'); do
		qpdf --check "$f" >/dev/null 2>&1 || { echo "broken: $f"; return 1; }
	done
	return 0
}

build -q; rc=$?
[ "$rc" = 1 ] && ok "first build (findings: exit 1)" || ko "first build exit $rc"
for f in check.txt check.json check.junit.xml check.sarif check.svrl.xml check.github.txt check.xml nonconformity.pdf bank/sla.pdf bank/reports/2025-08.pdf catalog/catalog.pdf; do
	[ -s "$out/$f" ] || ko "missing $f"
done
ok "outputs mirror the repository"
# the reports name the repository by its folder's name, not by the "." the build works from
grep -q 'repository="repo"' "$out/check.xml" && pdftotext -l 1 "$out/nonconformity.pdf" - | grep -q 'slm check · repo · ' &&
	ok "the reports name the repository" || ko "the reports name the repository" "$(grep -o 'repository="[^"]*"' "$out/check.xml")"
sound && ok "every PDF passes qpdf --check" || ko "unsound output"

msg=$(build 2>&1)
case "$msg" in *"up to date"*) ok "second build does nothing" ;; *) ko "second build" "$msg" ;; esac

touch "$repo/bank/ola-dba.xml"
msg=$(build 2>&1)
case "$msg" in *"up to date"*) ok "a touched, unchanged file changes nothing" ;; *) ko "touch rebuilt" "$msg" ;; esac

sed -i 's/within="PT10M"/within="PT9M"/' "$repo/bank/ola-dba.xml"
rendered=$(build -v 2>&1 | sed -n 's/^rendered //p' | sed "s|$out/||" | sort | tr '\n' ' ')
case "$rendered" in
*bank/ola-dba.pdf*) ok "a changed OLA re-renders what read it: $rendered" ;;
*) ko "changed OLA" "$rendered" ;;
esac
case "$rendered" in *bank/sla.pdf*|*catalog.pdf*) ko "rendered more than needed: $rendered" ;; esac

# what a PDF is made as of is part of what it is made from: another --as-of renders every PDF
# again (the effective SLA and its "截至" line, statuses, overdue marks), the same one nothing;
# so does another configuration, and another slm binary (a copy with one byte appended), but
# not the same binary under another name
rendered_as() { "$SLM" build -v -o "$out" "$@" "$repo" 2>&1 | sed -n 's/^rendered //p' | sed "s|$out/||" | sort; }
all=$(find "$out" -name '*.pdf' | wc -l)
n=$(rendered_as --as-of 2025-12-31 | wc -l)
[ "$n" = "$all" ] && ok "another --as-of renders every PDF again ($n)" || ko "another --as-of rendered $n of $all"
asof=$(pdftotext -l 1 "$out/bank/sla.pdf" - | grep -o '截至 [^ ]*')
[ "$asof" = "截至 2025年12月31日" ] && ok "the SLA's PDF says the new date: $asof" || ko "the SLA's PDF says: $asof"
msg=$("$SLM" build --as-of 2025-12-31 -o "$out" "$repo" 2>&1)
case "$msg" in *"up to date"*) ok "the same --as-of again does nothing" ;; *) ko "the same --as-of again" "$msg" ;; esac
rendered_as --as-of 2025-06-30 | grep -qx bank/sla.pdf && ! pdftotext "$out/bank/sla.pdf" - | grep -q '截至' &&
	ok "as of 2025-06-30 the SLA is the one before its additional SLA" ||
	ko "as of 2025-06-30" "$(pdftotext -l 1 "$out/bank/sla.pdf" - | grep '截至\|A1')"
build -q
cp "$repo/.slm-config.xml" "$tmp/config.xml"
printf '<!-- changed -->\n' >>"$repo/.slm-config.xml"
n=$(rendered_as --as-of 2025-11-30 | wc -l)
[ "$n" = "$all" ] && ok "a changed configuration renders every PDF again" || ko "a changed configuration rendered $n of $all"
cp "$tmp/config.xml" "$repo/.slm-config.xml"
build -q
mkdir -p "$tmp/bin"
cp "$SLM" "$tmp/bin/slm"
# beside no data and no renderer of its own: the same ones as $SLM's
other() { SLM_DATADIR=$top SLM_LIBDIR=$(dirname "$SLM") "$@"; }
other "$SLM" build -q --as-of 2025-11-30 -o "$out" "$repo"
msg=$(other "$tmp/bin/slm" build --as-of 2025-11-30 -o "$out" "$repo" 2>&1)
case "$msg" in *"up to date"*) ok "the same binary elsewhere does nothing" ;; *) ko "the same binary elsewhere" "$msg" ;; esac
printf '\0' >>"$tmp/bin/slm"
n=$(other "$tmp/bin/slm" build -v --as-of 2025-11-30 -o "$out" "$repo" 2>&1 | grep -c '^rendered ')
[ "$n" = "$all" ] && ok "another slm binary renders every PDF again" || ko "another slm binary rendered $n of $all"
build -q
# without --as-of, today in the organization's zone (Asia/Shanghai): 17:00 and 23:30 UTC on
# 1 March are both 2 March there, so the second build does nothing; 16:30 UTC on 2 March is
# 3 March, and every PDF is made again
at() { SLM_NOW=$1 "$SLM" build -v -o "$out" "$repo" 2>&1 | grep -c '^rendered '; }
at 2025-03-01T23:30:00Z >/dev/null
n=$(at 2025-03-01T17:00:00Z)
[ "$n" = 0 ] && ok "the same day in the organization's zone does nothing" || ko "the same day in Shanghai rendered $n"
n=$(at 2025-03-02T16:30:00Z)
[ "$n" = "$all" ] && ok "the next day in the organization's zone renders every PDF again" || ko "the next day in Shanghai rendered $n of $all"
build -q

rm "$repo/bank/reviews/2025-Q1.xml"
build -q
[ ! -e "$out/bank/reviews/2025-Q1.pdf" ] && ok "a removed source loses its PDF" || ko "stale PDF of a removed source"

printf '<?xml version="1.0" encoding="UTF-8"?>\n<ola xmlns="urn:slm:1" id="OLA-NET-BANK" status="signed">\n' >"$repo/bank/ola-net.xml"
build -q
[ ! -e "$out/bank/ola-net.pdf" ] && ok "a document that no longer renders loses its PDF" || ko "stale PDF of a broken source"
cp "$top/samples/bank/ola-net.xml" "$repo/bank/"

# killed builds: at random points, by each signal; then the output must be sound and a full
# build must complete
for sig in INT TERM KILL KILL KILL INT; do
	rm -rf "$out"
	# slm itself in the background, not a shell function: a signal to a subshell would leave
	# slm running, and the next round would race it
	"$SLM" build --as-of 2025-11-30 -q -o "$out" "$repo" >/dev/null 2>&1 &
	pid=$!
	sleep "0.$(( $(od -An -N1 -tu1 /dev/urandom) % 9 + 1 ))"
	kill -s "$sig" "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if sound; then ok "killed by SIG$sig: no partial or temporary file"; else ko "killed by SIG$sig: unsound output"; fi
done
build -q
sound && [ -s "$out/nonconformity.pdf" ] && ok "the build after the kills completes" || ko "no complete build after kills"

# the build record is input like any other: a copy of the output folder builds into itself only,
# and a record naming a file outside its folder never has it removed
rm -rf "$tmp/copy" "$tmp/crafted"
cp -r "$out" "$tmp/copy"
rm "$tmp/copy/bank/sla.pdf"
mv "$repo/bank/reviews/2025-Q2.xml" "$tmp/q2.xml"
kept=$("$SLM" build --as-of 2025-11-30 -o "$tmp/copy" "$repo" 2>&1 | grep kept)
mv "$tmp/q2.xml" "$repo/bank/reviews/2025-Q2.xml"
# a copy's files are not provably slm's (other inodes): the one no document makes is kept, said
[ -s "$tmp/copy/bank/sla.pdf" ] && [ -s "$out/bank/reviews/2025-Q2.pdf" ] &&
	[ "$kept" = "slm build: kept $tmp/copy/bank/reviews/2025-Q2.pdf: no document makes it any more, but it is not the file the last build made; remove it yourself" ] &&
	ok "a copied output folder builds into itself only" || ko "a copied output folder" "$kept"
mkdir -p "$tmp/crafted"
echo precious >"$tmp/victim.txt"
printf 'slm-build\t2\noutput\t%s\tx\noutput\t../victim.txt\tx\n' "$tmp/victim.txt" >"$tmp/crafted/.slm-build"
"$SLM" build --as-of 2025-11-30 -q -o "$tmp/crafted" "$repo" >/dev/null 2>&1
[ -s "$tmp/victim.txt" ] && ok "a build record naming files outside its folder removes nothing" || ko "the build record removed $tmp/victim.txt"

# an output folder that cannot be written
msg=$("$SLM" build --as-of 2025-11-30 -q -o /proc/nonexistent "$repo" 2>&1); rc=$?
[ "$rc" = 2 ] && ok "unwritable output folder: exit 2" || ko "unwritable output folder: exit $rc" "$msg"
finish
