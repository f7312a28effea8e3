// swift-tools-version: 6.1
import PackageDescription

// Per-stage micro-benchmarks of sitegen, with ordo-one/benchmark. A package of its own so that the
// root package's `swift build` and `swift test` never build the harness. See Benchmarks/README.md.
//
//   cd Benchmarks/Micro && swift package benchmark          (or Benchmarks/micro.sh)
let package = Package(
    name: "sitegen-micro",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "sitegen", path: "../.."),
    ],
    targets: [
        // One suite: the benchmark plugin finds it under Benchmarks/Stages.
        .executableTarget(
            name: "Stages",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SitegenLibrary", package: "sitegen"),
            ],
            path: "Benchmarks/Stages",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
