"""Calls the gRPC example (examples/grpc_service.rs) with clients nobody on
the project wrote: Google's Python gRPC client, with stubs generated from
examples/orders.proto by grpcio-tools, reading each error's details with
grpcio-status and googleapis-common-protos; and a plain HTTP client speaking
Connect's unary protocol, its details read with the same protobuf classes.
Exits non-zero on the first answer that is not what the declaration says."""

import base64
import json
import os
import pathlib
import subprocess
import sys
import urllib.error
import urllib.request

import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from grpc_tools import protoc

TOOLS = pathlib.Path(sys.argv[1]).resolve()


def stubs():
    out = TOOLS / "grpc-stubs"
    out.mkdir(parents=True, exist_ok=True)
    code = protoc.main(["protoc", "-Iexamples", f"--python_out={out}",
                        f"--grpc_python_out={out}", "examples/orders.proto"])
    assert code == 0, f"protoc failed on examples/orders.proto: {code}"
    sys.path.insert(0, str(out))
    import orders_pb2
    import orders_pb2_grpc
    return orders_pb2, orders_pb2_grpc


def start():
    env = dict(os.environ, ADDR="127.0.0.1:0", RUST_BACKTRACE="0")
    proc = subprocess.Popen(["target/debug/examples/grpc_service"], stdout=subprocess.PIPE, env=env, text=True)
    line = proc.stdout.readline()
    if not line.startswith("listening on "):
        proc.kill()
        sys.exit(f"grpc_service did not start: {line!r}")
    return proc, line.split()[-1].strip().removeprefix("http://")


def details(err):
    """The error's google.rpc.Status details, unpacked by type."""
    status = rpc_status.from_call(err)
    assert status is not None, f"no grpc-status-details-bin: {err}"
    assert status.code == err.code().value[0], (status.code, err.code())
    found = {}
    for any_ in status.details:
        for name, cls in [("ErrorInfo", error_details_pb2.ErrorInfo),
                          ("BadRequest", error_details_pb2.BadRequest),
                          ("RetryInfo", error_details_pb2.RetryInfo),
                          ("LocalizedMessage", error_details_pb2.LocalizedMessage),
                          ("Help", error_details_pb2.Help),
                          ("DebugInfo", error_details_pb2.DebugInfo)]:
            if any_.Is(cls.DESCRIPTOR):
                message = cls()
                any_.Unpack(message)
                found[name] = message
    assert "DebugInfo" not in found, "a DebugInfo reached the client"
    return found


def call(method, request, metadata=()):
    try:
        method(request, metadata=metadata, timeout=10)
    except grpc.RpcError as err:
        return err
    sys.exit(f"{method} answered without an error")


def connect(addr, method, body):
    req = urllib.request.Request(f"http://{addr}/orders.v1.Orders/{method}", data=body, method="POST",
                                 headers={"content-type": "application/json", "connect-protocol-version": "1"})
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def connect_details(body):
    found = {}
    for detail in body.get("details", []):
        raw = base64.b64decode(detail["value"] + "=" * (-len(detail["value"]) % 4))
        name = detail["type"].rsplit(".", 1)[-1]
        cls = getattr(error_details_pb2, name)
        found[name] = cls.FromString(raw)
    return found


def main():
    orders_pb2, orders_pb2_grpc = stubs()
    proc, addr = start()
    try:
        with grpc.insecure_channel(addr) as channel:
            stub = orders_pb2_grpc.OrdersStub(channel)

            err = call(stub.GetOrder, orders_pb2.GetOrderRequest(id=7),
                       metadata=(("accept-language", "de"), ("x-request-id", "py-1")))
            assert err.code() == grpc.StatusCode.NOT_FOUND, err
            assert err.details() == "No order 7 exists.", err.details()
            assert dict(err.trailing_metadata()).get("x-request-id") == "py-1", err.trailing_metadata()
            found = details(err)
            assert found["ErrorInfo"].reason == "ORDER_NOT_FOUND", found
            assert found["LocalizedMessage"].locale == "de", found
            assert found["Help"].links[0].url == "https://errors.example.com/order_not_found", found

            err = call(stub.GetOrder, orders_pb2.GetOrderRequest(id=429))
            assert err.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, err
            assert details(err)["RetryInfo"].retry_delay.seconds == 30

            err = call(stub.GetOrder, orders_pb2.GetOrderRequest(id=500))
            assert err.code() == grpc.StatusCode.INTERNAL, err
            assert "db-primary" not in str(err) and "db-primary" not in repr(details(err)), err

            err = call(stub.CreateOrder, orders_pb2.CreateOrderRequest())
            assert err.code() == grpc.StatusCode.INVALID_ARGUMENT, err
            fields = sorted(v.field for v in details(err)["BadRequest"].field_violations)
            assert fields == ["email", "name", "quantity"], fields

            order = stub.GetOrder(orders_pb2.GetOrderRequest(id=1), timeout=10)
            assert order.status == "shipped", order

        status, body = connect(addr, "GetOrder", b'{"id": "7"}')
        assert (status, body["code"]) == (404, "not_found"), (status, body)
        assert connect_details(body)["ErrorInfo"].reason == "ORDER_NOT_FOUND", body
        status, body = connect(addr, "CreateOrder", b"{}")
        assert (status, body["code"]) == (400, "invalid_argument"), (status, body)
        fields = sorted(v.field for v in connect_details(body)["BadRequest"].field_violations)
        assert fields == ["email", "name", "quantity"], fields
        print("grpc_service: Python's gRPC client and a Connect call read every answer as declared")
    finally:
        proc.terminate()
        proc.wait(timeout=15)


if __name__ == "__main__":
    main()
