"""Runs each example service on 127.0.0.1:0 and checks its /openapi.json
with independent tools; see check-openapi.sh. Exits non-zero on the first
service whose document or answers fail."""

import json
import os
import pathlib
import subprocess
import sys
import urllib.error
import urllib.request

from openapi_spec_validator import validate

TOOLS = pathlib.Path(sys.argv[1]).resolve()
SERVICES = sys.argv[2:]

# (name, method, path, headers, body, documented path, status, content type)
PROBES = [
    ("not_found", "GET", "/orders/42", {}, None, "/orders/{id}", 404, "application/problem+json"),
    ("throttled", "GET", "/orders/429", {}, None, "/orders/{id}", 429, "application/problem+json"),
    ("database", "GET", "/orders/500", {}, None, "/orders/{id}", 500, "application/problem+json"),
    ("panic", "GET", "/orders/666", {}, None, "/orders/{id}", 500, "application/problem+json"),
    ("jsonapi", "GET", "/orders/42", {"accept": "application/vnd.api+json"}, None, "/orders/{id}", 404, "application/vnd.api+json"),
    ("bad_path", "GET", "/orders/abc", {}, None, "/orders/{id}", 400, "application/problem+json"),
    ("unknown_route", "GET", "/nowhere", {}, None, "/orders/{id}", 404, "application/problem+json"),
    ("wrong_method", "DELETE", "/orders/1", {}, None, "/orders/{id}", 405, "application/problem+json"),
    ("not_acceptable", "GET", "/orders/1", {"accept": "text/html"}, None, "/orders/{id}", 406, "application/problem+json"),
    ("malformed", "POST", "/orders", {"content-type": "application/json"}, b'{"email": ', "/orders", 400, "application/problem+json"),
    ("invalid_body", "POST", "/orders", {"content-type": "application/json"}, b'{"email":"a@b"}', "/orders", 422, "application/problem+json"),
    ("not_json", "POST", "/orders", {"content-type": "text/plain"}, b"hello", "/orders", 415, "application/problem+json"),
    ("validation", "POST", "/orders", {"content-type": "application/json"}, b'{"email":"bob","name":" ","quantity":0}', "/orders", 422, "application/problem+json"),
    ("upstream", "GET", "/upstream", {}, None, "/upstream", 502, "application/problem+json"),
    ("framework_json", "POST", "/raw", {"content-type": "application/json"}, b'{"sku": ', "/raw", 400, "application/problem+json"),
]


# Type checks wait until every document is written, then run as one: one
# Node process generates every document's types, one `tsc` checks every
# answer (each start costs seconds; each file is a module of its own).
TYPE_JOBS = []  # (document, types written to, answers file, message)


def start(service):
    binary = pathlib.Path("target/debug/examples") / service
    env = dict(os.environ, ADDR="127.0.0.1:0", RUST_BACKTRACE="0")
    proc = subprocess.Popen([str(binary)], stdout=subprocess.PIPE, env=env, text=True)
    line = proc.stdout.readline()
    if not line.startswith("listening on "):
        proc.kill()
        sys.exit(f"{service} did not start: {line!r}")
    return proc, line.split()[-1].strip()


def request(base, method, path, headers, body):
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.headers.get("content-type"), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("content-type"), err.read()


def check(service):
    proc, base = start(service)
    work = TOOLS / service
    work.mkdir(exist_ok=True)
    try:
        status, _, doc = request(base, "GET", "/openapi.json", {}, None)
        assert status == 200, f"{service}: /openapi.json answered {status}"
        spec = json.loads(doc)
        validate(spec)
        print(f"{service}: openapi-spec-validator: OpenAPI 3.1, valid")
        (work / "openapi.json").write_bytes(doc)

        lines = ['import type { paths } from "./api";']
        for name, method, path, headers, body, documented, want, content_type in PROBES:
            status, got_type, answer = request(base, method, path, headers, body)
            assert (status, got_type) == (want, content_type), f"{service} {name}: {status} {got_type}"
            operation = "get" if documented != "/orders" and documented != "/raw" else "post"
            lines.append(
                f'const {name}: paths["{documented}"]["{operation}"]["responses"][{status}]'
                f'["content"]["{content_type}"] = {answer.decode()};'
            )
            lines.append(f"void {name};")
        (work / "answers.ts").write_text("\n".join(lines) + "\n")
        TYPE_JOBS.append((
            work / "openapi.json", work / "api.d.ts", work / "answers.ts",
            f"{service}: tsc --strict: {len(PROBES)} real answers type-check against the generated types",
        ))

        subprocess.run(
            [
                str(TOOLS / "venv" / "bin" / "st"), "run", base + "/openapi.json", "--url", base,
                "--max-examples", "40", "--seed", "1",
                "--checks", "status_code_conformance,content_type_conformance,"
                "response_schema_conformance,response_headers_conformance",
            ],
            cwd=work,
            check=True,
        )
        print(f"{service}: schemathesis: every generated request's answer conforms")
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def typecheck(work, name, doc, answers, message):
    """Types to be generated from `doc`; each answer (path template,
    method, status, content type, body) assigned to its operation's type."""
    lines = [f'import type {{ paths }} from "./{name}";']
    for n, (template, method, status, content_type, body) in enumerate(answers):
        lines.append(
            f'const a{n}: paths["{template}"]["{method}"]["responses"][{status}]'
            f'["content"]["{content_type}"] = {json.dumps(body)};'
        )
        lines.append(f"void a{n};")
    (work / f"{name}.check.ts").write_text("\n".join(lines) + "\n")
    TYPE_JOBS.append((doc, work / f"{name}.d.ts", work / f"{name}.check.ts", message))


