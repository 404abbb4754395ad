import Testing
@testable import Shared

@Test func sectionsWrittenThenReadAreTheSame() throws {
    let m = Matrix([[1, 0.1, -0.0], [1e-45, 3.4028235e38, -2.5]])
    var attrs = Attributes()
    attrs.setList("classes", ["Ankle boot", "a,b", "50%"])
    let text = try streamText { w in
        try w.write("train.x", m, attributes: attrs)
        try w.write(Section(name: "train.y", labels: [0, 1]))
        try w.write(Section(name: "img", bytes: [0, 255, 7, 8], rows: 2, cols: 2, attributes: Attributes([("scale", "1/255")])))
        try w.end()
    }
    let (sections, _) = try reader(text).readAll()
    #expect(sections.count == 3)
    let x = try sections[0].matrix()
    #expect(x.data.map(\.bitPattern) == m.data.map(\.bitPattern))
    #expect(sections[0].attributes.list("classes") == ["Ankle boot", "a,b", "50%"])
    #expect(try sections[1].labels() == [0, 1])
    #expect(try sections[2].matrix().data == [0, 1, Float(7) / 255, Float(8) / 255])
}

@Test func truncatedStreamNamesTheLine() {
    let e = streamError("nn-stream 1\n@a f32 3x2\n1 2\n3 4\n")
    #expect(e?.line == 5)
    #expect(e?.detail.contains("2 of 3 rows") == true)
}
