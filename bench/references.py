#!/usr/bin/env python3
"""One line naming the reference libraries and the BLAS NumPy runs (threadpoolctl)."""
import numpy
import sklearn
import torch
from threadpoolctl import threadpool_info

blas = ", ".join(f"{i['internal_api']} {i.get('version')} {i.get('architecture')}" for i in threadpool_info())
print(f"references: torch {torch.__version__}, numpy {numpy.__version__}, scikit-learn {sklearn.__version__}; "
      f"NumPy's BLAS: {blas}")