def run_type_checks():
    """openapi-typescript (its Node API, one process) for every document,
    then `tsc --strict` over every answers file at once."""
    npm = TOOLS / "npm"
    script = npm / "generate-types.mjs"
    script.write_text(
        'import fs from "node:fs";\n'
        'import { pathToFileURL } from "node:url";\n'
        'import openapiTS, { astToString } from "openapi-typescript";\n'
        'const jobs = JSON.parse(process.argv[2]);\n'
        'for (const [input, output] of jobs) {\n'
        '  const ast = await openapiTS(pathToFileURL(input));\n'
        '  fs.writeFileSync(output, astToString(ast));\n'
        '}\n'
    )
    jobs = [[str(doc), str(types)] for doc, types, _, _ in TYPE_JOBS]
    subprocess.run(["node", str(script), json.dumps(jobs)], cwd=npm, check=True)
    tsc = npm / "node_modules" / ".bin" / "tsc"
    subprocess.run([str(tsc), "--strict", "--noEmit", *[str(a) for _, _, a, _ in TYPE_JOBS]], check=True)
    for _, _, _, message in TYPE_JOBS:
        print(message)


def check_wire():
    """test_openapi_wire's documents and the real bodies it checked."""
    wire = TOOLS / "wire"
    docs = sorted(wire.glob("*.openapi.json"))
    assert docs, "test_openapi_wire wrote no document"
    for doc in docs:
        name = doc.name.removesuffix(".openapi.json")
        validate(json.loads(doc.read_text()))
        bodies = json.loads((wire / f"{name}.bodies.json").read_text())
        answers = [
            ("/" + b["path"].split("/")[1] + "/{n}", "get", b["status"], b["content_type"], b["body"])
            for b in bodies
        ]
        typecheck(
            wire, name.replace("-", "_"), doc, answers,
            f"{name}: valid OpenAPI 3.1; {len(answers)} real bodies type-check under tsc --strict",
        )


def check_diff():
    """api-smart-diff's verdicts on one API's documents across releases
    (written by the open_codes test): a code added to a status is breaking
    when codes are a closed `enum` and not when they are open; a status
    removed is breaking either way."""
    npm = TOOLS / "npm"
    script = npm / "diff.mjs"
    script.write_text(
        'import fs from "node:fs";\n'
        'import { apiCompare } from "api-smart-diff";\n'
        'const [before, after] = process.argv.slice(2).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));\n'
        'const { diffs } = apiCompare(before, after);\n'
        'console.log(JSON.stringify(diffs.map((d) => [d.type, d.description ?? ""])));\n'
    )
    docs = TOOLS / "wire" / "diff"
    expected = [
        ("closed-v1", "closed-v2", "a code added to 409", True),
        ("open-v1", "open-v2", "a code added to 409", False),
        ("closed-v1", "closed-v3", "status 409 removed", True),
        ("open-v1", "open-v3", "status 409 removed", True),
    ]
    for before, after, change, breaking in expected:
        out = subprocess.run(
            ["node", str(script), str(docs / f"{before}.openapi.json"), str(docs / f"{after}.openapi.json")],
            cwd=npm, check=True, capture_output=True, text=True,
        ).stdout
        diffs = json.loads(out)
        found = [d for t, d in diffs if t == "breaking"]
        verdict = "breaking: " + "; ".join(found) if found else "not breaking"
        print(f"api-smart-diff, {before} -> {after} ({change}): {verdict}")
        assert bool(found) == breaking, f"{before} -> {after}: expected {'a' if breaking else 'no'} breaking change, got {diffs}"


for service in SERVICES:
    check(service)
check_wire()
run_type_checks()
check_diff()
print(f"{len(SERVICES) + 2} passed, 0 failed")
