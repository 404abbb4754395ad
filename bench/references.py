#!/usr/bin/env python3
"""One line naming the reference libraries, the BLAS libraries NumPy and scikit-learn load
(threadpoolctl) and the kernels each picked, and PyTorch's BLAS and vector width."""
import re

import numpy
import sklearn
import torch
from threadpoolctl import threadpool_info

blas = ", ".join(sorted({f"{i['internal_api']} {i.get('version')} {i.get('architecture')}"
                         for i in threadpool_info() if i.get("user_api") == "blas"}))
torch_blas = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
print(f"references: torch {torch.__version__}, numpy {numpy.__version__}, scikit-learn {sklearn.__version__}; "
      f"NumPy's and scikit-learn's BLAS: {blas}; PyTorch's: {torch_blas.group(1) if torch_blas else '?'}, "
      f"its own kernels {torch.backends.cpu.get_cpu_capability()}")
