#!/usr/bin/env python3
"""PyTorch (CPU) reference for nn-fit's benchmarks: trains one workload and prints
one JSON line with the time of the training loop alone.
  torch_fit.py {sgd|coat-dress|fashion10|cnn-coat-dress} --threads N [--seed S]"""
import re
import resource
import time

from workloads import WORKLOADS, arguments, report

args = arguments(__doc__)

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

import fashion  # noqa: E402

torch.set_num_threads(args.threads)
torch.set_num_interop_threads(1)
torch.manual_seed(args.seed)
w = WORKLOADS[args.workload]
classes = fashion.class_numbers(w["classes"]) if w["classes"] else None
xtr, ytr, xte, yte = (torch.from_numpy(a) for a in fashion.load(classes))
sizes = w["sizes"]
act = nn.Sigmoid if w["activation"] == "sigmoid" else nn.ReLU
layers = []
if w.get("conv"):
    # Images as N x 1 x H x W; each convolution 3x3 with padding 1, ReLU, 2x2 max pooling.
    side = w["image"]
    xtr, xte = xtr.reshape(-1, 1, side, side), xte.reshape(-1, 1, side, side)
    channels = [1] + w["conv"]
    for i in range(len(w["conv"])):
        layers += [nn.Conv2d(channels[i], channels[i + 1], 3, padding=1), act(), nn.MaxPool2d(2)]
    layers.append(nn.Flatten())
for i in range(len(sizes) - 1):
    layers.append(nn.Linear(sizes[i], sizes[i + 1]))
    if i < len(sizes) - 2:
        layers.append(act())
model = nn.Sequential(*layers)
if w.get("init") == "normal:0.01":
    for m in model:
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, 0.0, 0.01)
            nn.init.zeros_(m.bias)
binary = sizes[-1] == 1
loss_fn = nn.BCEWithLogitsLoss() if binary else nn.CrossEntropyLoss()
target = ytr.float().unsqueeze(1) if binary else ytr
opt = (torch.optim.SGD(model.parameters(), lr=w["lr"]) if w["optimizer"] == "sgd"
       else torch.optim.Adam(model.parameters(), lr=w["lr"]))
n = len(xtr)

if w["optimizer"] == "sgd":
    # The natural loop: one random sample per step, as the reference recipe does.
    picks = torch.randint(0, n, (w["steps"],)).tolist()
    start = time.perf_counter()
    for i in picks:
        opt.zero_grad()
        loss = loss_fn(model(xtr[i:i + 1]), target[i:i + 1])
        loss.backward()
        opt.step()
    seconds = time.perf_counter() - start
    samples = w["steps"]
else:
    batch = w["batch"]
    start = time.perf_counter()
    for epoch in range(w["epochs"]):
        order = torch.randperm(n)
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            opt.zero_grad()
            loss = loss_fn(model(xtr[idx]), target[idx])
            loss.backward()
            opt.step()
    seconds = time.perf_counter() - start
    samples = n * w["epochs"]

with torch.no_grad():
    out = model(xte)
    pred = (out[:, 0] > 0).long() if binary else out.argmax(1)
    accuracy = (pred == yte).float().mean().item()
# Its BLAS and the widest vectors its own kernels use here (AVX2 or AVX512: about 5x apart).
blas = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
report("pytorch", args.workload, args.threads, seconds, samples, accuracy,
       version=torch.__version__.split("+")[0],
       blas=f"{blas.group(1) if blas else '?'}:{torch.backends.cpu.get_cpu_capability()}",
       peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))
