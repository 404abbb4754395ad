// The system OpenBLAS (Debian: libopenblas-dev), behind Kernels.gemm. It picks its
// kernel for the CPU at run time (DYNAMIC_ARCH), so a portable build still gets AVX2/AVX-512.
#include <cblas.h>
