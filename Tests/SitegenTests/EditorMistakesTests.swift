import Diagnostics
import Foundation
import Loading
import Model
import Scaffold
import SitegenKit
import Testing

/// Mistakes editors make, each as an editor meets it: one located message that says what to do.
/// When an editor finds a new trap, it gets a case here.
@Suite("Editor mistakes")
struct EditorMistakesTests {
    let path = "Content/articles/a.md"

    /// The one-line diagnostics of one article, loaded on its own.
    func problems(_ frontMatter: String, body: String = "Body.") -> [String] {
        let text = "---\n\(frontMatter)---\n\(body)\n"
        return Article.load(from: SourceText(path: path, text: text)).1.map(\.description)
    }

    /// The one-line diagnostics of checking a whole site.
    func check(_ site: TemporarySite, drafts: Bool = false) -> [String] {
        site.build(drafts: drafts, publish: false).diagnostics.map(\.description)
    }

    /// A site with one article per entry: `a.md` titled "A" holding the fact blocks `a`, and so on.
    func site(funding: [String: String]) throws -> TemporarySite {
        try TemporarySite(articles: Dictionary(uniqueKeysWithValues: funding.map { name, entries in
            ("\(name).md", article(title: name.uppercased(), extra: "funding:\n" + entries))
        }))
    }

    /// The one-line diagnostics of checking a site of one article, `a.md`, with these blocks and body.
    func check(blocks: String, body: String) throws -> [String] {
        let site = try TemporarySite(articles: ["a.md": article(title: "A", extra: blocks, body: body)])
        defer { site.delete() }
        return check(site)
    }

    // MARK: YAML traps

    @Test func aThousandsSeparatorInsideBracesIsOneErrorThatSaysToQuote() {
        #expect(problems("title: A\ndate: 2025-07-22\nsalaries:\n  - { role: Intern, pay: ¥4,000/day }\n") == [
            "Content/articles/a.md:5:26: error: salaries[0].pay: \"¥4,000/day\" is cut at its comma, which separates fields inside { … }; put the value in quotes: pay: \"¥4,000/day\""
        ])
        #expect(problems("title: A\ndate: 2025-07-22\nfunding:\n  - { company: Foo, round: Seed, amount: $1,500,000 }\n") == [
            "Content/articles/a.md:5:42: error: funding[0].amount: \"$1,500,000\" is cut at its comma, which separates fields inside { … }; put the value in quotes: amount: \"$1,500,000\""
        ])
        #expect(problems("title: A\ndate: 2025-07-22\nsalaries:\n  - role: Intern\n    pay: ¥4,000/day\n").isEmpty, "no braces, no trap")
        #expect(problems("title: A\ndate: 2025-07-22\ndistributions:\n  - id: d\n    title: D\n    buckets:\n      - { label: low, share: 32,45% }\n      - { label: high, share: rest }\n") == [
            "Content/articles/a.md:8:30: error: distributions[0].buckets[0].share: \"32,45%\" is cut at its comma, which separates fields inside { … }; a decimal point is written \".\": share: 32.45%"
        ])
    }

    @Test func aColonInATitleSaysToQuoteTheTitle() {
        #expect(problems("title: MiniMax: the IPO\ndate: 2025-07-22\n") == [
            "Content/articles/a.md:2:15: error: title: a \": \" inside a value starts a new field in YAML; put the whole value in quotes: title: \"MiniMax: the IPO\""
        ])
    }

    @Test func aTabInIndentationSaysToIndentWithSpaces() {
        #expect(problems("title: A\ndate: 2025-07-22\nsource:\n\tname: GMT Eight\n") == [
            "Content/articles/a.md:5:1: error: this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces"
        ])
    }

    @Test func aValueStartingWithAQuoteOrAReservedCharacterSaysToQuoteIt() {
        #expect(problems("title: \"MiniMax\" and Zhipu\ndate: 2025-07-22\n") == [
            "Content/articles/a.md:2:8: error: title: the value starts with a quote, so YAML ends it at the next \"; put the whole value in quotes: title: '\"MiniMax\" and Zhipu'"
        ])
        #expect(problems("title: A\ndate: 2025-07-22\nsummary: @MiniMax raises\n") == [
            "Content/articles/a.md:4:10: error: summary: a value cannot start with \"@\" in YAML; put it in quotes: summary: \"@MiniMax raises\""
        ])
    }

    @Test func aListWithoutBracketsSaysToWriteBrackets() {
        #expect(problems("title: A\ndate: 2025-07-22\ntags: funding, ipo\n") == [
            "Content/articles/a.md:4:7: error: tags: \"funding, ipo\" reads as one item; write a list in brackets: tags: [funding, ipo]"
        ])
        #expect(problems("title: A\ndate: 2025-07-22\nfunding:\n  - company: MiniMax\n    round: A\n    amount: $600M\n    investors: Alibaba (lead), Tencent\n") == [
            "Content/articles/a.md:8:16: error: funding[0].investors: \"Alibaba (lead), Tencent\" reads as one item; write a list in brackets: investors: [Alibaba (lead), Tencent]"
        ])
        #expect(problems("title: A\ndate: 2025-07-22\ntags: \"funding, ipo\"\n").isEmpty, "a quoted comma is meant")
    }
}

