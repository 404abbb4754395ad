#!/usr/bin/env python3
"""Apply an nn model to new rows outside nn: Python's standard library and NumPy only.

    python3 examples/predict.py MODEL [STREAM] > predictions.csv

MODEL is a model file as `nn-fit --save` writes it; STREAM (stdin when left out or "-") an
nn-stream holding test.x, e.g. from `nn-data csv new.csv --no-label`. Prints the CSV that
`nn-eval --model MODEL --predictions csv` prints: row, predicted class, P(class) per class;
for a regressor (output=identity), row and the predicted value of each target.
Everything it knows about the format comes from docs/FORMAT.md (sections "The model",
"Attributes" and "Element types"); the tests check it gives nn's probabilities within 1e-6.
"""
import csv
import signal
import sys

import numpy as np


def decode(value):
    """An attribute value: %XX escapes are UTF-8 bytes."""
    raw = value.encode("utf-8")
    out = bytearray()
    i = 0
    while i < len(raw):
        if raw[i] == ord("%"):
            out.append(int(raw[i + 1:i + 3], 16))
            i += 3
        else:
            out.append(raw[i])
            i += 1
    return out.decode("utf-8")


def decode_list(value):
    """A list value: split on commas, then %2C and %25 inside an item."""
    return [item.replace("%2C", ",").replace("%2c", ",").replace("%25", "%")
            for item in decode(value).split(",")]


def read_stream(lines):
    """{name: (attributes, array)} for every section of an nn-stream (an iterator of lines)."""
    if next(lines, "").rstrip("\n") != "nn-stream 1":
        sys.exit("predict.py: error: not an nn-stream 1")
    sections = {}
    for line in lines:
        line = line.rstrip("\n")
        if line == "@end":
            return sections
        if not line.startswith("@"):
            continue  # a comment
        name, kind, shape, *pairs = line[1:].split(" ")
        rows, cols = (int(n) for n in shape.split("x"))
        attributes = dict(pair.split("=", 1) for pair in pairs)
        text = " ".join(next(lines) for _ in range(rows))
        values = np.array(text.split(), dtype=np.float64 if kind == "f32" else np.int64)
        values = values.reshape(rows, cols)
        if kind == "f32":
            values = values.astype(np.float32)
        elif kind == "u8":
            # A byte b stands for float32(b) * p / q, evaluated in binary32 left to right.
            p, _, q = attributes.get("scale", "1").partition("/")
            values = values.astype(np.float32) * np.float32(p) / np.float32(q or 1)
        sections[name] = (attributes, values)
    sys.exit("predict.py: error: the stream ends before @end")


ACTIVATIONS = {
    "identity": lambda z: z,
    "relu": lambda z: np.maximum(z, 0),
    "tanh": np.tanh,
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
}


# Each layer takes rows x (one row per sample) whose values are an image of shape (height,
# width, channels), stored channel fastest (a flat vector is (1, 1, n)), and returns the
# new rows and their shape.

def dense(model, n, x, shape, setting, activation):
    """Layer n: act(x Wᵀ + b), W out × in (row j holds the weights into unit j)."""
    w = model[f"model.layer{n}.weight"][1]
    b = model[f"model.layer{n}.bias"][1]
    return ACTIVATIONS[activation](x @ w.T + b), (1, 1, w.shape[0])


def conv(model, n, x, shape, k, activation):
    """A KxK convolution, stride 1, zero padding K/2: W is C_out × (K·K·C_in), row o the kernel
    of output channel o in the order kernel row, kernel column, input channel."""
    w = model[f"model.layer{n}.weight"][1]
    b = model[f"model.layer{n}.bias"][1]
    h, wd, c = shape
    p = k // 2
    images = np.pad(x.reshape(-1, h, wd, c), ((0, 0), (p, p), (p, p), (0, 0)))
    # Every position's K·K·C_in inputs, in the kernel's order.
    columns = np.concatenate([images[:, i:i + h, j:j + wd, :] for i in range(k) for j in range(k)], axis=3)
    z = columns @ w.T + b
    return ACTIVATIONS[activation](z).reshape(x.shape[0], -1), (h, wd, w.shape[0])


