// Reading the model a stream file holds (`nn-eval --model FILE`), with errors that name the file.

extension StreamScoring {
    /// The model held in a stream file (as `nn-fit --save` writes it); other sections are ignored.
    public static func loadModel(path: String) throws -> Network {
        do {
            let reader = try StreamReader.open(path: path)
            var sections: [Section] = []
            while let item = try reader.next() {
                guard case .section(let h) = item else { continue }
                if Network.isModelSection(h.name) { sections.append(try reader.read(h)) } else { try reader.skip(h) }
            }
            guard sections.contains(where: { $0.name == "model" }) else {
                throw InputFileError(path: path, line: nil, detail: "holds no model section; write one with nn-fit --save FILE")
            }
            return try Network(sections: sections)
        } catch let e as StreamError {
            throw InputFileError(path: path, line: e.line, detail: e.detail)
        }
    }
}
