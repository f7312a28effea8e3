import Diagnostics
import Foundation
import SitegenKit
import Testing

@Suite("Building a site end to end")
struct BuildTests {
    @Test func buildsPagesWithRelativeLinks() throws {
        let site = try TemporarySite(
            articles: [
                "one.md": article(title: "MiniMax raises US$600 million", date: "2025-07-20", extra: "summary: A round.\ntags: [funding, MiniMax]\n", body: "## Round\n\nSee [the other](../zhi-pu/)."),
                "two.md": article(title: "智谱", date: "2025-07-22", body: "Zhipu text."),
            ],
            pages: ["about.md": "---\ntitle: About\n---\nWho we are.\n"])
        defer { site.delete() }
        let report = site.build()
        #expect(report.diagnostics.isEmpty)
        #expect(report.published && report.articles == 2)

        let home = try site.read("Output/index.html")
        #expect(home.contains("<a href=\"articles/zhi-pu/index.html\">智谱</a>"))
        let newer = try #require(home.range(of: "zhi-pu"))
        let older = try #require(home.range(of: "minimax-raises-us-600-million"))
        #expect(newer.lowerBound < older.lowerBound, "newest first")
        #expect(home.contains("href=\"assets/style.css\""))

        let page = try site.read("Output/articles/minimax-raises-us-600-million/index.html")
        #expect(page.contains("<title>MiniMax raises US$600 million · Test Briefing</title>"))
        #expect(page.contains("href=\"../../assets/style.css\""))
        #expect(page.contains("<a href=\"../zhi-pu/index.html\">the other</a>"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/briefing/articles/minimax-raises-us-600-million/\">"))
        #expect(page.contains("<h2 id=\"round\">Round <a class=\"heading-anchor\" href=\"#round\" aria-label=\"Link to this section\">#</a></h2>"))
        #expect(page.contains("href=\"../../articles/zhi-pu/index.html\""), "next article link")
        let about = try site.read("Output/pages/about/index.html")
        #expect(about.contains("<title>About · Test Briefing</title>") && about.contains("<h1>About</h1>"))
        #expect(about.contains("<li><a href=\"../../pages/about/index.html\" aria-current=\"page\">About</a></li>"))
        #expect(site.exists("Output/404.html"))
        #expect(try site.read("Output/404.html").contains("href=\"/briefing/assets/style.css\""))
        #expect(site.exists("Output/assets/favicon.svg"))
    }

    @Test func escapesContentInEveryField() throws {
        let site = try TemporarySite(articles: [
            "x.md": article(title: "\"<script>alert(1)</script>\"", extra: "summary: \"R&D <b>'AI'</b>\"\nslug: x\n")
        ])
        defer { site.delete() }
        #expect(site.build().published)
        let page = try site.read("Output/articles/x/index.html")
        #expect(!page.contains("<script>alert") && !page.contains("<b>'AI'"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("R&amp;D &lt;b&gt;&#39;AI&#39;&lt;/b&gt;"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TemporarySite(articles: [
            "a.md": article(title: "Alpha", date: "2025-07-01"), "b.md": article(title: "Beta", date: "2025-07-01"),
            "c.md": article(title: "Gamma", date: "2025-06-30", extra: "tags: [x, y]\n"),
        ])
        defer { site.delete() }
        #expect(site.build().published)
        let first = try site.outputSnapshot()
        #expect(site.build().published)
        #expect(try site.outputSnapshot() == first)
        #expect(first.count == 19)
    }

    @Test func aFailedBuildLeavesOutputUntouched() throws {
        let site = try TemporarySite(articles: ["a.md": article(title: "Alpha"), "b.md": article(title: "Beta")])
        defer { site.delete() }
        #expect(site.build().published)
        let before = try site.outputSnapshot()

        try site.write("Content/articles/b.md", "---\ntitle: Beta\ndate: 2025-07-22\ntitel: typo\n---\nChanged body\n")
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.map(\.description) == [
            "Content/articles/b.md:4:1: error: titel: unknown field \"titel\" (did you mean \"title\"?); allowed here: \"title\", \"date\", \"summary\", \"tags\", \"source\", \"draft\", \"slug\", \"funding\", \"salaries\", \"distributions\", \"figures\""
        ])
        #expect(try site.outputSnapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".Output") }
        #expect(leftovers.isEmpty)
    }

    @Test func slugCollisionsAreErrorsNamingBothFiles() throws {
        let site = try TemporarySite(articles: [
            "a.md": article(title: "Pay bands"), "b.md": article(title: "Pay Bands!"),
        ])
        defer { site.delete() }
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.map(\.description) == [
            "Content/articles/b.md:2:8: error: slug: the article slug \"pay-bands\" is already used by Content/articles/a.md:2; give one of them another \"slug:\""
        ])
    }

    @Test func draftsAreSkippedUnlessAsked() throws {
        let site = try TemporarySite(articles: ["a.md": article(title: "Alpha"), "d.md": article(title: "Draft", extra: "draft: true\n")])
        defer { site.delete() }
        #expect(site.build().published)
        #expect(!site.exists("Output/articles/draft/index.html"))
        #expect(site.build(drafts: true).published)
        #expect(site.exists("Output/articles/draft/index.html"))
    }

    @Test func templateSyntaxErrorsNameTheFileAndLine() throws {
        let site = try TemporarySite(articles: ["a.md": article(title: "Alpha")])
        defer { site.delete() }
        try site.write("Templates/page.mustache", "<h1>{{title}}</h1>\n{{#page}}\n<p>{{body}</p>\n{{/page}}\n")
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.map(\.description).first?.hasPrefix("Templates/page.mustache:3:") == true)
    }

    @Test func aMissingSiteConfigIsReported() throws {
        let site = try TemporarySite(articles: ["a.md": article(title: "Alpha")])
        defer { site.delete() }
        try site.remove("Content/site.yaml")
        #expect(site.build().diagnostics.map(\.description) == ["Content/site.yaml:1:1: error: missing file: create Content/site.yaml"])
        try site.write("Content/site.yaml", "title: T\nlanguage: fr\nmarkdown: { smart: true, unsafe: true }\n")
        #expect(site.build().diagnostics.map(\.description) == [
            "Content/site.yaml:2:11: error: language: unknown language \"fr\"; use one of: en, zh",
            "Content/site.yaml:3:26: error: markdown.unsafe: unknown field \"unsafe\" (did you mean \"unsafe_html\"?); allowed here: \"smart\", \"unsafe_html\"",
        ])
    }

    @Test func symlinksOutOfTheSiteAreNotFollowed() throws {
        let site = try TemporarySite(articles: ["a.md": article(title: "Alpha")])
        defer { site.delete() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).md")
        try Data(article(title: "Secret").utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/articles/secret.md").path, withDestinationPath: outside.path)
        let report = site.build()
        #expect(report.diagnostics.map(\.description) == ["Content/articles/secret.md:1:1: error: this is a link to a file outside the site; it is not read"])
        #expect(!site.exists("Output/articles/secret/index.html"))
    }
}
