// What a model knows of its input: the names of its columns and the shape of its images,
// taken from train.x's `columns=` and `image=` and recorded in the `model` header as
// `input_columns=` and `input_image=`. Data to score or predict must match it.

public struct InputSchema: Equatable, Sendable {
    /// The training data's column names, in order; nil when it had none (or an older model).
    public var columns: [String]?
    /// `28x28` when each row is an image (width × height).
    public var image: String?

    public init(columns: [String]? = nil, image: String? = nil) {
        self.columns = columns
        self.image = image
    }

    /// The schema of an x section: its `columns=` and `image=` attributes.
    public init(of attributes: Attributes) {
        self.init(columns: attributes.list("columns"), image: attributes["image"])
    }

    /// Checks the header of data given to a model that takes `inputs` values: the column
    /// names in order (or, when either side has none, their number) and the image shape.
    /// Returns a note when the data has no names to compare with the model's. A model without
    /// names (made before nn recorded them) checks the count alone, quietly.
    public func check(_ x: SectionHeader, inputs: Int) throws -> String? {
        let given = x.attributes.list("columns")
        let refusal = "\(x.name) does not match the model's input"
        if let expected = columns, let given {
            for (i, (g, e)) in zip(given, expected).enumerated() where g != e {
                throw StreamError(line: x.line, "\(refusal): column \(i) is '\(g)' where the model expects '\(e)' (its columns: \(expected.joined(separator: ",")))")
            }
            if given.count < expected.count {
                throw StreamError(line: x.line, "\(refusal): it has \(given.count) columns and lacks '\(expected[given.count])', column \(given.count) of the model's \(expected.count) (\(expected.joined(separator: ",")))")
            }
            if given.count > expected.count {
                throw StreamError(line: x.line, "\(refusal): column \(expected.count) '\(given[expected.count])' is not one of the model's \(expected.count) columns (\(expected.joined(separator: ",")))")
            }
        }
        guard x.cols == inputs else {
            let names = columns.map { " (\($0.joined(separator: ",")))" } ?? ""
            throw StreamError(line: x.line, "\(refusal): it has \(x.cols) columns but the model takes \(inputs)\(names)")
        }
        if let expected = image, let given = x.attributes["image"], given != expected {
            throw StreamError(line: x.line, "\(refusal): its rows are \(given) images but the model takes \(expected) images")
        }
        if columns != nil && given == nil {
            return "\(x.name) has no column names (columns=); checked by count only: \(inputs) columns, as the model's"
        }
        return nil
    }

    /// The model header attributes that carry the schema.
    static let keys: Set<String> = ["input_columns", "input_image"]

    func write(to head: inout Attributes) {
        if let columns { head.setList("input_columns", columns) }
        if let image { head["input_image"] = image }
    }

    /// Reads the schema of a model header for a model of `inputs` inputs.
    init(model head: Attributes, inputs: Int, name: String, line: Int?) throws {
        self.init(columns: head.list("input_columns"), image: head["input_image"])
        if let columns, columns.count != inputs {
            throw StreamError(line: line, "section \(name): input_columns names \(columns.count) columns but the model takes \(inputs) inputs")
        }
    }
}
