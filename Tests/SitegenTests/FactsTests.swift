import Diagnostics
import Facts
import Foundation
import Loading
import Model
import Money
import Testing

@Suite("Fact blocks, entities and fact links")
struct FactsTests {
    let path = "Content/articles/a.md"

    func load(_ frontMatter: String, body: String = "Body.") -> (Article?, [String]) {
        let text = "---\ntitle: A\ndate: 2025-07-22\n\(frontMatter)---\n\(body)\n"
        let (article, diagnostics) = Article.load(from: SourceText(path: path, text: text))
        return (article, diagnostics.map(\.description))
    }

    @Test func readsEveryBlockWithExactValues() throws {
        let (article, problems) = load("""
            source: { name: GMT Eight, date: 2025-07-22 }
            funding:
              - company: MiniMax
                round: Series A
                date: 2024-03
                amount: $600M
                valuation: US$2.5 billion
                investors: [Alibaba (lead), Tencent]
            salaries:
              - { role: Intern, employer: Major tech firms, pay: "¥5,000/day" }
            distributions:
              - id: campus
                title: Campus pay
                buckets:
                  - { label: below ¥20k, share: 32.45% }
                  - { label: middle, share: rest }
                  - { label: above ¥50k, share: 18.17% }
            figures:
              - { label: AI talent gap, value: 5 million, unit: people, source: { name: Maimai } }

            """)
        #expect(problems.isEmpty)
        let facts = try #require(article?.facts)
        #expect(facts.map(\.id) == ["minimax-series-a", "major-tech-firms-intern", "campus", "ai-talent-gap"])
        guard case .funding(let round) = facts[0].detail else { Issue.record("not funding"); return }
        #expect(round.amount.low == Decimal(string: "600000000") && round.amount.currency == .usd)
        #expect(round.valuation?.low == Decimal(string: "2500000000"))
        #expect(round.investors == [.init(name: "Alibaba", isLead: true), .init(name: "Tencent", isLead: false)])
        #expect(facts[0].source?.name == "GMT Eight", "inherits the article's source")
        #expect(facts[3].source?.name == "Maimai")
        guard case .distribution(let distribution) = facts[2].detail else { Issue.record("not a distribution"); return }
        #expect(distribution.buckets[1].share.low == Decimal(string: "49.38"))
        guard case .salary(let salary) = facts[1].detail else { Issue.record("not a salary"); return }
        #expect(salary.pay.annualized()?.low == Decimal(1_250_000))
    }

