// The sections a plot kind reads from the stream, kept by name (the rest is checked
// and skipped), and the errors that name a missing section and the stage that makes it.

public struct PlotInput {
    public private(set) var sections: [String: Section] = [:]
    /// Every section header the stream held, in order, kept or not.
    public private(set) var headers: [SectionHeader] = []
    /// The model read from `--model FILE`; it takes the place of the stream's.
    public var modelFile: Network?

    public init(_ sections: [Section] = []) {
        for s in sections { add(s) }
    }

    private mutating func add(_ s: Section) {
        headers.append(s.header)
        sections[s.name] = s
    }

    /// Reads a whole stream, keeping the sections whose name `keep` accepts.
    public static func read(_ reader: StreamReader, keeping keep: (String) -> Bool) throws -> PlotInput {
        var input = PlotInput()
        while let item = try reader.next() {
            guard case .section(let h) = item else { continue }
            if keep(h.name) {
                input.add(try reader.read(h))
            } else {
                try reader.skip(h)
                input.headers.append(h)
            }
        }
        return input
    }

    /// A keep-predicate for these names, plus every model section when `model` is true.
    public static func keeping(_ names: [String], model: Bool = false) -> (String) -> Bool {
        let set = Set(names)
        return { set.contains($0) || (model && Network.isModelSection($0)) }
    }

    /// Reads the model of a file written by `nn-fit --save` (or any stream holding a model).
    public mutating func loadModel(path: String) throws {
        modelFile = try Network(file: path)
    }

    public subscript(name: String) -> Section? { sections[name] }

    /// The section, or an error (exit 65) naming it, the stage that makes it and what the stream has.
    public func require(_ name: String, for kind: String) throws -> Section {
        guard let s = sections[name] else { throw missing([name], for: kind) }
        return s
    }

    public func missing(_ names: [String], for kind: String, or alternative: String? = nil) -> StreamError {
        let what = names.map { "'\($0)' (\(PlotInput.maker(of: $0)))" }
        var text = "\(kind) needs section\(names.count == 1 ? "" : "s") \(PlotText.list(what))"
        if let alternative { text += ", or \(alternative)" }
        return StreamError(line: nil, "\(text); the stream has \(listed)")
    }

    var listed: String {
        headers.isEmpty ? "no sections" : PlotText.list(headers.map(\.name))
    }

    /// The header of a section the stream held, kept or not.
    public func header(_ name: String) -> SectionHeader? {
        headers.first { $0.name == name }
    }

    /// Which stage writes a section, as a hint in error messages.
    static func maker(of name: String) -> String {
        if name == "model" || name.hasPrefix("model.") { return "from nn-fit, or give --model FILE" }
        if name == "loss" { return "from nn-fit" }
        if name.hasSuffix(".predictions") || name.hasSuffix(".confusion") || name == "metrics" { return "from nn-eval" }
        return "from nn-data"
    }

    /// True when the stream (or `--model FILE`) holds a model.
    public var hasModel: Bool { modelFile != nil || sections["model"] != nil }

    /// The model from `--model FILE`, else from the stream.
    public func network(for kind: String) throws -> Network {
        if let modelFile { return modelFile }
        guard sections["model"] != nil else { throw missing(["model"], for: kind) }
        return try Network(sections: Array(sections.values).filter { Network.isModelSection($0.name) })
    }
}
