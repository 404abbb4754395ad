"""Fashion-MNIST for the reference benchmarks, read the way `nn-data mnist` reads it:
the official idx files (gzipped or not), pixels / 255 as float32, the chosen classes
renumbered 0..k-1 in the order given (dress,coat -> dress=0, coat=1)."""
import gzip
import os

import numpy as np

NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
         "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
DEFAULT_DIR = os.environ.get("NN_DATA_DIR", "/usr/share/datasets/fashion-mnist")


def _idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def _find(data_dir, stem):
    for name in (stem + ".gz", stem):
        path = os.path.join(data_dir, name)
        if os.path.exists(path):
            return path
    raise SystemExit(f"missing {stem}(.gz) in {data_dir} (Debian: apt-get install dataset-fashion-mnist)")


def load(classes=None, data_dir=DEFAULT_DIR):
    """(x_train, y_train, x_test, y_test); x float32 in [0, 1], rows = samples; y int64."""
    out = []
    for split in ("train", "t10k"):
        x = _idx(_find(data_dir, f"{split}-images-idx3-ubyte"))
        y = _idx(_find(data_dir, f"{split}-labels-idx1-ubyte")).astype(np.int64)
        x = x.reshape(len(x), -1)
        if classes is not None:
            keep = np.isin(y, classes)
            x, y = x[keep], y[keep]
            renumber = np.full(10, -1, dtype=np.int64)
            renumber[classes] = np.arange(len(classes))
            y = renumber[y]
        out += [np.ascontiguousarray(x, dtype=np.float32) / np.float32(255), y]
    return tuple(out)


def class_numbers(spec):
    """'dress,coat' or '3,4' -> [3, 4]."""
    lower = [n.lower() for n in NAMES]
    return [int(c) if c.isdigit() else lower.index(c.lower()) for c in spec.split(",")]