extension EditorMistakesTests {
    // MARK: One cause, one error

    @Test func linksToAnArticleThatCannotBeReadAreNotReportedToo() throws {
        let site = try TemporarySite(articles: [
            "2025-07-22-minimax-ipo.md": "---\ntitle: MiniMax: the IPO\ndate: 2025-07-22\n---\nText.\n",
            "b.md": article(title: "B", body: "See [the IPO](../minimax-the-ipo/) and [again](../minimax-ipo/#top)."),
        ])
        defer { site.delete() }
        #expect(check(site) == [
            "Content/articles/2025-07-22-minimax-ipo.md:2:15: error: title: a \": \" inside a value starts a new field in YAML; put the whole value in quotes: title: \"MiniMax: the IPO\""
        ])
    }

    @Test func aShareWithoutAPercentSignIsOneErrorNotAlsoAMissingChart() throws {
        let blocks = """
            distributions:
              - id: campus
                title: Campus pay
                buckets:
                  - { label: below ¥20k, share: 32.45 }
                  - { label: above, share: rest }

            """
        #expect(try check(blocks: blocks, body: "```chart\nof: distribution:campus\n```") == [
            "Content/articles/a.md:8:37: error: distributions[0].buckets[0].share: \"32.45\" has no % sign; a share is a percentage: share: 32.45%"
        ])
    }
}

extension EditorMistakesTests {
    // MARK: Nothing wrong is published quietly

