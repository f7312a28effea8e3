@testable import Loading
import Testing
import Yams

/// Front matter is read by a fast parser for the plain subset of YAML editors write, and by Yams for
/// everything else. Whatever the fast parser accepts must read exactly as Yams reads it, or a field, a
/// scalar style or an error's column would change depending on which parser ran.
@Suite("Front matter: the fast YAML subset reads as Yams does")
struct YAMLSubsetTests {
    static let accepted = [
        "title: MiniMax and Zhipu race to list\ndate: 2025-07-22\n",
        "tags: [funding, ipo]\nsource: { name: GMT Eight, url: \"https://example.org/a\", date: 2025-07-22 }\n",
        "funding:\n  - id: minimax-series-a\n    company: MiniMax\n    round: Series A\n    amount: $600M\n    investors: [Alibaba (lead), Tencent]\n",
        "funding:\n- company: Zhipu\n  round: Strategic\n  amount: 1 billion CNY\n",
        "salaries:\n  - { role: Core AI technical intern, pay: \"¥5,000/day\" }\n  - { role: Senior leader, employer: ByteDance, pay: 30M–40M CNY/year }\n",
        "distributions:\n  - id: campus\n    title: Campus pay\n    buckets:\n      - { label: below ¥20k, share: 32.45% }\n      - { label: ¥20k–50k, share: rest }\n",
        "title: '智谱 and MiniMax'\nsummary: \"Two paths\"\n",
        "figures:\n  - { id: gap, label: AI talent gap, value: 5 million, unit: people }\n",
    ]

    static let leftToYams = [
        "title: a # comment\n",
        "title: |\n  block\n",
        "a: &x 1\nb: *x\n",
        "title: one\ntitle: two\n",
        "title:\n",
        "title: \"escaped \\\" quote\"\n",
        "\ttitle: tab\n",
    ]

    @Test(arguments: accepted)
    func readsTheSameTreeAsYams(_ yaml: String) throws {
        let fast = try #require(YAMLSubsetParser.compose(yaml, nodeLimit: 50_000, depthLimit: 32), "the fast parser should accept this")
        let yams = try #require(try Yams.compose(yaml: yaml, .basic))
        #expect(describe(fast) == describe(YAMLNode(yams)))
    }

    @Test(arguments: leftToYams)
    func leavesEverythingElseToYams(_ yaml: String) {
        #expect(YAMLSubsetParser.compose(yaml, nodeLimit: 50_000, depthLimit: 32) == nil)
    }

    /// The tree with every scalar's style and every node's line and column.
    private func describe(_ node: YAMLNode) -> String {
        let mark = node.mark.map { "@\($0.line):\($0.column)" } ?? "@?"
        switch node.content {
        case .scalar(let text, let style): return "\(text.debugDescription)[\(style)]\(mark)"
        case .sequence(let items): return "[" + items.map(describe).joined(separator: ", ") + "]\(mark)"
        case .mapping(let pairs): return "{" + pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}\(mark)"
        case .alias: return "*alias\(mark)"
        }
    }
}