    @Test func literalErrorsPointAtTheWordWithASuggestion() {
        let problems = load("funding:\n  - company: MiniMax\n    round: Series A\n    amount: 600 millon USD\n").1
        #expect(problems == [
            "Content/articles/a.md:7:17: error: funding[0].amount: cannot read \"600 millon USD\": unknown word \"millon\" (did you mean \"million\"?)"
        ])
    }

    @Test(arguments: [
        ("salaries:\n  - { role: Intern, pay: \"¥5,000\" }\n",
         "Content/articles/a.md:5:26: error: salaries[0].pay: \"¥5,000\" needs a pay period, such as /year, /month, /day or \"a year\""),
        ("funding:\n  - { company: X, round: A, amount: 600M }\n",
         "Content/articles/a.md:5:37: error: funding[0].amount: \"600M\" has no currency; write it as money, such as $600M or 1 billion CNY"),
        ("funding:\n  - { company: X, round: A, amount: $1M/year }\n",
         "Content/articles/a.md:5:37: error: funding[0].amount: \"$1M/year\" is an amount, not pay: remove the period /year"),
        ("funding:\n  - { company: X, amount: $1M }\n",
         "Content/articles/a.md:5:5: error: funding[0].round: missing required field \"round\""),
        ("figures:\n  - { label: Gap, value: 5 million, units: people }\n",
         "Content/articles/a.md:5:37: error: figures[0].units: unknown field \"units\" (did you mean \"unit\"?); allowed here: \"id\", \"label\", \"value\", \"unit\", \"group\", \"of\", \"date\", \"company\", \"note\", \"source\""),
        ("distributions:\n  - id: d\n    title: T\n    buckets:\n      - { label: a, share: rest }\n      - { label: b, share: rest }\n",
         "Content/articles/a.md:9:28: error: distributions[0].buckets[1].share: only one bucket may take the \"rest\""),
        ("distributions:\n  - id: d\n    title: T\n    buckets:\n      - { label: a, share: 60% }\n      - { label: b, share: $5 }\n",
         "Content/articles/a.md:9:28: error: distributions[0].buckets[1].share: expected a percentage such as 32.45% or the word rest, found \"$5\""),
        ("distributions:\n  - id: d\n    title: T\n    buckets:\n      - { label: a, share: 60% }\n      - { label: b, share: 37% }\n",
         "Content/articles/a.md:8:7: warning: distributions[0].buckets: shares add up to 97%, not 100%; fix a share or add a bucket with share: rest"),
        ("distributions:\n  - id: d\n    title: T\n    buckets:\n      - { label: a, share: 100% }\n      - { label: b, share: 50% }\n",
         "Content/articles/a.md:8:7: error: distributions[0].buckets: shares add up to 150%, more than 100%; a share is wrong or a bucket is counted twice"),
        ("figures:\n  - { id: x, label: A, value: 1 }\n  - { id: x, label: B, value: 2 }\n",
         "Content/articles/a.md:6:11: error: figures[1].id: the fact id \"x\" is already used on line 5; ids must be unique within an article"),
        ("distributions:\n  - title: T\n    buckets: [{ label: a, share: 100% }]\n",
         "Content/articles/a.md:5:5: error: distributions[0].id: missing required field \"id\""),
    ])
    func blockErrorsAreLocated(_ frontMatter: String, _ expected: String) {
        #expect(load(frontMatter).1 == [expected])
    }

    @Test func defaultIDsAreDeterministicAndUnique() {
        let article = load("figures:\n  - { label: Talent gap, value: 5 million }\n  - { label: Talent gap, value: 6 million }\n").0
        #expect(article?.facts.map(\.id) == ["talent-gap", "talent-gap-2"])
    }

    @Test func namesResolveThroughAliases() throws {
        let (entities, problems) = Entity.loadAll(from: SourceText(path: "Content/entities.yaml", text: """
            MiniMax: { aliases: [Xiyu Technology], url: https://www.minimax.io/, about: Shanghai model maker }
            Zhipu:
              aliases: [Beijing Zhipu Huazhang Technology]

            """))
        #expect(problems.isEmpty)
        let index = EntityIndex(listed: entities, names: ["xiyu technology", "Beijing Zhipu Huazhang Technology", "ByteDance"])
        #expect(index.entity(named: "XIYU  Technology")?.name == "MiniMax")
        #expect(index.entity(named: "Beijing Zhipu Huazhang Technology")?.slug == "zhipu")
        #expect(index.entity(named: "ByteDance")?.isListed == false, "an unlisted name becomes its own entity")
        #expect(index.entities.map(\.slug) == ["bytedance", "minimax", "zhipu"])
    }

    @Test func anAliasMayNameOneEntityOnly() {
        let problems = Entity.loadAll(from: SourceText(path: "Content/entities.yaml", text: "A: { aliases: [Same] }\nB: { aliases: [same] }\n")).1
        #expect(problems.map(\.description) == ["Content/entities.yaml:2:1: error: B: \"same\" already names A (line 1); a name or alias may belong to one entity only"])
    }

    @Test func conflictingRoundsAcrossArticlesWarnNamingBothPlaces() throws {
        let site = try TemporarySite(articles: [
            "a.md": article(title: "A", extra: "funding:\n  - { company: MiniMax, round: Series A, amount: $600M, valuation: $2.5B }\n"),
            "b.md": article(title: "B", extra: "funding:\n  - { company: Xiyu Technology, round: series a, amount: US$500 million, valuation: $2.5B }\n"),
        ])
        defer { site.delete() }
        try site.write("Content/entities.yaml", "MiniMax: { aliases: [Xiyu Technology] }\n")
        let report = site.build()
        #expect(report.published, "a warning does not fail the build")
        #expect(report.diagnostics.map(\.description) == [
            "Content/articles/b.md:5:5: warning: funding: MiniMax series a: amount US$500 million differs from $600M at Content/articles/a.md:5"
        ])
    }

    @Test func aFigureThatNamesItsCompanyIsListedOnTheCompanyPage() throws {
        let site = try TemporarySite(articles: [
            "a.md": article(title: "A", extra: "figures:\n  - { label: Valuation at the end of 2024, value: $3 billion, company: Xiyu Technology }\n"),
        ])
        defer { site.delete() }
        try site.write("Content/entities.yaml", "MiniMax: { aliases: [Xiyu Technology] }\n")
        let report = site.build()
        #expect(report.diagnostics.isEmpty)
        let page = try site.read("Output/companies/minimax/index.html")
        #expect(page.contains("Valuation at the end of 2024"), "the figure is listed under the company its alias names")
        #expect(page.contains("$3 billion"))
    }

    @Test func factLinksGoToTheTableRowAndAreChecked() throws {
        let facts = "funding:\n  - { id: round, company: MiniMax, round: Series A, amount: $600M }\n"
        let site = try TemporarySite(articles: [
            "a.md": article(title: "A", extra: "slug: a\n" + facts, body: "It raised [US$600 million](fact:round).\n\nOr [$500 million](fact:round), or [more](fact:rounds)."),
        ])
        defer { site.delete() }
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.map(\.description) == [
            "Content/articles/a.md:10:4: warning: the link text says \"$500 million\" but fact \"round\" is $600M",
            "Content/articles/a.md:10:35: error: link to unknown fact \"rounds\" (did you mean \"round\"?); its facts are round",
        ])
        try site.write("Content/articles/a.md", article(title: "A", extra: "slug: a\n" + facts, body: "It raised [US$600 million](fact:round)."))
        #expect(site.build().published)
        let page = try site.read("Output/articles/a/index.html")
        #expect(page.contains("<a href=\"#fact-round\" title=\"$600M — \">US$600 million</a>") || page.contains("<a href=\"#fact-round\" title=\"$600M\">US$600 million</a>"))
        #expect(page.contains("<tr id=\"fact-round\">"))
    }

    @Test func csvNeutralisesFormulas() {
        #expect(FactExport.csvField("=cmd|' /C calc'!A0", isNumber: false) == "'=cmd|' /C calc'!A0")
        #expect(FactExport.csvField("-3.5", isNumber: true) == "-3.5")
        #expect(FactExport.csvField("a, \"b\"", isNumber: false) == "\"a, \"\"b\"\"\"")
    }
}
