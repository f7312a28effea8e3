import Foundation
import Testing

/// Content that tries to break the build or the reader's browser: every case ends in a located error or safe output.
@Suite("Hostile input")
struct HostileInputTests {
    static let script = "<script>alert(1)</script>"

    @Test func injectionInEveryFieldIsEscapedEverywhere() throws {
        let evil = "\"><img src=x onerror=alert(1)>\(Self.script)"
        let frontMatter = """
            summary: '\(evil)'
            tags: ['\(evil)']
            source: { name: '\(evil)', url: 'https://example.org/?q="><script>' }
            funding:
              - { company: '\(evil)', round: '\(evil)', date: 2024-03, amount: $1M, investors: ['\(evil)'] }
            salaries:
              - { role: '\(evil)', employer: '=cmd|'' /C calc''!A0', pay: $1k/month }
            figures:
              - { label: '\(evil)', value: 5, group: g, note: '\(evil)' }
              - { label: 'R&D <"Lead"> ''AI'' 研发', value: 6, group: g }

            """
        let site = try TemporarySite(articles: ["a.md": article(title: "'\(evil)'", extra: "slug: a\n" + frontMatter, body: "Body.")])
        defer { site.delete() }
        try site.write("Content/entities.yaml", "'\(evil)': { about: '\(evil)' }\n")
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        let output = try site.outputSnapshot()
        // facts.csv is data served as text/csv: it keeps the text as written, with formulas neutralised.
        for (path, data) in output where !path.hasPrefix("assets/") && path != "facts.csv" {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<script>alert"), "\(path) contains a live script")
            #expect(!text.contains("<img src=x"), "\(path) contains a live img")
            #expect(!text.contains("onerror=alert") || !text.contains("<img src=x onerror"), "\(path)")
        }
        let csv = try site.read("Output/facts.csv")
        #expect(csv.contains(",'=cmd|"), "formula is neutralised in CSV")
        let json = try site.read("Output/facts.json")
        #expect(json.contains("\\u003cscript\\u003e"), "JSON escapes < > for safe embedding")
    }

    @Test(arguments: ["[a](javascript:alert(1))", "[a](JAVASCRIPT:alert(1))", "[a](<java script:alert(1)>)", "[a](vbscript:x)",
                      "[a](data:text/html,<script>)", "![i](javascript:alert(1))", "![i](data:image/svg+xml,<svg onload=alert(1)>)"])
    func scriptLinksNeverReachThePage(_ markdown: String) throws {
        let site = try TemporarySite(articles: ["a.md": article(title: "A", extra: "slug: a\n", body: markdown)])
        defer { site.delete() }
        let report = site.build()
        #expect(report.published)
        let page = try site.read("Output/articles/a/index.html").lowercased()
        for attribute in ["href=\"", "src=\""] {
            #expect(!page.contains(attribute + "javascript") && !page.contains(attribute + "vbscript") && !page.contains(attribute + "data:"))
        }
        #expect(!page.contains("<svg onload"))
    }

    @Test func sourceURLsMustBeWebAddresses() throws {
        let site = try TemporarySite(articles: ["a.md": article(title: "A", extra: "source: { name: S, url: 'javascript:alert(1)' }\n")])
        defer { site.delete() }
        #expect(site.build().diagnostics.map(\.description) == [
            "Content/articles/a.md:4:25: error: source.url: expected an absolute http:// or https:// URL, found \"javascript:alert(1)\""
        ])
    }

    @Test(arguments: ["../../etc", "/etc/passwd", "a\u{0}b", String(repeating: "x", count: 300), "CON", "a/b"])
    func slugsCannotLeaveOutput(_ slug: String) throws {
        let site = try TemporarySite(articles: ["a.md": article(title: "A", extra: "slug: \"\(slug.replacingOccurrences(of: "\u{0}", with: "\\0"))\"\n")])
        defer { site.delete() }
        let report = site.build()
        if slug == "CON" {
            #expect(!report.published, "uppercase is not a slug")
        } else {
            #expect(!report.published)
        }
        #expect(report.diagnostics.allSatisfy { $0.location.path == "Content/articles/a.md" && $0.location.line == 4 })
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        #expect(!leftovers.contains("Output"))
    }

    @Test func tagsAndEntityNamesThatLookLikePathsBecomeSlugs() throws {
        let site = try TemporarySite(articles: ["a.md": article(
            title: "A", extra: "slug: a\ntags: ['../../x', '/etc']\nfunding:\n  - { company: '../../evil', round: A, amount: $1M }\n")])
        defer { site.delete() }
        #expect(site.build().published)
        #expect(site.exists("Output/tags/x/index.html") && site.exists("Output/tags/etc/index.html"))
        #expect(site.exists("Output/companies/evil/index.html"))
        let parent = site.root.deletingLastPathComponent()
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("x/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("evil/index.html").path))
    }

    @Test(arguments: [
        ("", "Content/articles/a.md:1:1: error: an article starts with front matter: a line \"---\", then at least \"title:\" and \"date:\", then \"---\""),
        ("---\n---\n", "Content/articles/a.md:1:1: error: the front matter is empty; it needs at least \"title:\" and \"date:\""),
        ("---\ntitle: A\r\ndate: 2025-07-22\r---\rBody\n", ""),
        (
            "---\ntitle: [unclosed\ndate: 2025-07-22\n---\n",
            "Content/articles/a.md:2:8: error: title: a [ … ] list must close on its line, with commas between items: check this line for a missing \"]\" or comma"
        ),
    ])
    func oddFilesGiveLocatedErrors(_ text: String, _ expected: String) throws {
        let site = try TemporarySite(articles: ["a.md": text])
        defer { site.delete() }
        let problems = site.build().diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(problems == (expected.isEmpty ? [] : [expected]))
    }

    @Test func deeplyNestedYAMLIsRefused() throws {
        let nested = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let site = try TemporarySite(articles: ["a.md": "---\ntitle: A\ndate: 2025-07-22\nsummary: \(nested)\n---\n"])
        defer { site.delete() }
        let problems = site.build().diagnostics.map(\.description)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Content/articles/a.md:") == true)
    }

    @Test(arguments: ["1e400 USD", "99999999999999999999亿", "$-5M", "NaN USD", "∞ USD"])
    func absurdLiteralsAreErrors(_ literal: String) throws {
        let site = try TemporarySite(articles: ["a.md": article(title: "A", extra: "funding:\n  - { company: X, round: A, amount: '\(literal)' }\n")])
        defer { site.delete() }
        let problems = site.build().diagnostics.map(\.description)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Content/articles/a.md:5:") == true, "\(problems)")
    }

    @Test func aLargeArticleBuilds() throws {
        let paragraph = String(repeating: "Pay for AI talent keeps rising across the industry. ", count: 40) + "\n\n"
        let body = String(repeating: paragraph, count: 4_000)  // about 8 MB
        let site = try TemporarySite(articles: ["a.md": article(title: "A", extra: "slug: a\n", body: body)])
        defer { site.delete() }
        #expect(site.build().published)
        #expect(try site.read("Output/articles/a/index.html").utf8.count > 8_000_000)
    }
}