    @Test func anAmountInACurrencyWithoutARateIsAnErrorAtTheAmount() throws {
        let site = try site(funding: [
            "a": "  - { company: MiniMax, round: A, date: 2024-03, amount: $600M }\n",
            "b": "  - { company: Mistral, round: C, date: 2025-06, amount: €600M }\n",
        ])
        defer { site.delete() }
        let report = site.build()
        #expect(report.diagnostics.map(\.description) == [
            "Content/articles/b.md:5:58: error: funding[0].amount: charts convert \"€600M\" to USD, but site.yaml has no rate for EUR: add EUR to currency.rates in site.yaml"
        ])
        #expect(!report.published)
    }

    @Test func aChartOfTheLargestValuesDoesNotCallItsSmallestTheLowest() throws {
        let salaries = (1...13).map { "  - { role: Role \($0), pay: $\($0 * 10)k/year }\n" }.joined()
        let site = try TemporarySite(articles: ["a.md": article(title: "A", extra: "salaries:\n" + salaries)])
        defer { site.delete() }
        #expect(site.build().published)
        let page = try site.read("Output/salaries/index.html")
        #expect(page.contains(">Highest: Role 13, $130K/yr. The 12 largest of 13 values are shown, down to Role 2, $20K/yr.</desc>"))
        #expect(!page.contains("Lowest:"))
    }

    @Test func theAnnualisationNoteNamesThePeriodsTheChartConverts() throws {
        let salaries = "salaries:\n  - { role: Contractor, pay: $50/hour }\n  - { role: Temp, pay: \"$2,000/week\" }\n  - { role: Lead, pay: $300k/year }\n"
        let site = try TemporarySite(articles: ["a.md": article(title: "A", extra: salaries)])
        defer { site.delete() }
        #expect(site.build().published)
        #expect(try site.read("Output/articles/a/index.html").contains("Annualised: 2,000 working hours or 52 weeks a year."))
    }

    @Test func aChartMixingUnitsIsAWarningAtTheFenceOrTheFigure() throws {
        let figures = "figures:\n  - { group: scale, label: Researchers, value: 500, unit: people }\n  - { group: scale, label: Cluster, value: 10000, unit: GPUs }\n"
        #expect(try check(blocks: figures, body: "```chart\nof: figures:scale\n```") == [
            "Content/articles/a.md:9:5: warning: chart.of: figures in group \"scale\" are in different units (people, GPUs) and would share one axis; give them one unit or put them in separate groups"
        ])
        #expect(try check(blocks: figures, body: "No fence: the chart would be in Key figures.") == [
            "Content/articles/a.md:6:5: warning: figures:scale: no chart in Key figures: figures in group \"scale\" are in different units (people, GPUs) and would share one axis; give them one unit or put them in separate groups"
        ])
        let people = figures.replacingOccurrences(of: "unit: GPUs", with: "unit: scientists")
        #expect(try check(blocks: people, body: "Researchers and scientists are both people.").isEmpty)
    }

    @Test func companyNamesDifferingInCaseOrSpacingAreOneCompany() throws {
        let site = try site(funding: [
            "a": "  - { company: MiniMax, round: Series A, date: 2024-03, amount: $600M }\n  - { company: MiniMax, round: Seed, date: 2023-03, amount: $60M }\n",
            "b": "  - { company: MINIMAX, round: Series B, date: 2025-01, amount: $100M }\n  - { company: moonshot ai, round: A, date: 2025-02, amount: $100M }\n  - { company: MoonshotAI, round: B, date: 2025-03, amount: $100M }\n",
        ])
        defer { site.delete() }
        #expect(site.build().published)
        let companies = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("Output/companies").path).sorted()
        #expect(companies == ["index.html", "minimax", "moonshotai"])
        let page = try site.read("Output/companies/minimax/index.html")
        #expect(page.contains("text-anchor=\"end\">MiniMax</text>") && !page.contains(">MINIMAX</text>"), "one row, named as most facts write it")
    }
}

extension EditorMistakesTests {
    // MARK: Links as Hugo and Jekyll users write them

    @Test func rootRelativeLinksAreCheckedAndWrittenRelative() throws {
        let site = try TemporarySite(articles: [
            "a.md": article(title: "A", body: "## Pay\n\nText."),
            "b.md": article(title: "B", body: "See [A](/articles/a/#pay), [home](/) and [gone](/articles/aa/)."),
        ])
        defer { site.delete() }
        #expect(check(site) == [
            "Content/articles/b.md:5:42: error: broken link: \"/articles/aa/\" does not lead to a page of this site"
        ])
        try site.write("Content/articles/b.md", article(title: "B", body: "See [A](/articles/a/#pay) and [home](/)."))
        #expect(site.build().published)
        let page = try site.read("Output/articles/b/index.html")
        #expect(page.contains("<a href=\"../../articles/a/index.html#pay\">A</a>") && page.contains("<a href=\"../../index.html\">home</a>"))
    }
}

extension EditorMistakesTests {
    // MARK: Drafts and new articles

