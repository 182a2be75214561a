# Shared by the golden suites: run a command in a folder, capture stdout and the exit status in
# the form of expected.txt files ("<stdout>" then "exit: N"), compare, report.
# Set UPDATE=1 to rewrite expected files from the actual output (then read the diff!).
: "${SLM:?SLM must name the slm binary}"
pass=0
failed=0

# golden NAME EXPECTED_FILE DIR CMD...: run CMD in DIR, compare with EXPECTED_FILE.
golden() {
	name=$1 expected=$2 dir=$3
	shift 3
	actual=$(cd "$dir" && { "$@" 2>&1; echo "exit: $?"; })
	if [ "${UPDATE:-}" = 1 ]; then
		printf '%s\n' "$actual" >"$expected"
	fi
	if [ -f "$expected" ] && [ "$(cat "$expected")" = "$actual" ]; then
		pass=$((pass + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		echo "FAIL $name"
		printf '%s\n' "$actual" | diff -u "$expected" - | sed 's/^/     /' | head -40
	fi
}

finish() {
	echo "  $pass passed, $failed failed"
	[ "$failed" = 0 ]
}
