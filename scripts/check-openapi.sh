#!/usr/bin/env bash
# Checks both example services' OpenAPI documents with tools nobody here
# wrote, as a client team would: openapi-spec-validator (the document is
# OpenAPI 3.1), openapi-typescript + `tsc --strict` (every real error body
# of the service type-checks against the types generated for its
# operation, status and content type), and schemathesis (requests
# generated from the document; every answer's status, content type,
# headers and body conform to it). Servers bind 127.0.0.1:0 and stop.
# Then the same spec and TypeScript checks over the openapi_wire tests'
# documents: every variant of a type per envelope using every attribute,
# alone and through the layer for each default envelope. Last, api-smart-diff
# (an OpenAPI diff tool nobody here wrote) judges one API's documents before
# and after a code is added and a status removed, with closed and open codes.
# And the gRPC example, called by Google's Python gRPC client (grpcio, stubs
# from examples/orders.proto by grpcio-tools, details read with
# grpcio-status) and over Connect (scripts/check_grpc.py).
set -euo pipefail
cd "$(dirname "$0")/.."

tools="$(pwd)/${ERRCODES_TOOLS:-target/openapi-tools}"
# `install` only installs the tools (CI does it in the background, while
# it builds); `check` only checks, with the tools installed before.
mode="${1:-all}"
if [ "$mode" != check ]; then
  mkdir -p "$tools"
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install -q --disable-pip-version-check --no-compile \
      "openapi-spec-validator==0.9.0" "schemathesis==4.32.5" \
      "grpcio==1.85.4" "grpcio-tools==1.85.4" "grpcio-status==1.85.3"
  npm install --silent --no-audit --no-fund --prefix "$tools/npm" \
      "openapi-typescript@7.13.0" "typescript@5.9.3" "api-smart-diff@1.0.6"
fi
[ "$mode" != install ] || exit 0

# With the README's features (--workspace --all-features), so that after
# its test command nothing is built again.
cargo build -q --workspace --all-features --examples
rm -rf "$tools/wire"
ERRCODES_OPENAPI_DUMP="$tools/wire" cargo test -q --workspace --all-features --test suite -- document::openapi_wire document::open_codes
"$tools/venv/bin/python" scripts/check_openapi.py "$tools" axum_service actix_service
# The gRPC example, called by Google's Python gRPC client (stubs generated
# from examples/orders.proto) and over Connect.
"$tools/venv/bin/python" scripts/check_grpc.py "$tools"
