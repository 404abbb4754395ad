// Where the tiles of `images` and `weights` go on the canvas.
import Testing
@testable import Shared

@Test func gridsFillTheirLastRowWhenTheyCan() {
    #expect(TileLayout.columns(for: 1) == 1)
    #expect(TileLayout.columns(for: 9) == 3)
    #expect(TileLayout.columns(for: 16) == 4)
    #expect(TileLayout.columns(for: 24) == 6)
    #expect(TileLayout.columns(for: 64) == 8)
}

@Test func tilesStayOnTheCanvasAndDoNotOverlap() {
    for size in [nil, PlotSize(800, 600), PlotSize(300, 900)] {
        let layout = TileLayout(count: 10, aspect: 1, labelLines: 2, size: size)
        let frames = (0..<10).map(layout.frame)
        for f in frames {
            #expect(f.left >= 0 && f.right <= 1 && f.bottom >= 0 && f.top <= 1)
            #expect(f.left < f.right && f.bottom < f.top)
        }
        for i in 0..<10 {
            for j in (i + 1)..<10 {
                let (a, b) = (frames[i], frames[j])
                #expect(a.right <= b.left || b.right <= a.left || a.top <= b.bottom || b.top <= a.bottom)
            }
        }
        if let size { #expect(layout.size == size) }
    }
}

@Test func tilesKeepThePicturesAspect() {
    let layout = TileLayout(count: 4, aspect: 2, labelLines: 1)
    let f = layout.frame(0)
    let width = (f.right - f.left) * Double(layout.size.width)
    let height = (f.top - f.bottom) * Double(layout.size.height)
    #expect(abs(height / width - 2) < 1e-9)
}

@Test func imageShapeParsesWidthByHeight() {
    #expect(TileLayout.imageShape("28x28")! == (28, 28))
    #expect(TileLayout.imageShape("4x3")! == (4, 3))
    #expect(TileLayout.imageShape("28") == nil)
    #expect(TileLayout.imageShape("0x5") == nil)
    #expect(TileLayout.imageShape(nil) == nil)
}