    @Test func aNewArticleIsADraftAndIsNotWrittenOutsideASite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-not-a-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let date = CalendarDate(year: 2025, month: 7, day: 22)
        #expect(throws: ScaffoldError(message: "\(folder.standardizedFileURL.path) is not a site: it has no Content/site.yaml; run this in a site's folder or pass --site DIR (sitegen init DIR creates a site)")) {
            try Scaffold.createArticle(title: "MiniMax raises", date: date, in: folder)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Content").path))

        let site = try TemporarySite(articles: ["a.md": article(title: "A")])
        defer { site.delete() }
        _ = try Scaffold.createArticle(title: "MiniMax raises", date: date, in: site.root)
        #expect(site.build().published)
        #expect(!site.exists("Output/articles/minimax-raises/index.html"), "a placeholder is not published")
    }

    @Test func draftsBuiltWithDraftsAreMarkedAndNotAnnounced() throws {
        let site = try TemporarySite(
            articles: ["a.md": article(title: "A"), "b.md": article(title: "B", date: "2025-07-23", extra: "draft: true\n")],
            pages: ["p.md": "---\ntitle: P\ndraft: true\n---\nText.\n"])
        defer { site.delete() }
        #expect(site.build(drafts: true).published)
        let draft = try site.read("Output/articles/b/index.html")
        #expect(draft.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(draft.contains("<p class=\"draft-notice\" role=\"note\">Draft: this page is built only with --drafts and is not published.</p>"))
        #expect(try site.read("Output/pages/p/index.html").contains("content=\"noindex\""))
        let published = try site.read("Output/articles/a/index.html")
        #expect(!published.contains("noindex") && !published.contains("draft-notice"))
        let feed = try site.read("Output/feed.xml"), sitemap = try site.read("Output/sitemap.xml")
        #expect(feed.contains("articles/a/") && !feed.contains("articles/b/"))
        #expect(sitemap.contains("articles/a/") && !sitemap.contains("articles/b/") && !sitemap.contains("pages/p/"))
    }
}

extension EditorMistakesTests {
    // MARK: Command-line values

    @Test func aBaseURLWithAQueryIsRefusedOnTheCommandLineAndInSiteYAML() throws {
        // `sitegen build --base-url` prints this after "--base-url: " and exits with status 2.
        #expect(SiteConfig.baseURLProblem("https://x/briefing?x=1")
            == "\"https://x/briefing?x=1\" has a query (?…), which page addresses cannot follow; write the address the site lives at: https://x/briefing/")
        #expect(SiteConfig.baseURLProblem("briefing.example.org")
            == "\"briefing.example.org\" is not an absolute http:// or https:// URL; write the address the site lives at, such as https://example.org/briefing/")
        #expect(SiteConfig.baseURLProblem("https://example.org/briefing") == nil)
        let site = try TemporarySite(siteYAML: "title: T\nbase_url: https://example.org/#top\n", articles: ["a.md": article(title: "A")])
        defer { site.delete() }
        #expect(check(site) == [
            "Content/site.yaml:2:11: error: base_url: \"https://example.org/#top\" has a fragment (#…), which page addresses cannot follow; write the address the site lives at: https://example.org/"
        ])
    }
}

extension EditorMistakesTests {
    // MARK: More YAML shapes editors get wrong

    static let funding = "title: A\ndate: 2025-07-22\nfunding:\n  - company: MiniMax\n    round: Series A\n    amount: $600M\n"

