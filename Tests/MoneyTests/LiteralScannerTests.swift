import Foundation
import Money
import Testing

@Suite("Finding quantities in prose")
struct LiteralScannerTests {
    @Test(arguments: [
        ("MiniMax raised US$500 million in March.", ["500,000,000 USD"]),
        ("Offers ran from 30 to 40 million yuan for team leads.", ["30,000,000–40,000,000 CNY"]),
        ("Leaders earn 30 to 40 million yuan a year.", ["30,000,000–40,000,000 CNY/year"]),
        ("An eight-figure package, said one recruiter.", []),
        ("GPT-4 and R1 were compared with o3 in 2024.", []),
        ("On 2025-07-22, Zhipu took ¥1 billion.", ["1,000,000,000 CNY"]),
        ("Over 30% of interns stayed.", ["over 30%"]),
        ("32.45% earn below ¥20k and 18.17% above ¥50k.", ["32.45%", "under 20,000 CNY", "18.17%", "over 50,000 CNY"]),
        ("Top researchers get $100M packages; 5 million engineers are missing.", ["100,000,000 USD", "5,000,000"]),
        ("It raised $5M a round, twice.", ["5,000,000 USD"]),
        ("The 3rd round brought a 10x return.", []),
        ("MiniMax融资6亿美元。", ["600,000,000 USD"]),
        ("Interns earn ¥5,000/day, seniors 30M–40M CNY/year.", ["5,000 CNY/day", "30,000,000–40,000,000 CNY/year"]),
        ("Growth fell -3.5% while 1e400 and 1,00 are not numbers.", ["-3.5%"]),
        ("More than 14 labs, about 22 teams.", ["over 14", "about 22"]),
        ("", []),
    ])
    func findsQuantities(prose: String, expected: [String]) {
        #expect(LiteralScanner.quantities(in: prose).map(\.normalized) == expected)
    }

    @Test func reportsWhereEachPhraseIs() throws {
        let prose = "MiniMax raised US$500 million in March."
        let match = try #require(LiteralScanner.matches(in: prose).first)
        #expect(match.offset == 15)
        #expect(match.length == 14)
        #expect(match.quantity.written == "US$500 million")
        #expect(match.quantity.low == Decimal(string: "500000000"))
        #expect(match.quantity.currency == .usd)
    }

    @Test func scansLongProseQuickly() {
        let paragraph = "In 2024 the lab raised US$500 million, paid interns ¥5,000/day and hired 22 people. "
        let prose = String(repeating: paragraph, count: 2_000)
        let quantities = LiteralScanner.quantities(in: prose)
        #expect(quantities.count == 6_000)
    }
}
