// nn-data moons: two interleaving half circles (scikit-learn's make_moons).
import ArgumentParser
import Shared

struct MoonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moons",
        abstract: "Generate two interleaving half circles, as scikit-learn's make_moons.",
        discussion: """
        Reads nothing. Writes train.x (f32 Nx2, columns=x1,x2), train.y (i32,
        classes=0,1: 0 = upper moon, 1 = lower moon), test.x and test.y. Example:
          nn-data moons --samples 300 --noise 0.2 | nn-fit --hidden 8 | nn-eval
        """
    )

    @Option(parsing: .unconditional, help: "Number of points (half in each moon).")
    var samples = 100

    @Option(parsing: .unconditional, help: "Standard deviation of the Gaussian noise added to each coordinate.")
    var noise = 0.0

    @OptionGroup var split: SplitArguments

    func run() throws {
        try Stage.guarded("nn-data") {
            var moons = Moons()
            moons.samples = samples
            moons.noise = noise
            try moons.validate()
            try moons.rows(seed: split.seed).writeStream(split)
        }
    }
}
