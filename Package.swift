// swift-tools-version:6.0
// nn: neural networks as Unix pipelines. Four stages share one library (Shared)
// and talk over stdin/stdout in the nn-stream text format (docs/FORMAT.md).
import PackageDescription

// Release builds drop bounds and exclusivity checks in the numerical code;
// correctness is pinned by the debug-mode tests, speed is measured in release.
let fast: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "nn",
    products: [
        .executable(name: "nn-data", targets: ["nn-data"]),
        .executable(name: "nn-fit", targets: ["nn-fit"]),
        .executable(name: "nn-eval", targets: ["nn-eval"]),
        .executable(name: "nn-plot", targets: ["nn-plot"]),
        .library(name: "Shared", targets: ["Shared"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // ONNX export only (nn-fit --save FILE.onnx); the generated code is committed in ONNXProto.
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(
            name: "Shared",
            dependencies: [
                "CZlib",
                "COpenBLAS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: fast,
            plugins: ["VersionFromFile"]
        ),
        .plugin(
            name: "VersionFromFile",
            capability: .buildTool()
        ),
        .executableTarget(
            name: "nn-data",
            dependencies: ["Shared", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: fast
        ),
        // onnx.proto's messages, generated once by scripts/generate-onnx-proto (see its README).
        .target(
            name: "ONNXProto",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
            exclude: ["onnx.proto", "README.md"]
        ),
        // A Network as an ONNX graph (docs/ONNX.md); only nn-fit writes ONNX.
        .target(
            name: "ONNXExport",
            dependencies: ["Shared", "ONNXProto", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        .executableTarget(
            name: "nn-fit",
            dependencies: ["Shared", "ONNXExport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: fast
        ),
        .executableTarget(
            name: "nn-eval",
            dependencies: ["Shared", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: fast
        ),
        .executableTarget(
            name: "nn-plot",
            dependencies: ["Shared", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: fast
        ),
        .testTarget(
            name: "SharedTests",
            dependencies: [
                "Shared",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ONNXExportTests",
            dependencies: ["ONNXExport", "ONNXProto", "Shared"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["Shared", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Malformed"]   // the malformed-input corpus, read by MalformedInputTests
        ),
    ],
    swiftLanguageModes: [.v5]
)

// The libFuzzer targets (fuzz/Sources) exist only when NN_FUZZ is set, so that the
// normal build and tests never see them; scripts/fuzz builds them with -sanitize=fuzzer.
if Context.environment["NN_FUZZ"] != nil {
    package.targets.append(.target(name: "CFuzzerDriver", path: "fuzz/Sources/CFuzzerDriver"))
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["Shared"], path: "fuzz/Sources/FuzzSupport"))
    for name in ["fuzz-stream", "fuzz-csv", "fuzz-idx"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["Shared", "FuzzSupport", "CFuzzerDriver"], path: "fuzz/Sources/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