    @Test(arguments: [
        (
            funding.replacingOccurrences(of: "    round:", with: "     round:"),
            "Content/articles/a.md:6:6: error: \"round:\" is indented more than the line above, so YAML reads it as part of that line's value; indent it like the other fields of its entry"
        ),
        (
            funding.replacingOccurrences(of: "    round:", with: "   round:"),
            "Content/articles/a.md:6:4: error: this line is indented differently from the lines above it; the fields of one entry start in the same column"
        ),
        (
            funding.replacingOccurrences(of: "  - company:", with: "  -company:"),
            "Content/articles/a.md:5:3: error: a list item needs a space after \"-\": write \"- company: MiniMax\""
        ),
        (
            "title:MiniMax raises\ndate: 2025-07-22\n",
            "Content/articles/a.md:2:1: error: title: a field needs a space after its \":\": write \"title: MiniMax raises\""
        ),
        (
            "title: A\ndate: 2025-07-22\ntags: [funding, ipo\nsummary: S\n",
            "Content/articles/a.md:4:7: error: tags: a [ … ] list must close on its line, with commas between items: check this line for a missing \"]\" or comma"
        ),
        (
            "title: A\ndate: 2025-07-22\nfunding:\n  - { company: Foo, round: Seed amount: $1M }\n",
            "Content/articles/a.md:5:39: error: fields inside { … } are separated by commas, and the braces close on the same line: check this line for a missing comma or \"}\""
        ),
        (
            "title: A\ndate: 2025-07-22  # the day it ran\nfigures:\n  - label: MiniMax valuation #2 in a round\n    value: $3B\n",
            "Content/articles/a.md:5:30: error: figures[0].label: \" #\" starts a comment in YAML, so the value ends before it; put the whole value in quotes: label: \"MiniMax valuation #2 in a round\""
        ),
    ])
    func yamlShapesGetOneErrorThatSaysWhatToWrite(_ frontMatter: String, _ message: String) {
        #expect(problems(frontMatter) == [message])
    }
}

extension EditorMistakesTests {
    // MARK: More causes that gave several errors

    @Test func aMisspeltFieldIsNotAlsoMissing() {
        #expect(problems("titel: A\ndate: 2025-07-22\n") == [
            "Content/articles/a.md:2:1: error: titel: unknown field \"titel\" (did you mean \"title\"?); allowed here: \"title\", \"date\", \"summary\", \"tags\", \"source\", \"draft\", \"slug\", \"funding\", \"salaries\", \"distributions\", \"figures\""
        ])
        #expect(problems("title: A\ndate: 2025-07-22\nfunding:\n  - { company: MiniMax, round: A, ammount: $600M }\n") == [
            "Content/articles/a.md:5:35: error: funding[0].ammount: unknown field \"ammount\" (did you mean \"amount\"?); allowed here: \"id\", \"company\", \"round\", \"date\", \"amount\", \"valuation\", \"investors\", \"note\", \"source\""
        ])
    }

    @Test func aLinkToAnIdWrittenWithSpacesIsNotReportedBesidesTheId() throws {
        let blocks = "funding:\n  - { id: minimax series a, company: MiniMax, round: A, amount: $600M }\n"
        #expect(try check(blocks: blocks, body: "[US$600 million](fact:minimax-series-a)") == [
            "Content/articles/a.md:5:11: error: funding[0].id: \"minimax series a\" is not a valid fact id: use lowercase letters, digits and single hyphens (did you mean \"minimax-series-a\"?)"
        ])
    }

    @Test func anUnclosedBraceIsReportedOnItsOwnLine() throws {
        let site = try TemporarySite(siteYAML: "title: T\ncurrency:\n  rates: { CNY: 0.1393\nmarkdown: { smart: true }\n", articles: ["a.md": article(title: "A")])
        defer { site.delete() }
        #expect(check(site) == [
            "Content/site.yaml:3:10: error: fields inside { … } are separated by commas, and the braces close on the same line: check this line for a missing comma or \"}\""
        ])
    }
}

extension EditorMistakesTests {
    @Test func aLinkWithASpaceInItsAddressIsAWarningNotTextPublishedAsTyped() throws {
        let blocks = "funding:\n  - { id: minimax-series-a, company: MiniMax, round: A, amount: $600M }\n"
        let problems = try check(blocks: blocks, body: "MiniMax raised [US$600 million](fact: minimax-series-a); see [the filing](../filing 2024.pdf).")
        #expect(problems == [
            "Content/articles/a.md:7:16: warning: this is not a link and shows as typed: a link address cannot contain spaces; write (fact:minimax-series-a)",
            "Content/articles/a.md:7:62: warning: this is not a link and shows as typed: a link address cannot contain spaces; write (<../filing 2024.pdf>)",
        ])
    }
}
