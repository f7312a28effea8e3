// swift-tools-version: 6.0
import Foundation
import PackageDescription

// A path dependency is identified by its folder's name, which depends on where the repository was cloned.
let sitegen = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

// libFuzzer targets over sitegen's parsers. Not part of the main build: run scripts/fuzz.sh.
// Built as libraries of top-level code (-parse-as-library) so that libFuzzer's main drives them.
let fuzzer: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "sitegen-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // The bridge to libFuzzer's driver, shared by the targets.
        .target(name: "FuzzSupport"),
        // Money literals: "600 millon USD", "30M–40M CNY/year"…
        .executableTarget(name: "FuzzLiterals", dependencies: ["FuzzSupport", .product(name: "SitegenLibrary", package: sitegen)], swiftSettings: fuzzer),
        // File bytes → UTF-8 check → front-matter split → YAML → article model with fact blocks.
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzSupport", .product(name: "SitegenLibrary", package: sitegen)], swiftSettings: fuzzer),
        // A Markdown body through libcmark, the tree walk, fact links, chart fences and link checks.
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FuzzSupport", .product(name: "SitegenLibrary", package: sitegen)], swiftSettings: fuzzer),
    ],
    swiftLanguageModes: [.v6]
)
