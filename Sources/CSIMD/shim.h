// Vector instructions Swift does not reach on its own, for Shared/Tensor's kernels.
// Float.squareRoot() keeps a libm call for negative inputs (to set errno), so a lane-wise
// square root never becomes one instruction; SSE's sqrtps is exact (IEEE) and in every x86-64.
#include <xmmintrin.h>

/// The correctly rounded square roots of four floats.
static inline __m128 nn_sqrt4(__m128 x) { return _mm_sqrt_ps(x); }
