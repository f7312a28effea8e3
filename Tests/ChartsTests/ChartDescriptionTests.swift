import Foundation
import Testing

@testable import Charts

/// What screen readers hear (`<desc>`) and what a pointer shows (each mark's `<title>`) must be true to what is drawn.
@Suite("Chart descriptions and mark titles")
struct ChartDescriptionTests {
    /// The text of the chart's first `<desc>`, unescaped of nothing: the cases hold no markup characters.
    func description(_ spec: ChartSpec) throws -> String {
        let html = ChartRenderer().render(spec).html
        let start = try #require(html.range(of: "-s-d\">"))
        let end = try #require(html.range(of: "</desc>", range: start.upperBound..<html.endIndex))
        return String(html[start.upperBound..<end.lowerBound])
    }

    func bars(_ values: [(String, Decimal)], total: Int? = nil) -> ChartSpec {
        var spec = ChartSpec(
            kind: .bars, title: "Shares", rows: values.map { ChartRow(label: $0.0, low: $0.1, written: "\($0.1)%") }, unit: .percent)
        spec.totalCount = total
        return spec
    }

    @Test func namesEveryRowThatSharesAnExtreme() throws {
        #expect(try description(bars([("A", 50), ("B", 50), ("C", 10)])) == "Highest: A and B, 50% each. Lowest: C, 10%. 3 values in all.")
        #expect(try description(bars([("A", 60), ("B", 10), ("C", 10)])) == "Highest: A, 60%. Lowest: B and C, 10% each. 3 values in all.")
        #expect(try description(bars([("A", 50), ("B", 50)])) == "A and B: 50% each.")
        let six = (1...6).map { ("R\($0)", Decimal(20)) }
        #expect(try description(bars(six)) == "R1, R2, R3 and 3 others: 20% each.")
    }

