// `nn-data standardize` on a stream: z-scores every features section (*.x) with the
// statistics of train.x alone, and appends them as standardize.mean and standardize.std;
// with --target also every f32 *.y with train.y's, appended as target.mean and target.std.

public enum StandardizeStream {
    /// Copies `reader` to `writer`: each *.x section replaced in place by its standardised
    /// f32 form (`standardized=true`), everything else passed through in order. A *.x that
    /// comes before train.x waits in memory (with whatever follows it) until train.x is read.
    public static func run(_ reader: StreamReader, _ writer: StreamWriter, targets: Bool = false) throws {
        enum Held { case comment(String), section(Section) }
        var held: [Held] = []
        // Per kind (.x features; with `targets` also f32 .y targets): the statistics of its
        // train section, once read. A section of a kind not fitted yet waits, and so does
        // everything after it, so the output keeps the input's order.
        var fitted: [String: (standardization: Standardization, train: SectionHeader)] = [:]
        func kind(_ h: SectionHeader) -> String? {
            if isFeatures(h) { return "x" }
            if targets && h.name.hasSuffix(".y") { return "y" }
            return nil
        }
        func writeHeld(_ section: Section, _ k: String) throws {
            let (s, train) = fitted[k]!
            try check(section.header, kind: k)
            try checkColumns(section.header, train: train)
            let m = try section.matrix()
            try writeStandardized(header(section.header), s, to: writer) { try forEachRow(of: m, $0) }
        }
        func flush() throws {
            while let first = held.first {
                switch first {
                case .comment(let text): try writer.comment(text)
                case .section(let section):
                    if let k = kind(section.header) {
                        guard fitted[k] != nil else { return }
                        try writeHeld(section, k)
                    } else {
                        try writer.write(section)
                    }
                }
                held.removeFirst()
            }
        }
        while let item = try reader.next() {
            switch item {
            case .comment(let text):
                if held.isEmpty { try writer.comment(text) } else { held.append(.comment(text)) }
            case .section(let h) where ["standardize.mean", "standardize.std"].contains(h.name) || (targets && ["target.mean", "target.std"].contains(h.name)):
                throw StreamError(line: h.line, "the stream already has \(h.name): it is standardised already")
            case .section(let h) where kind(h) != nil && h.name == "train." + kind(h)!:
                let k = kind(h)!
                try check(h, kind: k)
                guard h.rows > 0 else { throw StreamError(line: h.line, "\(h.name) has no rows to take the mean and standard deviation from") }
                let section = try reader.read(h)
                fitted[k] = (Standardization(fitting: try section.matrix()), h)
                held.append(.section(section))
                try flush()
            case .section(let h) where kind(h) != nil:
                let k = kind(h)!
                try check(h, kind: k)
                if held.isEmpty, let (s, train) = fitted[k] {
                    try checkColumns(h, train: train)
                    try writeStandardized(header(h), s, to: writer) { body in
                        try reader.visitRows(h) { _, row in try body(row) }
                    }
                } else {
                    held.append(.section(try reader.read(h)))
                }
            case .section(let h):
                if held.isEmpty { try reader.copy(h, to: writer) } else { held.append(.section(try reader.read(h))) }
            }
        }
        guard let (s, train) = fitted["x"] else {
            throw StreamError(line: reader.lineNumber, "no train.x section: standardize takes its statistics from train.x")
        }
        if targets && fitted["y"] == nil {
            throw StreamError(line: reader.lineNumber, "no train.y section: standardize --target takes the targets' statistics from train.y")
        }
        var attributes = Attributes()
        if let columns = train.attributes["columns"] { attributes["columns"] = columns }
        try writer.write("standardize.mean", Matrix(rows: 1, cols: s.mean.count, data: s.mean), attributes: attributes)
        try writer.write("standardize.std", Matrix(rows: 1, cols: s.std.count, data: s.std), attributes: attributes)
        if let (t, y) = fitted["y"] {
            var a = Attributes()
            if let columns = y.attributes["columns"] { a["columns"] = columns }
            try writer.write("target.mean", Matrix(rows: 1, cols: t.mean.count, data: t.mean), attributes: a)
            try writer.write("target.std", Matrix(rows: 1, cols: t.std.count, data: t.std), attributes: a)
        }
    }

    static func check(_ h: SectionHeader, kind: String) throws {
        if kind == "x" { return try checkFeatures(h) }
        if h.attributes["standardized"] == "true" {
            throw StreamError(line: h.line, "section \(h.name) is standardised already (standardized=true)")
        }
        guard h.type == .f32 else {
            throw StreamError(line: h.line, "section \(h.name) holds \(h.type.rawValue) class labels; --target standardises a regressor's f32 targets")
        }
    }

    /// Feature sections: every `*.x`.
    static func isFeatures(_ h: SectionHeader) -> Bool { h.name.hasSuffix(".x") }

    static func checkFeatures(_ h: SectionHeader) throws {
        if h.attributes["standardized"] == "true" {
            throw StreamError(line: h.line, "section \(h.name) is standardised already (standardized=true)")
        }
        guard h.type != .i32 else { throw StreamError(line: h.line, "section \(h.name) holds i32 values; features are f32 or u8") }
    }

    static func checkColumns(_ h: SectionHeader, train: SectionHeader) throws {
        guard h.cols == train.cols else {
            throw StreamError(line: h.line, "section \(h.name) has \(h.cols) columns, train.x has \(train.cols)")
        }
    }

    /// The standardised section's header: f32, without `scale`, with `standardized=true`.
    static func header(_ h: SectionHeader) -> SectionHeader {
        var a = h.attributes
        a["scale"] = nil
        a["standardized"] = "true"
        return SectionHeader(name: h.name, type: .f32, rows: h.rows, cols: h.cols, attributes: a)
    }

    static func forEachRow(of m: Matrix, _ body: (UnsafeBufferPointer<Float>) throws -> Void) throws {
        try m.data.withUnsafeBufferPointer { v in
            for r in 0..<m.rows { try body(UnsafeBufferPointer(rebasing: v[(r * m.cols)..<((r + 1) * m.cols)])) }
        }
    }

    /// Writes header `h`, then each row `forEachRow` yields, standardised.
    static func writeStandardized(_ h: SectionHeader, _ s: Standardization, to writer: StreamWriter,
                                  _ forEachRow: ((UnsafeBufferPointer<Float>) throws -> Void) throws -> Void) throws {
        try writer.writeHeader(h)
        var out: [Float] = []   // made at the first row, not on the header's word
        try forEachRow { row in
            if out.count != row.count { out = [Float](repeating: 0, count: row.count) }
            try out.withUnsafeMutableBufferPointer { o in
                s.apply(row: row, into: o.baseAddress!)
                try writer.writeRow(UnsafeBufferPointer(o))
            }
        }
    }
}
