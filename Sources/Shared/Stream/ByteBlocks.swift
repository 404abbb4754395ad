// Row text to u8 values 64 bytes at a time with SSE2 (every x86-64 CPU has it), for the bulk
// of an image stream. Per block: where the spaces, digits and zeros are, as the bits of 64-bit
// masks (four 16-byte compares and movemasks); the value that would end at every byte, in
// 16-bit lanes (this byte's digit + 10 × the one before + 100 × the one before that when both
// are digits); then, for each space, the value ending just before it. No step waits for the
// length of the value before, as a byte-by-byte reading must.
#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

enum ByteBlocks {
    /// Reads values from row text `p` (`n` bytes), from `at`, 64 bytes at a time, for as long as
    /// a block holds nothing but values of 1 to 3 digits (no leading zero, at most 255) each
    /// followed by one space; writes them to `out` (room for `room`), moves `at` past them and
    /// returns how many. It stops, having taken nothing of it, at the first block that is
    /// anything else (the row's last value among them, with no space after it); the caller
    /// reads on from there, and is the one that refuses a row. `at` must be at least 2 and
    /// follow a blank; bytes `at - 2` to `at + 63` are read. Other CPUs: nothing is taken.
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, at: inout Int, into out: UnsafeMutablePointer<UInt8>, room: Int) -> Int {
        #if arch(x86_64)
        var i = at, c = 0
        guard i >= 2 else { return 0 }
        let zero = _mm_set1_epi8(0x30), space = _mm_set1_epi8(0x20), nine = _mm_set1_epi8(9)
        let none = _mm_setzero_si128(), ten = _mm_set1_epi16(10), hundred = _mm_set1_epi16(100)
        let belowZero = _mm_set1_epi16(0x2F)
        let raw = UnsafeRawPointer(p)
        return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 64) { ending in
            let ending = ending.baseAddress!
            while i + 64 <= n {
                var spaces: UInt64 = 0, digits: UInt64 = 0, zeros: UInt64 = 0
                for q in 0..<4 {
                    let v = raw.loadUnaligned(fromByteOffset: i + 16 * q, as: __m128i.self)
                    let d = _mm_sub_epi8(v, zero)   // digits 0...9, anything else above 9 unsigned
                    spaces |= mask(_mm_cmpeq_epi8(v, space)) &<< (16 * q)
                    digits |= mask(_mm_cmpeq_epi8(_mm_min_epu8(d, nine), d)) &<< (16 * q)
                    zeros |= mask(_mm_cmpeq_epi8(v, zero)) &<< (16 * q)
                }
                let d = digits
                guard spaces | digits == .max,                           // nothing but digits and spaces
                      spaces != 0, spaces & 1 == 0, spaces & (spaces &>> 1) == 0,   // no blanks in a row
                      d & (d &>> 1) & (d &>> 2) & (d &>> 3) == 0,        // no four digits in a row
                      zeros & (spaces &<< 1 | 1) & (d &>> 1) == 0,       // no leading zero
                      c + spaces.nonzeroBitCount <= room else { break }
                for q in 0..<8 {
                    let b = i + 8 * q
                    let x0 = load8(raw, b), x1 = load8(raw, b - 1), x2 = load8(raw, b - 2)
                    // A space (or the blank before the block) counts 0: saturating subtraction.
                    let d0 = _mm_unpacklo_epi8(_mm_subs_epu8(x0, zero), none)
                    let d1 = _mm_unpacklo_epi8(_mm_subs_epu8(x1, zero), none)
                    let d2 = _mm_unpacklo_epi8(_mm_subs_epu8(x2, zero), none)
                    // The hundreds only where the byte before is a digit too (else d2 is another value's).
                    let before = _mm_cmpgt_epi16(_mm_unpacklo_epi8(x1, none), belowZero)
                    let value = _mm_add_epi16(_mm_add_epi16(d0, _mm_mullo_epi16(d1, ten)),
                                              _mm_and_si128(before, _mm_mullo_epi16(d2, hundred)))
                    UnsafeMutableRawPointer(ending + 8 * q).storeBytes(of: value, as: __m128i.self)
                }
                var any: UInt16 = 0   // every value or'ed: above 255 when one is
                var m = spaces
                var j = c
                repeat {
                    let v = ending[m.trailingZeroBitCount - 1]
                    any |= v
                    out[j] = UInt8(truncatingIfNeeded: v)
                    j += 1
                    m &= m &- 1
                } while m != 0
                if any > 255 { break }
                c = j
                i += 64 - spaces.leadingZeroBitCount   // past the block's last space
            }
            at = i
            return c
        }
        #else
        return 0
        #endif
    }

    #if arch(x86_64)
    /// The top bit of each of the 16 bytes, as 16 bits.
    @inline(__always)
    private static func mask(_ v: __m128i) -> UInt64 { UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(v))) }

    /// 8 bytes into the low half of a vector.
    @inline(__always)
    private static func load8(_ raw: UnsafeRawPointer, _ offset: Int) -> __m128i {
        _mm_cvtsi64_si128(raw.loadUnaligned(fromByteOffset: offset, as: Int64.self))
    }
    #endif
}
