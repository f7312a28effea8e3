import Foundation
import Testing

@testable import Charts

/// Specs for one chart of each kind, from the sample briefing's figures.
enum SampleSpecs {
    static let salaries = ChartSpec(
        kind: .ranges, title: "AI pay reported in this briefing, annualised",
        rows: [
            ChartRow(label: "Core AI technical intern, Major tech firms", low: 174_125, written: "¥5,000/day"),
            ChartRow(label: "Top-tier AI specialist, ByteDance", low: 4_179_000, high: 5_572_000, written: "30–40 million yuan a year"),
            ChartRow(label: "Senior technical leader, ByteDance", low: 1_393_000, high: 13_930_000, written: "10M–100M CNY/year"),
        ],
        unit: .money(currency: "USD"), period: "year",
        notes: ["Converted to USD at 1 CNY = 0.1393 USD (rates of 22 July 2025).", "Annualised: 250 working days or 12 months a year."],
        source: "GMT Eight")
    static let bars = ChartSpec(
        kind: .bars, title: "Staff exploring new jobs",
        rows: [
            ChartRow(label: "Leading AI startups", low: 40, written: "40%"),
            ChartRow(label: "Internet industry average", low: 15, written: "15%"),
        ],
        unit: .percent, source: "Maimai via GMT Eight")
    static let comparison = ChartSpec(
        kind: .comparison, title: "MiniMax-M1 compute against DeepSeek R1",
        rows: [
            ChartRow(label: "DeepSeek R1 compute", low: 100, isContext: true, written: "100%"),
            ChartRow(label: "80K-token reasoning", low: 30, written: "30%"),
            ChartRow(label: "100K-token generation", low: 25, written: "25%"),
        ],
        unit: .percent, source: "GMT Eight")
    static let timeline = ChartSpec(
        kind: .timeline, title: "Funding rounds",
        rows: [
            ChartRow(label: "MiniMax Series A", series: "MiniMax", low: 600_000_000, date: 2024.17, dateLabel: "March 2024",
                     secondary: 2_500_000_000, detail: "Series A", written: "US$600 million"),
            ChartRow(label: "Zhipu Strategic", series: "Zhipu", low: 139_300_000, date: 2025.5, dateLabel: "2 July 2025",
                     detail: "Strategic", written: "1 billion yuan"),
        ],
        unit: .money(currency: "USD"), notes: ["Converted to USD at 1 CNY = 0.1393 USD (rates of 22 July 2025)."], source: "GMT Eight")
    static let stacked = ChartSpec(
        kind: .stacked, title: "Campus-recruitment monthly pay, AI industry roles",
        rows: [
            ChartRow(label: "below ¥20k", low: Decimal(string: "32.45")!, written: "32.45%"),
            ChartRow(label: "¥20k–50k", low: Decimal(string: "49.38")!, written: "rest"),
            ChartRow(label: "above ¥50k", low: Decimal(string: "18.17")!, written: "18.17%"),
        ],
        unit: .percent, notes: ["Monthly salary, campus recruitment."], source: "Maimai via GMT Eight")

    static let all: [(String, ChartSpec)] = [
        ("ranges", salaries), ("bars", bars), ("comparison", comparison), ("timeline", timeline), ("stacked", stacked),
    ]
}