def maxpool(model, n, x, shape, size, activation):
    """The maximum of each size×size window, stride size; a last row or column that does not
    fill a window is dropped."""
    h, wd, c = shape
    oh, ow = h // size, wd // size
    images = x.reshape(-1, h, wd, c)[:, :oh * size, :ow * size, :]
    pooled = images.reshape(-1, oh, size, ow, size, c).max(axis=(2, 4))
    return pooled.reshape(x.shape[0], -1), (oh, ow, c)


def flatten(model, n, x, shape, setting, activation):
    """The image as one vector, in the order it is stored."""
    return x, (1, 1, x.shape[1])


# The forward pass of each layer kind, by the name the model header's `kinds` gives it.
LAYERS = {"dense": dense, "conv": conv, "maxpool": maxpool, "flatten": flatten}


def layers(head):
    """(kind, setting, activation) of each layer, input to output: `kinds=conv:3,maxpool:2,...`
    when the model has layers other than dense ones, else every layer is dense
    (docs/FORMAT.md, "The model")."""
    activations = head["activations"].split(",")
    kinds = head["kinds"].split(",") if "kinds" in head else ["dense"] * len(activations)
    out = []
    for kind, activation in zip(kinds, activations):
        name, _, setting = kind.partition(":")
        out.append((name, int(setting) if setting else None, activation))
    return out


def input_shape(head, inputs):
    """The (height, width, channels) of an input row: `input_image=WxH` or `WxHxC`, or a vector."""
    if "kinds" not in head:
        return (1, 1, inputs)
    w, h, *c = (int(v) for v in decode(head["input_image"]).split("x"))
    return (h, w, c[0] if c else 1)


def outputs(model, x, standardized):
    """The last layer's outputs per row: standardise (unless x already is), apply the layers."""
    if "model.standardize.mean" in model and not standardized:
        x = (x - model["model.standardize.mean"][1]) / model["model.standardize.std"][1]
    head = model["model"][0]
    shape = input_shape(head, x.shape[1])
    for n, (kind, setting, activation) in enumerate(layers(head), start=1):
        x, shape = LAYERS[kind](model, n, x, shape, setting, activation)
    return x


def probabilities(model, x, standardized):
    """P(class) per row: the outputs (logits), then the output function."""
    head = model["model"][0]
    z = outputs(model, x, standardized).astype(np.float64)  # probabilities in binary64, as nn computes them
    if head["output"] == "sigmoid":
        p1 = 1 / (1 + np.exp(-z[:, 0]))
        return np.stack([1 - p1, p1], axis=1)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: " + __doc__.strip().splitlines()[2].strip())
    with open(argv[1], encoding="utf-8") as f:
        model = read_stream(iter(f))
    data = sys.stdin if len(argv) == 2 or argv[2] == "-" else open(argv[2], encoding="utf-8")
    attributes, x = read_stream(iter(data))["test.x"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    if model["model"][0]["output"] == "identity":
        # A regressor: its outputs are the predictions, in the targets' units once the target
        # standardisation it was trained with (model.target.mean/std) is undone.
        y = outputs(model, x, attributes.get("standardized") == "true")
        if "model.target.mean" in model:
            y = y * model["model.target.std"][1] + model["model.target.mean"][1]
        out.writerow(["row"] + decode_list(model["model"][0]["targets"]))
        for r in range(y.shape[0]):
            out.writerow([r] + [f"{float(np.float32(v)):.9g}" for v in y[r]])
        return
    p = probabilities(model, x, attributes.get("standardized") == "true")
    classes = decode_list(model["model"][0].get("classes", ",".join(str(k) for k in range(p.shape[1]))))
    out.writerow(["row", "predicted"] + classes)
    # Two classes: class 1 when P(class 1) >= 0.5; more: the most probable (the first on ties).
    predicted = (p[:, 1] >= 0.5).astype(int) if p.shape[1] == 2 else p.argmax(axis=1)
    for r in range(p.shape[0]):
        out.writerow([r, classes[predicted[r]]] + [f"{float(np.float32(v)):.9g}" for v in p[r]])


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends it quietly, as it ends nn's stages
    main(sys.argv)
