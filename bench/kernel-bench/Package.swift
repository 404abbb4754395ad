// swift-tools-version:6.0
// Micro-benchmarks of nn's matrix kernels (Shared/Tensor), built apart from the main
// package so its normal build stays lean. Run through scripts/bench, or:
//   swift run -c release --package-path bench/kernel-bench kernel-bench
import Foundation
import PackageDescription

// A path dependency is known by its directory's name, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let nn = root.lastPathComponent.lowercased()

let package = Package(
    name: "kernel-bench",
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "kernel-bench",
            dependencies: [.product(name: "Shared", package: nn)],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
    ],
    swiftLanguageModes: [.v5]
)
