// Inputs the fuzzers (scripts/fuzz) found to crash, hang or over-allocate, kept byte for
// byte: each must now be refused with a clean error naming its line.
import Testing
@testable import Shared

@Test func fuzzFindingAOneRowHeaderOf2To31ColumnsNoLongerReserves8GiB() {
    // fuzz-stream, out-of-memory (malloc of 64 MiB above -malloc_limit_mb=32): read()
    // reserved min(ROWS·COLS, 2^24) elements from the header alone.
    let bytes: [UInt8] = [
        0x6e, 0x6e, 0x2d, 0x73, 0x74, 0x72, 0x65, 0x61, 0x6d, 0x20, 0x31, 0x0a, 0x40, 0x74, 0x72, 0x61,
        0x69, 0x6e, 0x2e, 0x78, 0x20, 0x66, 0x33, 0x32, 0x20, 0x31, 0x78, 0x32, 0x31, 0x34, 0x37, 0x34,
        0x38, 0x33, 0x36, 0x34, 0x38, 0x0a, 0x31, 0x20, 0x32, 0x0a, 0x40, 0x65, 0x6e, 0x64, 0x0a,
    ]
    let e = streamError(String(decoding: bytes, as: UTF8.self))
    #expect(e?.line == 2)
    #expect(e?.detail.contains("2147483648 columns cannot fit in a line") == true, "\(e?.message ?? "accepted")")
}
