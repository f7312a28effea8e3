import Diagnostics
import Foundation
import Loading
import Model
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

    // MARK: YAML traps

    @Test func aThousandsSeparatorInsideBracesIsOneErrorThatSaysToQuote() {
        #expect(problems("title: A\ndate: 2025-07-22\nsalaries:\n  - { role: Intern, pay: ¥4,000/day }\n") == [
            "Content/articles/a.md:5:26: error: salaries[0].pay: \"¥4,000/day\" is cut at its comma, which separates fields inside { … }; put the value in quotes: pay: \"¥4,000/day\""
        ])
        #expect(problems("title: A\ndate: 2025-07-22\nfunding:\n  - { company: Foo, round: Seed, amount: $1,500,000 }\n") == [
            "Content/articles/a.md:5:42: error: funding[0].amount: \"$1,500,000\" is cut at its comma, which separates fields inside { … }; put the value in quotes: amount: \"$1,500,000\""
        ])
        #expect(problems("title: A\ndate: 2025-07-22\nsalaries:\n  - role: Intern\n    pay: ¥4,000/day\n").isEmpty, "no braces, no trap")
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
        let site = try TemporarySite(articles: ["a.md": article(title: "A", extra: blocks, body: "```chart\nof: distribution:campus\n```")])
        defer { site.delete() }
        #expect(check(site) == [
            "Content/articles/a.md:8:37: error: distributions[0].buckets[0].share: \"32.45\" has no % sign; a share is a percentage: share: 32.45%"
        ])
    }
}
