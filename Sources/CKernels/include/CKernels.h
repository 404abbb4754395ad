// nn's own loops that need instructions Swift does not reach: SSE2 (every x86-64 CPU has it)
// for scanning row text. Each function does only what it can do fast and leaves the rest to
// the Swift code that calls it, which stays the definition of what is accepted.
#ifndef NN_CKERNELS_H
#define NN_CKERNELS_H
#include <stddef.h>
#include <stdint.h>

/// Reads u8 values from row text `p` (`n` bytes), starting at `*at`, 64 bytes at a time, for as
/// long as each block holds nothing but values of 1 to 3 digits (no leading zero, at most 255),
/// each followed by a single space; writes them to `out` (room for `room` values) and returns
/// how many, with `*at` moved to the first byte not read. It stops, having read nothing of it, at
/// the first block that is anything else (including the row's last value, which has no space
/// after it); the caller reads on from there. `*at` must be at least 2 and follow a space or tab
/// (a value's first byte); bytes from `*at - 2` to `*at + 66` are read.
/// On CPUs other than x86-64 it reads nothing and returns 0.
size_t nn_parse_byte_blocks(const uint8_t *p, size_t n, size_t *at, uint8_t *out, size_t room);

#endif
