// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one module per stage:
//   Loading (front matter, YAML → Model) → Markdown (libcmark → tree → HTML)
//   → Rendering (view models → Mustache) → Publishing (atomic Output/)
// SitegenKit runs the stages; `sitegen` only parses arguments.
let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        // For Fuzz/ (libFuzzer targets) and Benchmarks/Micro (per-stage micro-benchmarks).
        .library(name: "SitegenLibrary", targets: ["SitegenKit", "Loading", "Markdown", "Money", "Rendering", "Model", "Charts", "Facts", "Templating"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Both come with Hummingbird; named here because Serve uses them directly.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Order-preserving parallel map over the machine's cores.
        .target(name: "Parallel"),
        // Located problems and how they are printed.
        .target(name: "Diagnostics"),
        // Escaping writer for HTML/XML/SVG, and slugs.
        .target(name: "Markup"),
        // Money and number literals as the news writes them; exact decimals.
        .target(name: "Money", dependencies: ["Diagnostics"]),
        // The one place that talks to libcmark, and the HTML renderer over its tree.
        .target(name: "Markdown", dependencies: ["Ccmark", "Markup", "Diagnostics"]),
        // Sendable value types for the site, its articles and their facts.
        .target(name: "Model", dependencies: ["Diagnostics", "Money"]),
        // Content/ on disk → Model, with located diagnostics.
        .target(name: "Loading", dependencies: ["Model", "Diagnostics", "Markup", "Money", "Parallel", "Yams"]),
        // Facts across articles: entities, conflicts, fact links, JSON and CSV export.
        .target(name: "Facts", dependencies: ["Model", "Money", "Markup", "Diagnostics"]),
        // Mustache templates compiled once into flat programs that render typed values into bytes.
        .target(name: "Templating", dependencies: ["Markup"]),
        // Facts → chart specs → accessible inline SVG; no cmark, no Mustache.
        .target(name: "Charts", dependencies: ["Markup", "Money"]),
        // Model → view models → Mustache pages.
        .target(
            name: "Rendering",
            dependencies: ["Model", "Facts", "Charts", "Loading", "Money", "Markdown", "Markup", "Diagnostics", "Templating"]
        ),
        // The one system call Foundation lacks: an atomic exchange of two folders.
        .target(name: "CExchange"),
        // Writes a finished site atomically into Output/.
        .target(name: "Publishing", dependencies: ["CExchange", "Diagnostics", "Model"]),
        // What `sitegen init` and `sitegen new` write: the embedded theme, starter content, skeletons.
        .target(name: "Scaffold", dependencies: ["Markup", "Model"]),
        // `sitegen serve`: the preview server, source watching and live reload. Kept out of the
        // pipeline so that the build itself does not depend on a web server.
        .target(
            name: "Serve",
            dependencies: [
                "SitegenKit", "Loading", "Diagnostics", "Markup", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        // The build and check pipelines.
        .target(name: "SitegenKit", dependencies: ["Loading", "Facts", "Charts", "Markdown", "Rendering", "Publishing", "Model", "Diagnostics", "Parallel"]),
        .executableTarget(
            name: "sitegen",
            dependencies: ["SitegenKit", "Scaffold", "Serve", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "MoneyTests", dependencies: ["Money"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Money"], exclude: ["Golden"]),
        .testTarget(
            name: "SitegenTests",
            dependencies: ["SitegenKit", "Loading", "Markdown", "Markup", "Model", "Rendering", "Publishing", "Diagnostics", "Money", "Facts", "Charts", "Scaffold", "Serve"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
