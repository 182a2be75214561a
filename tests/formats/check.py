#!/usr/bin/env python3
"""Checks of slm's output formats beyond their golden files (run by tests/formats/run.sh).

usage: check.py FORMAT DIR [SLM]

DIR holds out.json, out.sarif, out.junit, out.svrl and out.github: the outputs of one `slm check`
(or validate) in every format.  The JSON output is checked for its shape and counts; then every
other format is read back and must say what the JSON says, diagnostic for diagnostic: same rules,
severities, places, messages and related locations.  So a format that drops, mangles or badly
escapes something fails here even when its golden file was regenerated without being read.
SARIF is also validated against sarif-subset.schema.json (beside this script) by a small
validator of the JSON-schema keywords that file uses, and its rules against `SLM explain`.
Exit status 0 when the format passes; the reasons on stderr otherwise.  Standard library only.
"""
import json
import os
import re
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def fail(msg):
    problems.append(msg)


def expect(cond, msg):
    if not cond:
        fail(msg)
    return cond


def read(dirname, name):
    with open(os.path.join(dirname, name), "rb") as f:
        data = f.read()
    return data.decode("utf-8")  # every format must be valid UTF-8


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        fail("duplicate member in %s" % keys)
    return dict(pairs)


def load_json(dirname, name):
    def constant(c):
        raise ValueError("not JSON: " + c)

    return json.loads(read(dirname, name), object_pairs_hook=no_duplicates, parse_constant=constant)


# ---- JSON ----------------------------------------------------------------------------------------

SEVERITIES = ("note", "warning", "error", "fatal")


def check_json(dirname):
    text = read(dirname, "out.json")
    # escapes: only control characters use \u (non-ASCII is written as UTF-8)
    for m in re.finditer(r'\\u([0-9A-Fa-f]{4})', text):
        expect(int(m.group(1), 16) < 0x20, "needless \\u escape: " + m.group(0))
    doc = json.loads(text, object_pairs_hook=lambda p: p)  # ordered pairs, to check the order
    keys = [k for k, _ in doc]
    expect(keys == ["tool", "version", "command", "files", "summary", "diagnostics"],
           "top-level members: %s" % keys)
    j = load_json(dirname, "out.json")
    expect(j["tool"] == "slm", "tool")
    expect(isinstance(j["version"], str) and j["version"], "version")
    expect(j["command"] in ("check", "validate"), "command")
    expect(isinstance(j["files"], int) and j["files"] >= 0, "files")
    expect(list(j["summary"]) == ["errors", "warnings", "notes"], "summary members")
    counts = {"errors": 0, "warnings": 0, "notes": 0}
    for d in j["diagnostics"]:
        expect(list(d) == ["file", "line", "column", "severity", "rule", "message", "related"],
               "diagnostic members: %s" % list(d))
        expect(isinstance(d["file"], str) and d["file"], "file")
        expect(isinstance(d["line"], int) and d["line"] >= 0, "line")
        expect(isinstance(d["column"], int) and (d["column"] >= 1 if d["line"] else d["column"] == 0),
               "column %r for line %r" % (d["column"], d["line"]))
        expect(d["severity"] in SEVERITIES, "severity " + str(d["severity"]))
        expect(re.fullmatch(r"[a-z][a-z0-9-]*", d["rule"]) is not None, "rule " + str(d["rule"]))
        expect(isinstance(d["message"], str) and d["message"], "message")
        for r in d["related"]:
            expect(list(r) == ["file", "line", "message"], "related members: %s" % list(r))
        key = {"note": "notes", "warning": "warnings"}.get(d["severity"], "errors")
        counts[key] += 1
    expect(j["summary"] == counts, "summary %s but the diagnostics count %s" % (j["summary"], counts))
    expect(j["diagnostics"] == sorted(j["diagnostics"], key=lambda d: (
        d["file"].encode(), d["line"], d["column"], d["rule"], d["message"].encode())),
        "diagnostics are not in sorted order")


def text_location(file, line, column=None):
    """The place as the text form writes it."""
    if not line:
        return file
    return "%s:%d:%d" % (file, line, column or 1)


def text_lines(d):
    """A diagnostic and its related locations in the text form, as JUnit's bodies hold them."""
    sev = "fatal error" if d["severity"] == "fatal" else d["severity"]
    lines = ["%s: %s: %s" % (text_location(d["file"], d["line"], d["column"]), sev, d["message"])]
    for r in d["related"]:
        lines.append("%s: note: %s" % (text_location(r["file"], r["line"]), r["message"]))
    return lines


