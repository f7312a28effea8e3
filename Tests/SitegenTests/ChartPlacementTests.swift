import Foundation
import Testing

@Suite("Chart fences and Key figures")
struct ChartPlacementTests {
    static let facts = """
        slug: a
        funding:
          - { company: MiniMax, round: Series A, date: 2024-03, amount: $600M, valuation: $2.5B }
          - { company: Zhipu, round: Strategic, date: 2025-07-02, amount: 1 billion yuan }
        figures:
          - { label: Startups, value: 40%, group: exploring }
          - { label: Internet average, value: 15%, group: exploring }

        """

    func build(body: String, siteYAML: String = "title: T\ncurrency: { display: USD, as_of: 2025-07-22, rates: { CNY: 0.1393 } }\n") throws -> (TemporarySite, [String]) {
        let site = try TemporarySite(siteYAML: siteYAML, articles: ["a.md": article(title: "A", extra: Self.facts, body: body)])
        return (site, site.build().diagnostics.map(\.description))
    }

    @Test func aFencePlacesTheChartAndTheRestGoToKeyFigures() throws {
        let (site, problems) = try build(body: "Intro.\n\n```chart\nof: funding\ntitle: Rounds <named>\n```\n\nAfter.")
        defer { site.delete() }
        #expect(problems.isEmpty)
        let page = try site.read("Output/articles/a/index.html")
        let chart = try #require(page.range(of: "<figure class=\"chart chart-timeline\""))
        let after = try #require(page.range(of: "<p>After.</p>"))
        #expect(chart.lowerBound < after.lowerBound, "the chart stands where the fence was")
        #expect(page.contains("<span class=\"chart-title\">Rounds &lt;named&gt; <a class=\"chart-link\" href=\"#c-"))
        #expect(page.contains("Converted to USD at 1 CNY = 0.1393 USD (rates of 22 July 2025)."))
        let keyFigures = try #require(page.range(of: "id=\"key-figures\""))
        #expect(page[keyFigures.lowerBound...].contains("chart chart-bars"), "the figure group is charted in Key figures")
        #expect(!page[keyFigures.lowerBound...].contains("chart-timeline"), "funding was placed already")
    }

    @Test func fenceProblemsAreLocated() throws {
        let body = "Intro.\n\n```chart\nof: distribution:missing\n```\n\n```chart\nof: figures:explorin\ntype: pie\n```\n\n```chart\ntitle: No subject\n```\n"
        let (site, problems) = try build(body: body)
        defer { site.delete() }
        // The body starts on line 12 of the file.
        #expect(problems == [
            "Content/articles/a.md:15:5: error: chart.of: no distribution \"missing\"; this article has none",
            "Content/articles/a.md:19:5: error: chart.of: no figures in group \"explorin\" (did you mean \"exploring\"?); groups here: exploring",
            "Content/articles/a.md:20:7: error: chart.type: unknown chart type \"pie\"; use one of: bars, ranges, timeline, stacked, comparison",
            "Content/articles/a.md:24:1: error: chart.of: missing required field \"of\"",
        ])
    }

    @Test func missingRatesAreReportedAtTheAmountNotAlsoAtTheFence() throws {
        let (site, problems) = try build(body: "```chart\nof: funding\n```\n", siteYAML: "title: T\n")
        defer { site.delete() }
        #expect(problems == [
            "Content/articles/a.md:7:67: error: funding[1].amount: charts convert \"1 billion yuan\" to USD, but site.yaml has no rate for CNY: add CNY to currency.rates in site.yaml"
        ])
    }

    @Test func theFeedCarriesOneVariantOfEachChart() throws {
        let (site, problems) = try build(body: "Intro.\n\n```chart\nof: funding\n```\n")
        defer { site.delete() }
        #expect(problems.isEmpty)
        let page = try site.read("Output/articles/a/index.html"), feed = try site.read("Output/feed.xml")
        func count(_ text: String, in document: String) -> Int { document.components(separatedBy: text).count - 1 }
        #expect(count("class=\"v-s\"", in: page) == 2 && count("class=\"v-l\"", in: page) == 2, "the page draws both variants")
        #expect(count("class=&quot;v-s&quot;", in: feed) == 0)
        #expect(count("class=&quot;v-l&quot;", in: feed) == 1, "one large drawing of the body's chart")
        #expect(count("&lt;/svg&gt;", in: feed) == 1)
    }

    @Test func aFenceMayStateItsFindingAndANote() throws {
        let body = "```chart\nof: figures:exploring\ntitle: Startup staff look around more than twice as often\nnote: Share of employees exploring new jobs.\n```\n"
        let (site, problems) = try build(body: body)
        defer { site.delete() }
        #expect(problems.isEmpty)
        let page = try site.read("Output/articles/a/index.html")
        #expect(page.contains("<span class=\"chart-title\">Startup staff look around more than twice as often <a class=\"chart-link\""))
        #expect(page.contains("<p class=\"chart-note\">Share of employees exploring new jobs.</p>"))
    }

    @Test func oneValueIsNotAChart() throws {
        let single = """
            slug: a
            funding:
              - { company: MiniMax, round: Series A, date: 2024-03, amount: $600M }

            """
        let site = try TemporarySite(
            siteYAML: "title: T\n", articles: ["a.md": article(title: "A", extra: single, body: "Intro.\n\n```chart\nof: funding\n```\n")])
        defer { site.delete() }
        #expect(site.build().diagnostics.map(\.description) == [
            "Content/articles/a.md:11:5: warning: chart.of: one value is not a chart; give it in the text (the facts table lists it)"
        ])
        let page = try site.read("Output/articles/a/index.html"), company = try site.read("Output/companies/minimax/index.html")
        #expect(!page.contains("<figure class=\"chart") && !company.contains("<figure class=\"chart"))
    }

    @Test func aChartSaysWhenOlderRoundsAreConvertedAtTodaysRate() throws {
        let facts = """
            slug: a
            funding:
              - { company: MiniMax, round: Series A, date: 2024-03, amount: $600M }
              - { company: Zhipu, round: Series B, date: 2023-05, amount: 1 billion yuan }

            """
        let site = try TemporarySite(
            siteYAML: "title: T\ncurrency: { display: USD, as_of: 2025-07-22, rates: { CNY: 0.1393 } }\n",
            articles: ["a.md": article(title: "A", extra: facts, body: "Intro.\n")])
        defer { site.delete() }
        #expect(site.build().diagnostics.isEmpty)
        let page = try site.read("Output/articles/a/index.html")
        #expect(page.contains(
            "Converted to USD at 1 CNY = 0.1393 USD (rates of 22 July 2025). Amounts from other years are converted at this same rate, not at the rate of their date."))
    }
}