@Suite("Chart figures")
struct ChartRenderingTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Golden files: `SITEGEN_RECORD_GOLDEN=1 swift test --filter ChartRenderingTests` rewrites them; review the diff.
    @Test(arguments: SampleSpecs.all.map(\.0))
    func matchesGoldenFile(_ name: String) throws {
        let spec = try #require(SampleSpecs.all.first { $0.0 == name }?.1)
        let html = ChartRenderer().render(spec).html
        let url = Self.goldenFolder.appendingPathComponent("\(name).html")
        if ProcessInfo.processInfo.environment["SITEGEN_RECORD_GOLDEN"] == "1" {
            try Data(html.utf8).write(to: url)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(html == golden, "re-record with SITEGEN_RECORD_GOLDEN=1 and review the diff")
    }

    @Test(arguments: SampleSpecs.all.map(\.1))
    func isAccessibleAndCompact(_ spec: ChartSpec) {
        let chart = ChartRenderer().render(spec)
        let html = chart.html
        #expect(html.hasPrefix("<figure class=\"chart chart-\(spec.kind.rawValue)\" id=\"\(chart.id)\" lang=\"en\"><figcaption>"))
        for variant in ["s", "l"] {
            let titleID = "\(chart.id)-\(variant)-t"
            let descriptionID = "\(chart.id)-\(variant)-d"
            #expect(html.contains("role=\"img\" aria-labelledby=\"\(titleID)\" aria-describedby=\"\(descriptionID)\""))
            #expect(html.contains("><title id=\"\(titleID)\">"), "title is the first child")
            #expect(html.contains("</title><desc id=\"\(descriptionID)\">"), "desc follows title")
        }
        #expect(html.contains("<details><summary>Data table</summary><table><caption>"))
        // No float garbage, no exponent, no negative zero.
        #expect(html.range(of: #"="-?[0-9.]+[eE][+-]?[0-9]"#, options: .regularExpression) == nil, "no exponent notation")
        #expect(!html.contains("\"-0\"") && !html.contains("−0<") && !html.contains("NaN") && !html.contains("Infinity"))
        #expect(html.range(of: #"="-?\d+\.\d{3,}""#, options: .regularExpression) == nil, "coordinates have at most 2 decimals")
        #expect(!html.contains("<style") && !html.contains("<animate") && !html.contains("\n<"), "no per-chart style, no animation, no indentation")
        // Size budget: ≤ 2 KB fixed + ≤ 300 B per mark, per variant.
        for (variant, size) in chart.svgSizes {
            #expect(size <= 2048 + 300 * max(spec.rows.count * 2, 1), "variant \(variant) is \(size) bytes")
        }
    }

    @Test func chineseChartsSpeakChinese() {
        var spec = SampleSpecs.timeline
        spec.language = .zh
        spec.rows[1].dateLabel = "2025年7月2日"
        spec.rows[0].dateLabel = "2024年3月"
        let html = ChartRenderer().render(spec).html
        #expect(html.contains("lang=\"zh-Hans\""))
        #expect(html.contains("共 2 轮融资，2024年3月至2025年7月2日；最大一笔：US$6亿（MiniMax Series A）。MiniMax于2024年3月估值 US$25亿。"))
        #expect(html.contains("<summary>数据表</summary>") && html.contains("来源：GMT Eight"))
    }

    @Test func escapesEveryLabel() {
        let hostile = "R&D <\"Lead\"> 'AI' 研发 </text><script>alert(1)</script>"
        var spec = SampleSpecs.bars
        spec.title = hostile
        spec.rows[0].label = hostile
        spec.source = hostile
        let html = ChartRenderer().render(spec).html
        #expect(!html.contains("<script>") && !html.contains("</text><script"))
        #expect(html.contains("R&amp;D &lt;&quot;Lead&quot;&gt; &#39;AI&#39; 研发"))
    }

    @Test func idsAreStableAndUniquePerOccurrence() {
        let first = ChartRenderer().render(SampleSpecs.bars)
        let again = ChartRenderer().render(SampleSpecs.bars)
        let second = ChartRenderer().render(SampleSpecs.bars, occurrence: 2)
        #expect(first == again)
        #expect(first.id.count == 10 && first.id.hasPrefix("c-"))
        #expect(second.id == first.id + "-2")
        #expect(ChartRenderer().render(SampleSpecs.comparison).id != first.id)
    }

    @Test func linksACSVOfExactlyWhatItDraws() throws {
        var spec = SampleSpecs.bars
        spec.rows[0].label = "Startups, \"leading\""
        let values = ValueText(spec: spec, decimals: spec.rows.map(RowDecimals.init))
        #expect(ChartCSV(spec: spec, values: values).text == [
            "item,value,high,unit,period,bound,as written,source",
            "\"Startups, \"\"leading\"\"\",40,,%,,,40%,Maimai via GMT Eight",
            "Internet industry average,15,,%,,,15%,Maimai via GMT Eight",
        ].map { $0 + "\r\n" }.joined())
        let timeline = SampleSpecs.timeline
        let timelineValues = ValueText(spec: timeline, decimals: timeline.rows.map(RowDecimals.init))
        #expect(ChartCSV(spec: timeline, values: timelineValues).text.hasPrefix(
            "company,round,date,amount,valuation,currency,as written,source\r\nMiniMax,Series A,March 2024,600000000,2500000000,USD,US$600 million,GMT Eight\r\n"))
        let chart = ChartRenderer().render(SampleSpecs.bars)
        #expect(chart.html.contains(
            "<p class=\"chart-data\"><a href=\"data:text/csv;charset=utf-8,item%2Cvalue%2Chigh%2Cunit%2Cperiod%2Cbound%2Cas%20written%2Csource%0D%0ALeading%20AI%20startups%2C40%2C%2C%25"))
        #expect(chart.html.contains("\" download=\"\(chart.id).csv\">Get the data (CSV)</a></p><details>"))
    }

    @Test func aPermalinkSurvivesAChangedValue() {
        var spec = SampleSpecs.bars
        let before = ChartRenderer().render(spec)
        spec.rows[0].low = 41
        spec.rows[0].written = "41%"
        let after = ChartRenderer().render(spec)
        #expect(after.id == before.id && after.html != before.html)
        #expect(after.html.contains("<a class=\"chart-link\" href=\"#\(after.id)\">#<span class=\"visually-hidden\"> Link to this chart</span></a>"))
        spec.anchor = "figures:exploring"
        let anchored = ChartRenderer().render(spec)
        spec.title = "Edited title"
        #expect(ChartRenderer().render(spec).id == anchored.id, "with an anchor, the title may change too")
    }

    @Test func sha256MatchesTheStandard() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func paletteMeetsContrastInBothThemes() {
        #expect(Palette.light.contrastProblems(theme: "light").isEmpty)
        #expect(Palette.dark.contrastProblems(theme: "dark").isEmpty)
        var weak = Palette.light
        weak.c2 = "#E69F00"
        #expect(weak.contrastProblems(theme: "light") == [
            "light: chart colour --c2 #E69F00 has contrast 2.25:1 against the background #ffffff; marks need at least 3:1"
        ])
    }

    @Test func readsThePaletteFromTheThemeStylesheet() {
        let css = ":root {\n  --bg: #ffffff;\n  --c1: #123456;\n}\n@media (prefers-color-scheme: dark) {\n  :root { --bg: #000000; --c1: #56B4E9; }\n}\n"
        let (light, dark) = Palette.themes(fromCSS: css)
        #expect(light.c1 == "#123456" && light.background == "#ffffff")
        #expect(dark.c1 == "#56B4E9" && dark.background == "#000000")
    }
}
