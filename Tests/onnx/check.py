"""Checks an ONNX file nn-fit wrote against nn's own predictions, with onnxruntime.

    python check.py MODEL.onnx STREAM [OPS]

STREAM is an nn-stream holding test.x (raw rows, as the model's user has them) and nn-eval's
test.predictions for them. The ONNX model is run on test.x by onnxruntime; every probability must
equal nn's within 1e-5. Also checked: the input and output names and shapes, the metadata (class
names against test.predictions' classes=, input column names and image shape against test.x's
columns= and image=), and (OPS, comma-separated) the graph's operators in order. Prints one line, 'ok: ...', or the first difference, and exits 1 on a difference.
Needs onnxruntime and numpy only (scripts/onnx-venv); reads the stream without any nn code.
"""
import json
import sys
import urllib.parse

import numpy as np
import onnxruntime as ort

TOLERANCE = 1e-5


def read_sections(path, wanted):
    """The wanted sections of an nn-stream as (attributes, float32 array), per docs/FORMAT.md."""
    out = {}
    with open(path, encoding="utf-8") as f:
        lines = iter(f.read().split("\n"))
    assert next(lines) == "nn-stream 1", "not an nn-stream"
    for line in lines:
        if not line.startswith("@") or line == "@end":
            continue
        name, kind, shape, *attrs = line[1:].split(" ")
        rows, cols = (int(n) for n in shape.split("x"))
        body = [next(lines) for _ in range(rows)]
        if name in wanted:
            attributes = dict(a.split("=", 1) for a in attrs)
            values = np.array([[float(v) for v in row.split()] for row in body], dtype=np.float32).reshape(rows, cols)
            if kind == "u8" and "scale" in attributes:
                # A byte b stands for Float32(b) * p / q, in binary32 left to right.
                p, _, q = attributes["scale"].partition("/")
                values = values * np.float32(p)
                if q:
                    values = values / np.float32(q)
            out[name] = (attributes, values)
    return out


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def main():
    model_path, stream_path = sys.argv[1], sys.argv[2]
    expected_ops = sys.argv[3].split(",") if len(sys.argv) > 3 else None
    sections = read_sections(stream_path, {"test.x", "test.predictions"})
    (x_attrs, x), (attrs, nn_p) = sections["test.x"], sections["test.predictions"]

    def names(value):
        # docs/FORMAT.md: the value is %-decoded, split on commas, and each item decoded again (%2C).
        return [urllib.parse.unquote(c) for c in urllib.parse.unquote(value).split(",")]

    # A regressor's test.predictions (task=regression) are values, one column per target, and
    # its graph's output is "values" with the target names in the metadata.
    regressor = attrs.get("task") == "regression"
    output, key = ("values", "targets") if regressor else ("probabilities", "classes")
    classes = names(attrs["columns" if regressor else "classes"])

    session = ort.InferenceSession(model_path, providers=["CPUExecutionProvider"])
    inputs, outputs = session.get_inputs(), session.get_outputs()
    if [i.name for i in inputs] != ["input"] or [o.name for o in outputs] != [output]:
        fail(f"inputs {[i.name for i in inputs]}, outputs {[o.name for o in outputs]}")
    if inputs[0].type != "tensor(float)" or inputs[0].shape != ["N", x.shape[1]]:
        fail(f"input is {inputs[0].type} {inputs[0].shape}, expected tensor(float) ['N', {x.shape[1]}]")
    if outputs[0].shape != ["N", len(classes)]:
        fail(f"output shape {outputs[0].shape}, expected ['N', {len(classes)}]")
    meta = json.loads(session.get_modelmeta().custom_metadata_map[key])
    if meta != classes:
        fail(f"metadata {key} {meta}, test.predictions has {classes}")
    metadata = session.get_modelmeta().custom_metadata_map
    if "columns" in x_attrs and json.loads(metadata.get("input_columns", "null")) != names(x_attrs["columns"]):
        fail(f"metadata input_columns {metadata.get('input_columns')}, test.x has columns={x_attrs['columns']}")
    if metadata.get("input_image") != x_attrs.get("image"):
        fail(f"metadata input_image {metadata.get('input_image')}, test.x has image={x_attrs.get('image')}")
    if expected_ops is not None:
        ops = graph_ops(model_path)
        if ops != expected_ops:
            fail(f"operators {ops}, expected {expected_ops}")

    ort_p = session.run([output], {"input": x})[0]
    if ort_p.shape != nn_p.shape:
        fail(f"onnxruntime gives {ort_p.shape}, nn {nn_p.shape}")
    diff = np.abs(ort_p.astype(np.float64) - nn_p.astype(np.float64))
    if regressor:
        # Values are not bounded by 1: within 1e-5 relative (a float32 holds about 7 digits).
        diff = diff / np.maximum(1.0, np.abs(nn_p.astype(np.float64)))
    worst = np.unravel_index(np.argmax(diff), diff.shape)
    if diff[worst] > TOLERANCE:
        fail(f"row {worst[0]} class {worst[1]}: onnxruntime {ort_p[worst]!r}, nn {nn_p[worst]!r} (|diff| {diff[worst]:.3g} > {TOLERANCE})")
    print(f"ok: {x.shape[0]} rows x {len(classes)} classes, max |onnxruntime - nn| = {diff[worst]:.3g}")


def graph_ops(path):
    """The op_type of each node in graph order, read from the protobuf wire format directly
    (ModelProto.graph = field 7, GraphProto.node = 1, NodeProto.op_type = 4)."""
    def fields(buf):
        i = 0
        while i < len(buf):
            key, i = varint(buf, i)
            number, wire = key >> 3, key & 7
            if wire == 0:
                value, i = varint(buf, i)
            elif wire == 1:
                value, i = buf[i:i + 8], i + 8
            elif wire == 2:
                n, i = varint(buf, i)
                value, i = buf[i:i + n], i + n
            elif wire == 5:
                value, i = buf[i:i + 4], i + 4
            else:
                raise ValueError(f"wire type {wire}")
            yield number, value

    def varint(buf, i):
        shift = result = 0
        while True:
            b = buf[i]
            i += 1
            result |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return result, i

    with open(path, "rb") as f:
        model = f.read()
    graph = next(v for n, v in fields(model) if n == 7)
    return [next(v for n, v in fields(node) if n == 4).decode() for n, node in fields(graph) if n == 1]


if __name__ == "__main__":
    main()
