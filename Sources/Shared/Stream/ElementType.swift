// The element types a section can hold, and the numbers each one allows.

public enum ElementType: String, CaseIterable, Sendable {
    /// IEEE 754 binary32, printed shortest round-trip; NaN and infinities are refused.
    case f32
    /// Signed 32-bit integers (labels, counts).
    case i32
    /// Unsigned bytes 0...255; with a `scale` attribute they stand for byte × scale.
    case u8
}

/// The values of one section, stored in the element type it travelled in.
public enum Storage: Equatable, Sendable {
    case f32([Float])
    case i32([Int32])
    case u8([UInt8])

    public var count: Int {
        switch self {
        case .f32(let v): return v.count
        case .i32(let v): return v.count
        case .u8(let v): return v.count
        }
    }

    public var elementType: ElementType {
        switch self {
        case .f32: return .f32
        case .i32: return .i32
        case .u8: return .u8
        }
    }
}
