// Reading the model a stream file holds (`--model FILE` in nn-fit, nn-eval and nn-plot), with
// errors that name the file, and writing one (`nn-fit --save FILE`).

extension Network {
    /// The model held in a stream file (as `nn-fit --save` writes it); other sections are ignored.
    public init(file path: String) throws {
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
            try self.init(sections: sections)
        } catch let e as StreamError {
            throw InputFileError(path: path, line: e.line, detail: e.detail)
        }
    }
}

extension Network {
    /// Writes the model alone as a stream file (`nn-fit --save`), whole or not at all (AtomicFile).
    public func save(to path: String, program: String = "nn-fit") throws {
        try AtomicFile.write(path) { out in
            let w = StreamWriter(out, provenance: Provenance.line(program: program))
            for s in sections() { try w.write(s) }
            try w.end()
        }
    }
}
