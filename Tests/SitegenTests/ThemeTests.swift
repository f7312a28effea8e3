import Diagnostics
import Foundation
import SitegenKit
import Testing

@Suite("The theme's contract with the build")
struct ThemeTests {
    /// Every id in `html`, with how often it occurs.
    private func idCounts(_ html: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var rest = Substring(html)
        while let start = rest.range(of: " id=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            counts[String(rest[..<end]), default: 0] += 1
        }
        return counts
    }

    @Test func bodyHeadingsNeverTakeAnIdTheTemplateWrites() throws {
        let body = "## Facts heading\n\nText.\n\n## Key figures\n\nMore.\n\n## Site header\n\nEnd [back](#facts-heading)."
        let site = try TemporarySite(articles: [
            "a.md": article(title: "Pay", extra: "salaries:\n  - { role: Intern, pay: \"¥5,000/day\" }\n", body: body)
        ])
        defer { site.delete() }
        let report = site.build()
        #expect(report.errorCount == 0, "\(report.diagnostics)")
        let page = try site.read("Output/articles/pay/index.html")
        let duplicates = idCounts(page).filter { $0.value > 1 }
        #expect(duplicates.isEmpty, "ids used twice: \(duplicates.keys.sorted())")
        #expect(page.contains("<h2 id=\"facts-heading-1\">Facts heading"))
        #expect(page.contains("<h2 id=\"key-figures-1\">Key figures"))
        #expect(page.contains("<h2 id=\"site-header-1\">Site header"))
        #expect(page.contains("aria-labelledby=\"facts-heading\""), "the theme's own label still points at its heading")
    }

    @Test func aHeadingDoesNotTakeAFactRowsAnchor() throws {
        let site = try TemporarySite(articles: [
            "a.md": article(title: "Pay", extra: "salaries:\n  - { id: intern, role: Intern, pay: \"¥5,000/day\" }\n", body: "## Fact intern\n\nText.")
        ])
        defer { site.delete() }
        #expect(site.build().errorCount == 0)
        let page = try site.read("Output/articles/pay/index.html")
        #expect(idCounts(page)["fact-intern"] == 1)
        #expect(page.contains("<h2 id=\"fact-intern-1\">"))
    }

    @Test(arguments: ["list", "entity", "layout", "partials/table"])
    func aMissingTemplateFailsTheBuildNamingIt(_ name: String) throws {
        let site = try TemporarySite(articles: ["a.md": article(title: "One", extra: "funding:\n  - { company: MiniMax, round: Series A, amount: $600M }\n")])
        defer { site.delete() }
        #expect(site.build().published)
        let before = try site.outputSnapshot()
        try site.remove("Templates/\(name).mustache")
        let report = site.build()
        #expect(!report.published)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location.path == "Templates/\(name).mustache")
        #expect(errors.first?.message.hasPrefix("missing template:") == true)
        #expect(try site.outputSnapshot() == before, "Output is left as it was")
    }
}
