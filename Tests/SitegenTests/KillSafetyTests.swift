import Foundation
import Testing

/// A build killed at any moment leaves Output as the complete previous build (or, once the swap
/// has happened, the complete new one) — never a mixture, never empty.
@Suite("Kill safety", .serialized)
struct KillSafetyTests {
    /// The `sitegen` executable SwiftPM built next to the test bundle.
    static var executable: URL? {
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("sitegen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let build = TemporarySite.repository.appendingPathComponent(".build/debug/sitegen")
        return FileManager.default.isExecutableFile(atPath: build.path) ? build : nil
    }

    static func articles(version: Int) -> [String: String] {
        var articles: [String: String] = [:]
        for index in 0..<150 {
            let facts = "funding:\n  - { company: Company \(index % 17), round: Seed, date: 2024-0\(index % 9 + 1), amount: $\(index + version)M }\n"
            let body = (0..<30).map { "Paragraph \($0) of article \(index), version \(version), with *emphasis* and a [link](../a\((index + 1) % 150)/)." }
                .joined(separator: "\n\n")
            articles["a\(index).md"] = article(title: "Article \(index)", date: "2025-07-\(index % 28 + 1 < 10 ? "0" : "")\(index % 28 + 1)", extra: "slug: a\(index)\n" + facts, body: body)
        }
        return articles
    }

    @Test func outputIsAlwaysAWholeBuild() throws {
        let executable = try #require(Self.executable, "sitegen must be built next to the tests")
        let site = try TemporarySite(articles: Self.articles(version: 1))
        defer { site.delete() }
        #expect(site.build().published)
        let before = try site.outputSnapshot()

        for (name, text) in Self.articles(version: 2) { try site.write("Content/articles/\(name)", text) }
        let after = try TemporarySite(articles: Self.articles(version: 2))
        defer { after.delete() }
        #expect(after.build().published)
        let next = try after.outputSnapshot()
        #expect(before != next)

        var generator = SystemRandomNumberGenerator()
        var sawOld = 0, sawNew = 0
        for round in 0..<25 {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["build", "--site", site.root.path, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Early rounds kill soon after start, later ones further into the build.
            let delay = UInt32.random(in: 0...UInt32(20_000 + round * 60_000), using: &generator)
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let snapshot = try site.outputSnapshot()
            if snapshot == before {
                sawOld += 1
            } else if snapshot == next {
                sawNew += 1
                // Put the old site back so later rounds can catch the swap again.
                for (name, text) in Self.articles(version: 1) { try site.write("Content/articles/\(name)", text) }
                #expect(site.build().published)
                for (name, text) in Self.articles(version: 2) { try site.write("Content/articles/\(name)", text) }
            } else {
                Issue.record("round \(round): Output is neither the previous nor the new build (\(snapshot.count) files)")
            }
        }
        #expect(sawOld > 0, "at least one kill landed before the swap")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".Output") }
        _ = site.build()
        let cleaned = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".Output") }
        #expect(cleaned.isEmpty, "the next build removes what killed builds left (\(leftovers))")
    }
}