    @Test func aTruncatedChartDoesNotCallItsLastRowTheLowest() throws {
        #expect(try description(bars([("A", 50), ("B", 40)], total: 14))
            == "Highest: A, 50%. The 2 largest of 14 values are shown, down to B, 40%.")
        #expect(try description(bars([("A", 50), ("B", 50)], total: 14))
            == "Highest: A and B, 50% each. The 2 largest of 14 values are shown, down to A and B, 50% each.")
    }

    @Test func saysOnForADayAndInForAMonth() throws {
        var spec = SampleSpecs.timeline
        spec.rows[0].dateLabel = "16 June 2024"
        #expect(try description(spec).hasSuffix("MiniMax valued at $2.5B on 16 June 2024."))
        spec.rows[0].dateLabel = "June 2024"
        #expect(try description(spec).hasSuffix("MiniMax valued at $2.5B in June 2024."))
    }

    @Test func explainsTheValuationRingOnlyWhereOneIsDrawn() {
        #expect(ChartRenderer().render(SampleSpecs.timeline).html.contains(">valuation</text>"))
        var spec = SampleSpecs.timeline
        spec.rows[0].secondary = nil
        let html = ChartRenderer().render(spec).html
        #expect(!html.contains(">valuation</text>") && !html.contains("stroke-width=\"2\""))
    }

    @Test func everyMarkIsTitledWithItsValue() {
        let bars = ChartRenderer().render(SampleSpecs.bars).html
        #expect(bars.contains("<g><title>Leading AI startups: 40%</title><rect class=\"s1\""))
        let timeline = ChartRenderer().render(SampleSpecs.timeline).html
        #expect(timeline.contains("<g><title>MiniMax Series A, March 2024: $600M; valued at $2.5B</title><circle"))
        #expect(timeline.contains("<g><title>Zhipu Strategic, 2 July 2025: $139M</title><circle"))
        let ranges = ChartRenderer().render(SampleSpecs.salaries).html
        #expect(ranges.contains("<g><title>Top-tier AI specialist, ByteDance: $4.2M–5.6M/yr</title><line"))
        let stacked = ChartRenderer().render(SampleSpecs.stacked).html
        #expect(stacked.contains("<g><title>below ¥20k: 32.45%</title><rect"))
    }

    @Test func sharesRunToOneHundredPercent() {
        func domain(_ spec: ChartSpec) -> [Double] { [BarChart.domain(spec).0, BarChart.domain(spec).1] }
        #expect(domain(bars([("A", 50), ("B", 50)])) == [0, 100])
        #expect(domain(bars([("A", 5), ("B", 3)])) == [0, 100])
        #expect(domain(bars([("A", 150), ("B", 50)])) == [0, 200], "growth above 100% is not a share")
        var money = bars([("A", 50)])
        money.unit = .money(currency: "USD")
        #expect(domain(money) == [0, 50])
    }

    @Test func boundsAreDrawnOpenAndSaidWithTheirBound() throws {
        let spec = ChartSpec(
            kind: .bars, title: "Departures",
            rows: [
                ChartRow(label: "Since 2024", low: 22, written: "at least 22", qualifier: "at least", openEnd: .above),
                ChartRow(label: "First half of 2025", low: 12, written: "12"),
            ],
            unit: .number(label: nil))
        #expect(try description(spec) == "Highest: Since 2024, at least 22. Lowest: First half of 2025, 12. 2 values in all.")
        let html = ChartRenderer().render(spec).html
        #expect(html.contains("<g><title>Since 2024: at least 22</title><rect"))
        // One chevron per variant, pointing right (its tip 5 px right of its base), for the bound only.
        #expect(html.components(separatedBy: "<path class=\"s1-stroke\"").count - 1 == 2)
        var under = spec
        under.rows[0].openEnd = .below
        under.rows[0].qualifier = "under"
        let below = ChartRenderer().render(under).html
        #expect(try description(under) == "Highest: Since 2024, under 22. Lowest: First half of 2025, 12. 2 values in all.")
        let path = try #require(below.range(of: #"d="M[0-9.]+ [0-9.]+L[0-9.]+ "#, options: .regularExpression))
        let numbers = below[path].split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
        #expect(numbers.count == 3 && numbers[2] == numbers[0] - 5, "under points left")
    }

    @Test func timelineLabelsNeverOverprintEachOther() throws {
        let rows = (0..<8).map { month in
            ChartRow(label: "Acme Series \(month)", series: "Acme", low: Decimal(100_000_000 * (month + 1)), date: 2024 + Double(month) / 24,
                     dateLabel: "2024", detail: "Series \(month)", written: "x")
        }
        let spec = ChartSpec(kind: .timeline, title: "Rounds", rows: rows, unit: .money(currency: "USD"))
        let html = ChartRenderer().render(spec).html
        for variant in ["v-s", "v-l"] {
            let start = try #require(html.range(of: "class=\"\(variant)\""))
            let svg = html[start.upperBound...].split(separator: "</svg>").first ?? ""
            let pattern = #/<text x="([0-9.]+)" y="([0-9.]+)" dy="0.32em"( text-anchor="(middle|end)")? class="val">([^<]+)</text>/#
            let labels = svg.matches(of: pattern).map { match -> (y: Double, left: Double, right: Double) in
                let x = Double(match.1) ?? 0, width = TextMetrics.paddedWidth(of: String(match.5), fontSize: 14)
                let left = match.4 == "end" ? x - width : (match.4 == "middle" ? x - width / 2 : x)
                return (Double(match.2) ?? 0, left, left + width)
            }
            #expect(labels.count >= 2, "\(variant) labels some rounds")
            for (i, a) in labels.enumerated() {
                for b in labels[(i + 1)...] where a.y == b.y {
                    #expect(a.right <= b.left || b.right <= a.left, "\(variant): labels at y \(a.y) overlap")
                }
            }
        }
    }

    @Test func undatedRoundsKeepTheTimelineInALaneOfTheirOwn() throws {
        var spec = SampleSpecs.timeline
        spec.rows.append(ChartRow(label: "Zhipu Angel", series: "Zhipu", low: 50_000_000, detail: "Angel", written: "$50M"))
        #expect(try description(spec) == "3 rounds, March 2024 to 2 July 2025 (1 undated); largest: $600M (MiniMax Series A). MiniMax valued at $2.5B in March 2024.")
        let html = ChartRenderer().render(spec).html
        #expect(html.components(separatedBy: "class=\"tick\">undated</text>").count - 1 == 2, "both drawings have the lane")
        #expect(html.contains("<g><title>Zhipu Angel: $50M</title><circle"))
    }
}
