import Facts
import Foundation
import Loading
import Model
import Testing

/// A preview updates the fact database after an edit instead of building it again: the result must be
/// the database a fresh build makes, conflicts included.
@Suite("Fact database updates")
struct FactDatabaseUpdateTests {
    func load(_ site: TemporarySite) throws -> SiteContent {
        try #require(ContentLoader(layout: SiteLayout(root: site.root)).load().0)
    }

    static func round(_ amount: String, title: String = "Alpha") -> String {
        article(title: title, date: "2025-07-01", extra: "slug: alpha\nfunding:\n  - { id: r, company: MiniMax, round: Series A, amount: \(amount) }\n")
    }

    @Test func anUpdatedDatabaseEqualsAFreshOne() throws {
        let site = try TemporarySite(articles: [
            "a.md": Self.round("$600M"),
            "b.md": article(title: "Beta", date: "2025-07-02", extra: "funding:\n  - { id: r, company: MiniMax, round: Series A, amount: $600M }\n"),
        ])
        defer { site.delete() }
        let before = try load(site)
        let previous = FactDatabase(content: before)
        #expect(previous.conflicts().isEmpty)
        // The amount now contradicts the other report, and the title changes.
        try site.write("Content/articles/a.md", Self.round("$650M", title: "Alpha, revised"))
        let after = try load(site)
        let updated = try #require(FactDatabase(content: after, updating: previous, of: before))
        let fresh = FactDatabase(content: after)
        #expect(updated.records == fresh.records)
        #expect(updated.conflicts() == fresh.conflicts())
        #expect(updated.conflicts().count == 1)
        #expect(updated.records.contains { $0.conflictNote != nil })
        #expect(updated.count(of: .funding) == fresh.count(of: .funding))
    }

    @Test func aNewCompanyNameNeedsAFreshDatabase() throws {
        let site = try TemporarySite(articles: ["a.md": Self.round("$600M")])
        defer { site.delete() }
        let before = try load(site)
        let previous = FactDatabase(content: before)
        try site.write("Content/articles/a.md", Self.round("$600M").replacingOccurrences(of: "MiniMax", with: "StepFun"))
        #expect(FactDatabase(content: try load(site), updating: previous, of: before) == nil)
    }
}