# ---- SARIF ---------------------------------------------------------------------------------------

URI_REFERENCE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*:)?([A-Za-z0-9._~!$&'()*+,;=:@/?#-]|%[0-9A-F]{2})*$")
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def validate(schema, root, value, path):
    """The JSON-schema keywords that sarif-subset.schema.json uses, as draft-07 defines them."""
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        return validate(root["definitions"][name], root, value, path)
    t = schema.get("type")
    if t == "integer":
        if not (isinstance(value, int) and not isinstance(value, bool)):
            return fail("%s: not an integer" % path)
    elif t and not isinstance(value, TYPES[t]):
        return fail("%s: not a %s" % (path, t))
    if "enum" in schema and value not in schema["enum"]:
        fail("%s: %r not one of %s" % (path, value, schema["enum"]))
    if "minimum" in schema and value < schema["minimum"]:
        fail("%s: %r below %s" % (path, value, schema["minimum"]))
    if schema.get("format") in ("uri", "uri-reference"):
        if not URI_REFERENCE.match(value) or (schema["format"] == "uri" and ":" not in value):
            fail("%s: %r is not a %s" % (path, value, schema["format"]))
    if isinstance(value, dict):
        for k in schema.get("required", []):
            expect(k in value, "%s: no %s" % (path, k))
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for k, v in value.items():
            if k in props:
                validate(props[k], root, v, path + "." + k)
            elif extra is False:
                fail("%s: member %s is not allowed" % (path, k))
            elif isinstance(extra, dict):
                validate(extra, root, v, path + "." + k)
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            fail("%s: too few items" % path)
        if schema.get("uniqueItems"):
            seen = [json.dumps(v, sort_keys=True) for v in value]
            expect(len(seen) == len(set(seen)), "%s: items are not unique" % path)
        for i, v in enumerate(value):
            if "items" in schema:
                validate(schema["items"], root, v, "%s[%d]" % (path, i))


def catalogue(slm):
    """The rules as `slm rules` lists them and `slm explain` explains them."""
    out = subprocess.run([slm, "rules"], capture_output=True, text=True, check=True).stdout
    names = []
    for line in out.splitlines()[1:]:
        if not line.strip():
            break
        names.append(line.split()[0])
    rules = []
    for name in names:
        text = subprocess.run([slm, "explain", name], capture_output=True, text=True,
                              check=True).stdout.splitlines()
        m = re.fullmatch(r"Default severity: (.*)\.  Seed step: (.*)\.", text[1])
        rules.append({"id": name, "summary": text[0].split(": ", 1)[1], "severity": m.group(1),
                      "step": m.group(2), "explain": " ".join(" ".join(text[2:]).split())})
    return rules


def level(severity):
    return {"note": "note", "warning": "warning"}.get(severity, "error")


def check_physical(p, file, line, column, path):
    a = p["artifactLocation"]
    if file.startswith("/"):
        expect(a["uri"] == "file://" + urllib.parse.quote(file, safe="/~"), path + ": absolute uri")
        expect("uriBaseId" not in a, path + ": uriBaseId for an absolute path")
    else:
        expect(urllib.parse.unquote(a["uri"]) == file, "%s: uri %s is not %s" % (path, a["uri"], file))
        expect(a["uri"] == urllib.parse.quote(file, safe="/~"), path + ": uri not percent-encoded")
        expect(a.get("uriBaseId") == "SRCROOT", path + ": uriBaseId")
    if line:
        want = {"startLine": line, "startColumn": column or 1}
        expect(p.get("region") == want, "%s: region %s, want %s" % (path, p.get("region"), want))
    else:
        expect("region" not in p, path + ": region for a whole-file finding")


def check_sarif(dirname, slm):
    s = load_json(dirname, "out.sarif")
    with open(os.path.join(HERE, "sarif-subset.schema.json")) as f:
        schema = json.load(f)
    validate(schema, schema, s, "$")
    try:  # the real validator too, where the machine has it
        import jsonschema
        for e in jsonschema.Draft7Validator(schema).iter_errors(s):
            fail("jsonschema: %s at %s" % (e.message, list(e.absolute_path)))
    except ImportError:
        pass
    if problems:
        return
    expect(s["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json", "$schema")
    expect(len(s["runs"]) == 1, "one run")
    run = s["runs"][0]
    driver = run["tool"]["driver"]
    expect(driver["name"] == "slm", "driver name")
    rules = driver["rules"]
    cat = catalogue(slm)
    expect([r["id"] for r in rules] == [c["id"] for c in cat], "rules are not the catalogue")
    for r, c in zip(rules, cat):
        expect(r["shortDescription"]["text"] == c["summary"], r["id"] + ": shortDescription")
        expect(" ".join(r["fullDescription"]["text"].split()) == c["explain"],
               r["id"] + ": fullDescription")
        expect(r["defaultConfiguration"]["level"] == level(c["severity"].replace("fatal error", "fatal")),
               r["id"] + ": level")
        tags = ["structural"] if c["step"] == "—" else ["step-" + s for s in c["step"].split(", ")]
        expect(r["properties"]["tags"] == tags, "%s: tags %s" % (r["id"], r["properties"]["tags"]))
    j = load_json(dirname, "out.json")
    results = run["results"]
    expect(len(results) == len(j["diagnostics"]), "%d results for %d diagnostics" % (
        len(results), len(j["diagnostics"])))
    prints = []
    for i, (res, d) in enumerate(zip(results, j["diagnostics"])):
        p = "results[%d]" % i
        expect(res["ruleId"] == d["rule"], p + ": ruleId")
        expect(rules[res["ruleIndex"]]["id"] == res["ruleId"], p + ": ruleIndex")
        expect(res["level"] == level(d["severity"]), p + ": level")
        expect(res["message"]["text"] == d["message"], p + ": message")
        expect(len(res["locations"]) == 1, p + ": one location")
        check_physical(res["locations"][0]["physicalLocation"], d["file"], d["line"], d["column"], p)
        rel = res.get("relatedLocations", [])
        expect(len(rel) == len(d["related"]), p + ": related locations")
        for k, (rl, r) in enumerate(zip(rel, d["related"])):
            expect(rl["id"] == k + 1, p + ": related id")
            expect(rl["message"]["text"] == r["message"], p + ": related message")
            check_physical(rl["physicalLocation"], r["file"], r["line"], None, p + ".related")
        fp = res["partialFingerprints"]["slmFingerprint/v1"]
        expect(re.fullmatch(r"[0-9a-f]{64}:[1-9][0-9]*", fp) is not None, p + ": fingerprint " + fp)
        prints.append(fp)
    expect(len(prints) == len(set(prints)), "fingerprints are not unique")


# ---- XML formats ---------------------------------------------------------------------------------


def check_junit(dirname):
    j = load_json(dirname, "out.json")
    root = ET.fromstring(read(dirname, "out.junit").encode())
    expect(root.tag == "testsuites", "root is " + root.tag)
    suites = root.findall("testsuite")
    expect(len(suites) == 1, "one testsuite")
    suite = suites[0]
    expect(suite.get("name") == "slm " + j["command"], "testsuite name")
    cases = suite.findall("testcase")
    failures = [c for c in cases if c.find("failure") is not None]
    errors = [c for c in cases if c.find("error") is not None]
    for el in (root, suite):
        expect(el.get("tests") == str(len(cases)), el.tag + ": tests")
        expect(el.get("failures") == str(len(failures)), el.tag + ": failures")
        expect(el.get("errors") == str(len(errors)), el.tag + ": errors")
    names = [c.get("name") for c in cases]
    expect(len(names) == len(set(names)), "testcase names are not unique")
    by_rule = {c.get("name"): c for c in cases}
    for c in cases:
        expect(c.get("classname") == "slm." + c.get("name"), c.get("name") + ": classname")
    for rule in sorted({d["rule"] for d in j["diagnostics"]}):
        case = by_rule.get(rule)
        if not expect(case is not None, "no testcase for " + rule):
            continue
        ds = [d for d in j["diagnostics"] if d["rule"] == rule]
        failing = [d for d in ds if d["severity"] in ("error", "fatal")]
        quiet = [d for d in ds if d["severity"] not in ("error", "fatal")]
        tag = "error" if any(d["severity"] == "fatal" for d in failing) else "failure"
        el = case.find(tag)
        if failing and expect(el is not None, rule + ": no <%s>" % tag):
            want = [line for d in failing for line in text_lines(d)]
            expect(el.text.splitlines() == want, rule + ": failure body\n%s\nwant\n%s" % (
                el.text, "\n".join(want)))
            expect(el.get("message").startswith("%d " % len(failing)), rule + ": failure message")
        elif not failing:
            expect(case.find("failure") is None and case.find("error") is None, rule + ": fails")
        out = case.find("system-out")
        if quiet and expect(out is not None, rule + ": no <system-out>"):
            want = [line for d in quiet for line in text_lines(d)]
            expect(out.text.splitlines() == want, rule + ": system-out")
    for c in cases:
        if c.get("name") not in {d["rule"] for d in j["diagnostics"]}:
            expect(len(c) == 0, c.get("name") + ": a rule without findings has children")


SVRL = "{http://purl.oclc.org/dsdl/svrl}"


def check_svrl(dirname):
    j = load_json(dirname, "out.json")
    root = ET.fromstring(read(dirname, "out.svrl").encode())
    expect(root.tag == SVRL + "schematron-output", "root is " + root.tag)
    expect(root.get("title") == "slm " + j["command"], "title")
    pattern = None
    asserts = []
    for el in root:
        if el.tag == SVRL + "active-pattern":
            pattern = el.get("id")
        elif el.tag == SVRL + "failed-assert":
            expect(el.get("flag") == pattern, "failed-assert %s outside its pattern" % el.get("id"))
            asserts.append(el)
    # the asserts are the diagnostics grouped by rule, in catalogue order, list order within
    order = [p.get("id") for p in root.findall(SVRL + "active-pattern")]
    want = sorted(j["diagnostics"], key=lambda d: order.index(d["rule"]) if d["rule"] in order else -1)
    expect(len(asserts) == len(want), "%d failed-asserts for %d diagnostics" % (len(asserts), len(want)))
    for a, d in zip(asserts, want):
        p = "failed-assert " + str(a.get("id"))
        expect(a.get("test") == d["rule"] and a.get("flag") == d["rule"], p + ": test/flag")
        expect(a.get("role") == d["severity"], p + ": role")
        expect(a.get("location") == text_location(d["file"], d["line"], d["column"]), p + ": location")
        refs = a.findall(SVRL + "diagnostic-reference")
        expect([r.find(SVRL + "text").text for r in refs] ==
               ["%s: %s" % (text_location(r["file"], r["line"]), r["message"]) for r in d["related"]],
               p + ": related")
        expect(a.find(SVRL + "text").text == d["message"], p + ": text")


# ---- GitHub --------------------------------------------------------------------------------------


def unescape(s, prop):
    s = s.replace("%0D", "\r").replace("%0A", "\n")
    if prop:
        s = s.replace("%3A", ":").replace("%2C", ",")
    return s.replace("%25", "%")


def check_github(dirname):
    j = load_json(dirname, "out.json")
    lines = read(dirname, "out.github").splitlines()
    expect(len(lines) == len(j["diagnostics"]), "%d lines for %d diagnostics" % (
        len(lines), len(j["diagnostics"])))
    for line, d in zip(lines, j["diagnostics"]):
        m = re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line)
        if not expect(m is not None, "not a workflow command: " + line):
            continue
        expect(m.group(1) == {"note": "notice", "warning": "warning"}.get(d["severity"], "error"),
               line + ": command")
        props = dict(kv.split("=", 1) for kv in m.group(2).split(","))
        want = {"file": d["file"], "title": d["rule"]}
        if d["line"]:
            want.update(line=str(d["line"]), col=str(d["column"]))
        expect({k: unescape(v, True) for k, v in props.items()} == want, line + ": properties")
        msg = "\n".join([d["message"]] + ["%s: note: %s" % (text_location(r["file"], r["line"]),
                                                             r["message"]) for r in d["related"]])
        expect(unescape(m.group(3), False) == msg, line + ": message")
        expect("\n" not in m.group(3) and "\r" not in m.group(3), line + ": raw newline")


def main():
    fmt, dirname = sys.argv[1], sys.argv[2]
    try:
        if fmt == "json":
            check_json(dirname)
        elif fmt == "sarif":
            check_sarif(dirname, sys.argv[3])
        elif fmt == "junit":
            check_junit(dirname)
        elif fmt == "svrl":
            check_svrl(dirname)
        elif fmt == "github":
            check_github(dirname)
        else:
            fail("unknown format " + fmt)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, ET.ParseError) as e:
        fail("%s: %s: %s" % (fmt, type(e).__name__, e))
    for p in problems[:20]:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
