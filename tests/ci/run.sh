#!/bin/sh
# A hostile repository in CI (issue 12): what a merge request can put in a repository — file
# names, links, FIFOs, a committed output folder with its own targets, dependency files and build
# record — must never make slm or make write outside the output folder, change a document, run
# anything but slm, hang, or leave stale outputs that pass for fresh; the next normal run is
# right.  Every run is bounded by `timeout`.  Each case asserts the exact message where there is
# one.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
: "${SLM:=$top/slm}"
case "$SLM" in /*) ;; *) SLM="$PWD/$SLM" ;; esac
export SLM LC_ALL=C TZ=UTC
# run from make check: the make of the tests is not the repository's
unset MAKEFLAGS MAKELEVEL MFLAGS MAKEOVERRIDES
. "$here/../lib/golden.sh"
asof=2025-11-30
T=60
[ -n "${SAN:-}" ] && T=240

tmp=$(mktemp -d "${TMPDIR:-/tmp}/slm-ci.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { failed=$((failed + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/     /' | head -20; }
# expect NAME WANT GOT
expect() { if [ "$2" = "$3" ]; then ok "$1"; else ko "$1" "want: $2
got:  $3"; fi; }

# a small repository: the bank's agreements
fresh() {
	rm -rf "$tmp/repo"
	mkdir -p "$tmp/repo"
	cp -r "$top/samples/org" "$top/samples/catalog" "$top/samples/bank" "$top/samples/.slm-config.xml" "$tmp/repo/"
	printf 'SLM = %s\nSLM_FLAGS = --as-of %s\ninclude %s/slm.mk\n' "$SLM" "$asof" "$top" >"$tmp/repo/Makefile"
}
# a snapshot of everything outside the output folder (names, sizes, contents)
snap() { (cd "$tmp" && find . -path ./repo/out -prune -o -path ./out -prune -o -type f -print0 | sort -z | xargs -0 sha256sum; find . -path ./repo/out -prune -o -path ./out -prune -o -print | sort); }
pwned() { find "$tmp" / -maxdepth 1 -name 'pwned*' 2>/dev/null | head -3; find "$tmp" -name 'pwned*' 2>/dev/null | head -3; }

# ---- make: names ------------------------------------------------------------------------------
fresh
ola=$tmp/repo/bank/ola-dba.xml
# every name make can express, each a document that renders (its ids made unique)
i=0
for name in 'a b' 'h#x' 'c:d' 'd$x' 'e=f' 's*t' 'q?r' 'b[1]' 'bs\x' '-lead' '~root' "qu'ote" \
	'x$(shell touch pwned1)' 'y`touch pwned2`' 'z$$(touch pwned3)' "v'\$(touch pwned4)'" \
	'-include pwned5' 'amp&touch pwned6' 'sub (1)'; do
	i=$((i + 1))
	sed "s/OLA-BANK-DBA/OLA-HOSTILE-$i/g" "$ola" >"$tmp/repo/bank/$name.xml"
done
mkdir -p "$tmp/repo/out/bank"
# a committed output folder: its targets file and a dependency file would run programs
printf 'x := $(shell touch pwned7)\nSLM_PDFS += $(shell touch pwned8)\n' >"$tmp/repo/out/slm-targets.mk"
printf 'out/bank/sla.pdf: $(shell touch pwned9)\n' >"$tmp/repo/out/bank/sla.d"
printf 'not a pdf\n' >"$tmp/repo/out/bank/sla.pdf"
before=$(snap)
out=$(cd "$tmp/repo" && timeout $T make -j2 pdf 2>&1); rc=$?
expect "make pdf with hostile names: exit 0" 0 "$rc"
expect "make ran no program of the repository's" "" "$(pwned)"
n=$(find "$tmp/repo/out/bank" -maxdepth 1 -name '*.pdf' | wc -l)
expect "every hostile name has its PDF (19 + 9)" 28 "$n"
[ -f "$tmp/repo/out/bank/bs\\x.pdf" ] && [ -f "$tmp/repo/out/bank/-include pwned5.pdf" ] &&
	[ -f "$tmp/repo/out/bank/x\$(shell touch pwned1).pdf" ] && ok "names kept as they are" || ko "names mangled" "$(ls "$tmp/repo/out/bank")"
head -c 4 "$tmp/repo/out/bank/sla.pdf" | grep -q '%PDF' && ok "a committed PDF is made again" || ko "the committed PDF passed for fresh"
expect "nothing outside the output folder changed" "$before" "$(snap)"
out=$(cd "$tmp/repo" && timeout $T make -j2 pdf 2>&1)
expect "a second make does nothing" "make: Nothing to be done for 'pdf'." "$out"
touch "$tmp/repo/bank/a b.xml"
sleep 0.01
printf ' ' >>"$tmp/repo/bank/a b.xml"
out=$(cd "$tmp/repo" && timeout $T make pdf 2>&1)
expect "a change to a hostile name rebuilds its PDF" \
	"$SLM render --as-of $asof --repository . -MD -MF 'out/bank/a b.d' -o 'out/bank/a b.pdf' -- 'bank/a b.xml'" "$out"

# names make cannot express: refused, make stops, nothing runs
for name in 'se;touch pwned10' 'pi|touch pwned11' 'p%q' "$(printf 'nl\ntouch pwned12:\n\ttouch pwned12')"; do
	i=$((i + 1))
	sed "s/OLA-BANK-DBA/OLA-HOSTILE-$i/g" "$ola" >"$tmp/repo/bank/$name.xml"
done
out=$(cd "$tmp/repo" && timeout $T make pdf 2>&1); rc=$?
[ "$rc" != 0 ] && ok "a name make cannot express stops make (exit $rc)" || ko "make went on: exit 0" "$out"
expect "each is refused with its reason" "slm render: bank/nl\\ntouch pwned12:\\n\\ttouch pwned12.xml: make cannot name a file with a control character (0x0a) in it; rename it (slm build renders it as it is)
slm render: bank/p%q.xml: make cannot name a file with '%' in it; rename it (slm build renders it as it is)
slm render: bank/pi|touch pwned11.xml: make cannot name a file with '|' in it; rename it (slm build renders it as it is)
slm render: bank/se;touch pwned10.xml: make cannot name a file with ';' in it; rename it (slm build renders it as it is)" \
	"$(printf '%s\n' "$out" | grep '^slm render')"
expect "make ran nothing of them" "" "$(pwned)"

# 2,000 documents: no argument list passes through the shell (slm finds them itself)
fresh
mkdir -p "$tmp/repo/many"
j=0
while [ $j -lt 2000 ]; do
	j=$((j + 1))
	printf '<x/>' >"$tmp/repo/many/not-an-agreement-with-a-long-name-to-fill-the-argument-list-$j.xml"
done
out=$(cd "$tmp/repo" && timeout $T make -n pdf 2>&1); rc=$?
expect "make -n pdf over 2,000 more documents: exit 0" 0 "$rc"

# ---- build: the output folder --------------------------------------------------------------
fresh
mkdir -p "$tmp/outside" "$tmp/out"
echo precious >"$tmp/outside/sla.pdf"
ln -s "$tmp/outside" "$tmp/out/bank"
before=$(snap)
msg=$(timeout $T "$SLM" build --as-of $asof -q -o "$tmp/out" "$tmp/repo" 2>&1); rc=$?
expect "build with a linked subfolder: exit 1" 1 "$rc"
expect "it says the link" "slm: cannot create the folder $tmp/out/bank: $tmp/out/bank is a symbolic link; slm writes through no link" \
	"$(printf '%s\n' "$msg" | sort -u | grep 'out/bank:')"
expect "nothing written through the link" "$before" "$(snap)"
rm "$tmp/out/bank"

ln -s "$tmp/outside" "$tmp/linked-out"
msg=$(timeout $T "$SLM" build --as-of $asof -q -o "$tmp/linked-out/x" "$tmp/repo" 2>&1); rc=$?
expect "an output folder reached through a link: refused" "2 slm build: cannot create $tmp/linked-out/x: $tmp/linked-out is a symbolic link; slm writes through no link" "$rc $msg"
rm "$tmp/linked-out"

rm -rf "$tmp/out"; mkdir -p "$tmp/out"
mkfifo "$tmp/out/check.txt"
msg=$(timeout $T "$SLM" build --as-of $asof -q -o "$tmp/out" "$tmp/repo" 2>&1); rc=$?
expect "a FIFO in the output folder: no hang, exit 2" 2 "$rc"
expect "it is named" "slm: cannot write $tmp/out/check.txt: it is a FIFO; slm writes only regular files, through no link (- is standard output)" \
	"$(printf '%s\n' "$msg" | grep FIFO)"
rm -rf "$tmp/out"

# ---- build: the record ---------------------------------------------------------------------
timeout $T "$SLM" build --as-of $asof -q -o "$tmp/out" "$tmp/repo" >/dev/null 2>&1
sha=$(sha256sum "$tmp/outside/sla.pdf" | cut -c1-64)
ino=$(stat -c %i "$tmp/outside/sla.pdf")
# forged: outputs outside (by .., by a link), a name with a newline forging a line
ln -s "$tmp/outside" "$tmp/out/gone"
rm -f "$tmp/repo/bank/proposal.xml"
{
	printf 'slm-build\t4\nstatus\t0\ndigest\t%s\n' "$sha"
	printf 'output\t../outside/sla.pdf\t0\t%s\t9\t0\t%s\t%s\tbank/sla.xml\n' "$ino" "$sha" "$sha"
	printf 'output\tgone/sla.pdf\t0\t%s\t9\t0\t%s\t%s\tbank/sla.xml\n' "$ino" "$sha" "$sha"
	printf 'output\tbank/proposal.pdf\nfile\t../x\t1\t1\t1\t1\tmissing\n'
} >"$tmp/out/.slm-build"
before=$(snap)
timeout $T "$SLM" build --as-of $asof -q -o "$tmp/out" "$tmp/repo" >/dev/null 2>&1
expect "a forged record removes nothing outside" "$before" "$(snap)"
[ -f "$tmp/out/bank/proposal.pdf" ] && ok "nor a PDF it does not prove slm's" || ko "an unproven PDF was removed"
rm "$tmp/out/gone"

# a rewrite that keeps size and modification time is seen
timeout $T "$SLM" build --as-of $asof -q -o "$tmp/out" "$tmp/repo" >/dev/null 2>&1
f=$tmp/repo/bank/ola-net.xml
mt=$(stat -c %y "$f")
sed -i 's/<title>/<title>X/; s/<\/title>/<\/titl0>/; s/<\/titl0>/<\/title>/' "$f"
sed -i '0,/  /s//\t/' "$f"
touch -d "$mt" "$f"
msg=$(timeout $T "$SLM" build --as-of $asof -v -o "$tmp/out" "$tmp/repo" 2>&1 | grep '^rendered.*ola-net')
expect "a rewrite keeping size and mtime is rebuilt" "rendered $tmp/out/bank/ola-net.pdf" "$msg"

# names that would forge record lines are escaped; the next build is up to date
fresh
sed "s/OLA-BANK-DBA/OLA-TAB/g" "$ola" >"$tmp/repo/bank/$(printf 'tab\there\noutput\t..')x.xml"
rm -rf "$tmp/out"
timeout $T "$SLM" build --as-of $asof -q -o "$tmp/out" "$tmp/repo" >/dev/null 2>&1
grep -q '^output	bank/tab\\there\\noutput\\t..x.pdf	' "$tmp/out/.slm-build" && ok "record names escaped" || ko "record names not escaped" "$(grep tab "$tmp/out/.slm-build")"
msg=$(timeout $T "$SLM" build --as-of $asof -o "$tmp/out" "$tmp/repo" 2>&1)
expect "the next build is up to date" "slm build: $tmp/out is up to date" "$msg"

# ---- build: inputs that never end ----------------------------------------------------------
mkfifo "$tmp/repo/bank/fifo.xml"
ln -s /dev/zero "$tmp/repo/bank/zero.xml"
ln -s /dev/urandom "$tmp/repo/bank/random.xml"
msg=$(timeout $T "$SLM" build --as-of $asof -q -o "$tmp/out" "$tmp/repo" 2>&1); rc=$?
[ "$rc" != 124 ] && ok "a FIFO and links to devices: no hang (exit $rc)" || ko "build hung"
grep -q 'bank/fifo.xml:.*not a regular file' "$tmp/out/check.txt" && ok "the FIFO is a diagnostic" || ko "no diagnostic for the FIFO" "$(head "$tmp/out/check.txt")"
rm -f "$tmp/repo/bank/fifo.xml" "$tmp/repo/bank/zero.xml" "$tmp/repo/bank/random.xml"

# ---- outputs onto the repository's documents -----------------------------------------------
fresh
before=$(snap)
msg=$("$SLM" check --as-of $asof -o "$tmp/repo/bank/sla.xml" "$tmp/repo" 2>&1); rc=$?
expect "check -o onto a document: refused" "2 slm: cannot write $tmp/repo/bank/sla.xml: it is a document; slm writes over no document" "$rc $msg"
msg=$("$SLM" check --as-of $asof --format xml -o "$tmp/repo/findings.xml" "$tmp/repo" 2>&1); rc=$?
expect "check -o a new .xml in the repository: refused" "2 slm: cannot write $tmp/repo/findings.xml: it lies in the repository being read, where an .xml file is a document; write it outside the repository" "$rc $msg"
msg=$("$SLM" render --as-of $asof -MD -MF "$tmp/repo/bank/ola-net.xml" -o "$tmp/out/x.pdf" "$tmp/repo/bank/ola-dba.xml" 2>&1); rc=$?
expect "render -MF onto a document: refused" "2 slm: cannot write $tmp/repo/bank/ola-net.xml: it is a document; slm writes over no document" "$rc $msg"
msg=$("$SLM" render --as-of $asof -o "$tmp/repo/bank/ola-net.xml" "$tmp/repo/bank/ola-dba.xml" 2>&1); rc=$?
expect "render -o onto another document: refused, said once" "2 $tmp/repo/bank/ola-net.xml: fatal error: cannot write: it is a document; slm writes over no document [io-error]" "$rc $msg"
expect "no document changed" "$before" "$(snap)"
msg=$("$SLM" check --as-of $asof -o /dev/null "$tmp/repo" 2>&1); rc=$?
expect "check -o a device: refused" "2 slm: cannot write /dev/null: it is a device; slm writes only regular files, through no link (- is standard output)" "$rc $msg"

# a build into the repository, killed once it has marked its folder (a fixed 0.05 s sometimes
# fell between the folder and its mark, fsync'd: an empty folder, nothing to say), is never read
# back as documents
rm -rf "$tmp/repo/out"
"$SLM" build --as-of $asof -q -o "$tmp/repo/out" "$tmp/repo" >/dev/null 2>&1 &
pid=$!
# kill it once it has marked its folder (on a loaded machine that takes a while)
n=0
while [ ! -e "$tmp/repo/out/.slm-build" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
kill -KILL "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
msg=$("$SLM" check --as-of $asof "$tmp/repo" 2>&1 | grep -c 'repo/out')
expect "check after an interrupted build reads nothing of its folder but says so" 1 "$msg"


# ---- found by an independent probe ---------------------------------------------------------
# a committed build record hides no agreement
fresh
printf 'slm-build\t4\n' >"$tmp/repo/bank/.slm-build"
msg=$("$SLM" check --as-of $asof "$tmp/repo" 2>&1); rc=$?
expect "a planted build record: still checked, exit 1" 1 "$rc"
expect "and said" "$tmp/repo/bank: error: holds slm build's record (.slm-build) but also agreements ($tmp/repo/bank/contract-db.xml): a build record hides no document; they are checked all the same [unsafe-path]" \
	"$(printf '%s\n' "$msg" | grep 'build record hides')"
rm "$tmp/repo/bank/.slm-build"

# a folder of documents is no output folder; a document is never replaced
cp "$tmp/repo/bank/ola-net.xml" "$tmp/repo/bank/check.xml"
before=$(snap)
msg=$("$SLM" build --as-of $asof -o "$tmp/repo/bank" "$tmp/repo" 2>&1); rc=$?
expect "build into a folder of documents: refused" "2 slm build: the output folder $tmp/repo/bank holds documents ($tmp/repo/bank/check.xml); write into a folder of its own (-o out)" "$rc $msg"
expect "nothing written there" "$before" "$(snap)"
msg=$("$SLM" check --as-of $asof -o "$tmp/repo/bank/check.xml" "$tmp/repo/catalog" 2>&1); rc=$?
expect "check -o onto a document of another repository: refused" "2 slm: cannot write $tmp/repo/bank/check.xml: it is a document; slm writes over no document" "$rc $msg"
msg=$("$SLM" check --as-of $asof --format xml -o "$tmp/repo/catalog/r.xml" "$tmp/repo/bank" 2>&1); rc=$?
expect "check -o .xml into a sibling folder of the repository: refused" "2 slm: cannot write $tmp/repo/catalog/r.xml: it lies in the repository being read, where an .xml file is a document; write it outside the repository" "$rc $msg"
rm "$tmp/repo/bank/check.xml"

# an output that is a link is refused, not replaced
ln -s "$tmp/outside/sla.pdf" "$tmp/link.txt"
msg=$("$SLM" check --as-of $asof -o "$tmp/link.txt" "$tmp/repo" 2>&1); rc=$?
expect "-o a link: refused" "2 slm: cannot write $tmp/link.txt: it is a symbolic link; slm writes only regular files, through no link (- is standard output)" "$rc $msg"
[ -L "$tmp/link.txt" ] && ok "the link is left as it was" || ko "the link was replaced"
rm "$tmp/link.txt"

# a failed render is tried again; a configuration change is a change; a new additional SLA
# renders its base SLA again
rm -rf "$tmp/out"
mkdir -p "$tmp/out/bank"
printf 'slm-build\t4\n' >"$tmp/out/.slm-build"
rmdir "$tmp/out/bank"
mkfifo "$tmp/out/bank"
"$SLM" build --as-of $asof -q -o "$tmp/out" "$tmp/repo" >/dev/null 2>&1
rm "$tmp/out/bank"
msg=$("$SLM" build --as-of $asof -o "$tmp/out" "$tmp/repo" 2>&1 | tail -1)
[ -f "$tmp/out/bank/sla.pdf" ] && ok "failed renders are tried again ($msg)" || ko "failed renders not tried again" "$msg"
printf '%s\n' '<?xml version="1.0"?>' '<slm-config xmlns="urn:slm:config:1"><rule name="review-overdue" severity="off"/></slm-config>' >"$tmp/repo/.slm-config.xml"
msg=$("$SLM" build --as-of $asof -o "$tmp/out" "$tmp/repo" 2>&1 | head -1)
case $msg in *"is up to date"*) ko "a configuration change left the build up to date" ;; *) ok "a configuration change is a change" ;; esac
mv "$tmp/repo/bank/sla-a1.xml" "$tmp/a1.xml"
"$SLM" build --as-of $asof -q -o "$tmp/out" "$tmp/repo" >/dev/null 2>&1
mv "$tmp/a1.xml" "$tmp/repo/bank/sla-a1.xml"
msg=$("$SLM" build --as-of $asof -v -o "$tmp/out" "$tmp/repo" 2>&1 | grep "^rendered.*bank/sla.pdf")
expect "a new additional SLA renders its base SLA again" "rendered $tmp/out/bank/sla.pdf" "$msg"

# make clean removes nothing through a link
fresh
mkdir -p "$tmp/victim/keep"
echo precious >"$tmp/victim/keep/data.txt"
ln -s ../victim "$tmp/repo/out"
msg=$(cd "$tmp/repo" && make SLM_OUT=out/ clean 2>&1); rc=$?
[ "$rc" != 0 ] && [ -f "$tmp/victim/keep/data.txt" ] && ok "make clean through a link: refused" || ko "make clean went through the link" "$msg"
expect "it says why" "slm.mk: not removed: out is a symbolic link" "$(printf '%s\n' "$msg" | head -1)"
rm "$tmp/repo/out"

# names make reads its own way: backslashes, a top folder named ~
mkdir -p "$tmp/repo/~"
sed "s/OLA-BANK-DBA/OLA-TILDE/g" "$ola" >"$tmp/repo/~/x.xml"
sed "s/OLA-BANK-DBA/OLA-BS/g" "$ola" >"$tmp/repo/bank/a\\\\.xml"
sed "s/OLA-BANK-DBA/OLA-BS2/g" "$ola" >"$tmp/repo/bank/b\\ c.xml"
out=$(cd "$tmp/repo" && HOME=$tmp/victim timeout $T make pdf 2>&1); rc=$?
expect "make pdf with ~ and backslashes: exit 0" 0 "$rc"
[ -f "$tmp/repo/out/~/x.pdf" ] && [ -f "$tmp/repo/out/bank/a\\\\.pdf" ] && [ -f "$tmp/repo/out/bank/b\\ c.pdf" ] &&
	ok "their PDFs" || ko "missing PDFs" "$out"
out=$(cd "$tmp/repo" && HOME=$tmp/victim timeout $T make pdf 2>&1)
expect "and a second make does nothing" "make: Nothing to be done for 'pdf'." "$out"

# render by a folder link out of the repository
fresh
mkdir -p "$tmp/elsewhere"
cp "$tmp/repo/bank/sla-a1.xml" "$tmp/elsewhere/a1.xml"
ln -s ../../elsewhere "$tmp/repo/catalog/ext"
msg=$(cd "$tmp/repo" && "$SLM" render --as-of $asof -o "$tmp/o.pdf" catalog/ext/a1.xml 2>&1); rc=$?
expect "render through a folder link out of the repository: refused" "1 catalog/ext/a1.xml: error: symbolic link leaves the repository (it leads to $tmp/elsewhere/a1.xml); not rendered [unsafe-path]" "$rc $msg"

# a failed render removes only what slm made: never the document it refused, nor another file
fresh
mkdir -p "$tmp/x"
cp "$tmp/repo/bank/sla-a1.xml" "$tmp/x/doc.xml"
echo keep >"$tmp/x/keep.pdf"
"$SLM" render --as-of $asof -o "$tmp/x/doc.xml" "$tmp/repo/bank/sla.xml" >/dev/null 2>&1
"$SLM" render --as-of $asof -o "$tmp/x/keep.pdf" "$tmp/repo/bank/nonexistent.xml" >/dev/null 2>&1
[ -f "$tmp/x/doc.xml" ] && [ -f "$tmp/x/keep.pdf" ] && ok "a failed render -o removes nothing it did not make" ||
	ko "a failed render -o removed a file" "$(ls "$tmp/x")"
"$SLM" render --as-of $asof -o "$tmp/x/sla.pdf" "$tmp/repo/bank/sla.xml" >/dev/null 2>&1
sed -i 's/<sla /<sla bad="1" /' "$tmp/repo/bank/sla.xml"
"$SLM" render --as-of $asof -o "$tmp/x/sla.pdf" "$tmp/repo/bank/sla.xml" >/dev/null 2>&1
[ ! -e "$tmp/x/sla.pdf" ] && ok "but its own PDF of an earlier run, it does" || ko "a stale PDF of slm's was kept"

# make: a new document naming another (an additional SLA) makes the other's PDF again
fresh
mv "$tmp/repo/bank/sla-a1.xml" "$tmp/a1.xml"
(cd "$tmp/repo" && timeout $T make -s -j2 pdf >/dev/null 2>&1)
mv "$tmp/a1.xml" "$tmp/repo/bank/sla-a1.xml"
touch "$tmp/repo/bank/sla-a1.xml"
out=$(cd "$tmp/repo" && timeout $T make pdf 2>&1 | grep -o " -o '[^']*'" | sort | tr '\n' ' ')
case $out in *"'out/bank/sla.pdf'"*) ok "make: a new additional SLA renders its base SLA again" ;;
*) ko "make left the base SLA's PDF stale" "$out" ;; esac

# ---- threads -------------------------------------------------------------------------------
fresh
msg=$(timeout $T "$SLM" build --as-of $asof -q -j 256 -o "$tmp/out256" "$tmp/repo" 2>&1); rc=$?
expect "-j 256 is clamped, not an abort" 1 "$rc"
finish
