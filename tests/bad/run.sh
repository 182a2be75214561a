#!/bin/sh
# The bad-input corpus (DESIGN §8): every case must get its exact message and exit status, in
# bounded time, with no network access.  cases/NAME/ are committed inputs; the generated cases
# (huge, deep, links, unreadable, special files) are built in a temporary folder at run time and
# compared with generated/NAME.expected.  Each run is bounded by `timeout`.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib/golden.sh"
T="timeout 60"

for case in "$here"/cases/*/; do
	name=$(basename "$case")
	golden "bad/$name" "$case/expected.txt" "$case" $T "$SLM" validate .
done

tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
gen() { mkdir -p "$tmp/$1"; }
ok_doc='<?xml version="1.0" encoding="UTF-8"?>
<organization xmlns="urn:slm:1" id="ORG" name="x"/>'

# 100 MB: refused before it is read
gen huge
{ echo '<?xml version="1.0" encoding="UTF-8"?><organization xmlns="urn:slm:1" id="ORG" name="x">'
  head -c 104857600 /dev/zero | tr '\0' ' '; echo '</organization>'; } >"$tmp/huge/big.xml"
golden "bad/huge" "$here/generated/huge.expected" "$tmp/huge" $T "$SLM" validate .

# 10,000-deep nesting
gen deep
{ echo '<?xml version="1.0" encoding="UTF-8"?>'
  printf '<organization xmlns="urn:slm:1" id="ORG" name="x">'
  i=0; while [ $i -lt 10000 ]; do printf '<d>'; i=$((i + 1)); done; echo; } >"$tmp/deep/deep.xml"
golden "bad/deep" "$here/generated/deep.expected" "$tmp/deep" $T "$SLM" validate .

# 10,000 attributes on one element (libxml2 checks duplicates in quadratic time)
gen attrs
{ echo '<?xml version="1.0" encoding="UTF-8"?>'
  printf '<organization xmlns="urn:slm:1" id="ORG" name="x"'
  i=0; while [ $i -lt 10000 ]; do printf ' a%d="1"' $i; i=$((i + 1)); done; echo '/>'; } >"$tmp/attrs/attrs.xml"
golden "bad/attrs" "$here/generated/attrs.expected" "$tmp/attrs" $T "$SLM" validate .

# a link loop and a link out of the repository, a dangling link
gen links
mkdir -p "$tmp/links/repo/sub"
printf '%s\n' "$ok_doc" >"$tmp/links/repo/org.xml"
ln -s .. "$tmp/links/repo/sub/loop"
ln -s /etc/passwd "$tmp/links/repo/passwd.xml"
ln -s /etc "$tmp/links/repo/etc"
ln -s missing.xml "$tmp/links/repo/dangling.xml"
ln -s self.xml "$tmp/links/repo/self.xml"
golden "bad/links" "$here/generated/links.expected" "$tmp/links" $T "$SLM" validate repo

# an unreadable file: as root, run as nobody (root reads everything)
gen unreadable
printf '%s\n' "$ok_doc" >"$tmp/unreadable/org.xml"
chmod 000 "$tmp/unreadable/org.xml"
chmod 755 "$tmp" "$tmp/unreadable"
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null && setpriv --reuid=nobody --regid=nogroup --clear-groups "$SLM" --version >/dev/null 2>&1; then
		golden "bad/unreadable" "$here/generated/unreadable.expected" "$tmp/unreadable" \
			$T setpriv --reuid=nobody --regid=nogroup --clear-groups "$SLM" validate .
	else
		echo "skip bad/unreadable (root, and nobody cannot run $SLM here)"
	fi
else
	golden "bad/unreadable" "$here/generated/unreadable.expected" "$tmp/unreadable" $T "$SLM" validate .
fi

# a FIFO named like a document: never blocks
gen fifo
mkfifo "$tmp/fifo/pipe.xml"
golden "bad/fifo" "$here/generated/fifo.expected" "$tmp/fifo" $T "$SLM" validate .

# a path that does not exist
gen missing
golden "bad/missing-path" "$here/generated/missing-path.expected" "$tmp/missing" $T "$SLM" validate nowhere

finish
