import Foundation
import Testing

@Suite("Aggregate pages, feed, sitemap and link checks")
struct SiteSectionsTests {
    @Test func writesEverySectionWithFeedAndSitemap() throws {
        let facts = "tags: [Funding, IPO]\nfunding:\n  - { company: MiniMax, round: Series A, date: 2024-03, amount: $600M }\nsalaries:\n  - { role: Intern, employer: ByteDance, pay: \"¥5,000/day\" }\n"
        let site = try TemporarySite(
            siteYAML: "title: T\nbase_url: https://example.org/briefing/\ncurrency: { display: USD, rates: { CNY: 0.1393 } }\n",
            articles: ["a.md": article(title: "A & B", extra: "slug: a\nsummary: Sum <b>\n" + facts)])
        defer { site.delete() }
        #expect(site.build().diagnostics.isEmpty)
        for path in ["companies/index.html", "companies/minimax/index.html", "companies/bytedance/index.html", "funding/index.html",
                     "salaries/index.html", "tags/index.html", "tags/funding/index.html", "tags/ipo/index.html", "robots.txt"] {
            #expect(site.exists("Output/\(path)"), "\(path)")
        }
        let funding = try site.read("Output/funding/index.html")
        #expect(funding.contains("<a href=\"../companies/minimax/index.html\">MiniMax</a>"))
        let salaries = try site.read("Output/salaries/index.html")
        #expect(salaries.contains("CN¥1.3M/yr") && salaries.contains("≈ $174K/yr"), "annualised and converted")

        let feed = try site.read("Output/feed.xml")
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.contains("<id>https://example.org/briefing/articles/a/</id>"))
        #expect(feed.contains("<title>A &amp; B</title>") && feed.contains("<summary>Sum &lt;b&gt;</summary>"))
        #expect(feed.contains("<updated>2025-07-22T00:00:00Z</updated>"))
        let sitemap = try site.read("Output/sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/briefing/articles/a/</loc><lastmod>2025-07-22</lastmod>"))
        #expect(sitemap.contains("<loc>https://example.org/briefing/</loc>") && !sitemap.contains("404"))
        #expect(try site.read("Output/robots.txt").contains("Sitemap: https://example.org/briefing/sitemap.xml"))

        let page = try site.read("Output/articles/a/index.html")
        #expect(page.contains("<script type=\"application/ld+json\">{\n  \"@context\": \"https://schema.org\",\n  \"@type\": \"NewsArticle\""))
        #expect(page.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(page.contains("<nav class=\"breadcrumbs\""))
        #expect(try site.read("Output/index.html").contains("\"@type\": \"Dataset\""))
    }

    @Test func longListsPaginate() throws {
        var articles: [String: String] = [:]
        for day in 1...25 { articles["a\(day).md"] = article(title: "Article \(day)", date: "2025-07-\(day < 10 ? "0" : "")\(day)", extra: "tags: [x]\n") }
        let site = try TemporarySite(articles: articles)
        defer { site.delete() }
        #expect(site.build().diagnostics.isEmpty)
        let first = try site.read("Output/index.html")
        let second = try site.read("Output/page/2/index.html")
        #expect(first.contains("Article 25") && !first.contains(">Article 5<"))
        #expect(second.contains(">Article 5<") && second.contains("Page 2 of 2"))
        #expect(first.contains("<a rel=\"next\" href=\"page/2/index.html\">"))
        #expect(second.contains("<a rel=\"prev\" href=\"../../index.html\">"))
        #expect(site.exists("Output/tags/x/page/2/index.html"))
    }

    @Test func brokenInternalLinksAreLocatedErrors() throws {
        let site = try TemporarySite(articles: [
            "a.md": article(title: "A", extra: "slug: a\n", body: "## Pay bands\n\nSee [b](../b/), [b's part](../b/#details), [gone](../c/), [here](#pay-bands) and [there](#pay-band)."),
            "b.md": article(title: "B", extra: "slug: b\n", body: "## Overview\n\nText."),
        ])
        defer { site.delete() }
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.map(\.description) == [
            "Content/articles/a.md:8:17: error: broken link: articles/b/ has no section \"#details\"",
            "Content/articles/a.md:8:44: error: broken link: \"../c/\" does not lead to a page of this site",
            "Content/articles/a.md:8:82: error: broken link: this page has no section \"#pay-band\" (did you mean \"pay-bands\"?)",
        ])
    }
}
