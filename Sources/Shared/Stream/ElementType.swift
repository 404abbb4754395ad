// The element types a section can hold, the numbers each one allows, and the Swift
// types their values are stored in: the one place that switches on the type of a value.

public enum ElementType: String, CaseIterable, Sendable {
    /// IEEE 754 binary32, printed shortest round-trip; NaN and infinities are refused.
    case f32
    /// Signed 32-bit integers (labels, counts).
    case i32
    /// Unsigned bytes 0...255; with a `scale` attribute they stand for byte × scale.
    case u8

    /// What a value of this type looks like, for messages that name a bad one.
    var expected: String {
        switch self {
        case .f32: return "a finite f32 number (NaN and infinities are not allowed)"
        case .i32: return "an i32 integer"
        case .u8: return "a u8 integer 0..255"
        }
    }

    /// The value of one number's text as Float32 (an i32 converted, a u8 through `scale`),
    /// or nil when the text is not a number of this type.
    @inline(__always)
    func float(_ p: UnsafePointer<UInt8>, _ n: Int, scale: ByteScale) -> Float? {
        switch self {
        case .f32: return Float.parse(p, n)
        case .i32: return Int32.parse(p, n).map { Float($0) }
        case .u8: return UInt8.parse(p, n).map { scale.apply($0) }
        }
    }
}

/// A Swift type that holds the values of one element type.
protocol StreamElement {
    /// The value of one number's text, or nil when it is not a number of this type.
    static func parse(_ p: UnsafePointer<UInt8>, _ n: Int) -> Self?
    /// Appends the values of one row line (RowParser: token by token, u8 in one pass).
    static func append(_ row: UnsafeBufferPointer<UInt8>, line: Int, _ parser: RowParser, to values: inout [Self]) throws
}

extension Float: StreamElement {
    @inline(__always) static func parse(_ p: UnsafePointer<UInt8>, _ n: Int) -> Float? { NumberText.parseFloat(p, n) }
}

extension Int32: StreamElement {
    @inline(__always) static func parse(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32? { NumberText.parseInt32(p, n) }
}

extension UInt8: StreamElement {
    @inline(__always) static func parse(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt8? { NumberText.parseUInt8(p, n) }
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
