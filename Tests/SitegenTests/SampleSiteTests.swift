import Foundation
import Testing

/// The sample briefing in Content/: every figure of the seed article is a fact with its exact value.
@Suite("The sample AI talent briefing")
struct SampleSiteTests {
    /// (fact id, low, high, unit, currency, period, bound) for each seed figure.
    static let seedFigures: [(String, String, String?, String, String?, String?, String)] = [
        ("campus-monthly-pay", "", nil, "distribution", nil, nil, ""),
        ("campus-below-30k", "55", nil, "percent", nil, nil, "over"),
        ("liepin-ai-technical-above-500k", "30", nil, "percent", nil, nil, "over"),
        ("liepin-all-roles-above-500k", "10", nil, "percent", nil, nil, "under"),
        ("intern-daily-rate", "5000", nil, "money", "CNY", "day", "exact"),
        ("bytedance-top-talent", "30000000", "40000000", "money", "CNY", "year", "exact"),
        ("bytedance-eight-figure-offer", "10000000", "100000000", "money", "CNY", "year", "exact"),
        ("minimax-series-a", "600000000", nil, "money", "USD", nil, "exact"),
        ("minimax-late-2024-valuation", "3000000000", nil, "money", "USD", nil, "exact"),
        ("zhipu-strategic-2025", "1000000000", nil, "money", "CNY", nil, "exact"),
        ("meta-bonus-total", "100000000", nil, "money", "USD", nil, "exact"),
        ("ai-talent-gap", "5000000", nil, "number", nil, nil, "about"),
        ("candidates-per-post-h1-2025", "4", nil, "number", nil, nil, "exact"),
        ("ai-application-growth", "30", nil, "percent", nil, nil, "exact"),
        ("startup-staff-exploring", "40", nil, "percent", nil, nil, "exact"),
        ("internet-staff-exploring", "15", nil, "percent", nil, nil, "exact"),
        ("exec-departures-since-2024", "22", nil, "number", nil, nil, "atLeast"),
        ("exec-departures-h1-2025", "12", nil, "number", nil, nil, "exact"),
        ("bytedance-inflow-outflow", "1.71", nil, "number", nil, nil, "exact"),
        ("m1-compute-80k-reasoning", "30", nil, "percent", nil, nil, "exact"),
        ("m1-compute-100k-generation", "25", nil, "percent", nil, nil, "exact"),
        ("huang-chinese-ai-researchers", "50", nil, "percent", nil, nil, "exact"),
    ]

    @Test func buildsCleanlyAndExportsEverySeedFigure() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: TemporarySite.repository.appendingPathComponent("Content"), to: site.root.appendingPathComponent("Content"))
        let report = site.build()
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.published && report.articles >= 5)

        let json = try site.read("Output/facts.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let facts = try #require(document["facts"] as? [[String: Any]])
        let byID = Dictionary(facts.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for (id, low, high, unit, currency, period, bound) in Self.seedFigures {
            let fact = try #require(byID[id], "missing fact \(id)")
            if unit == "distribution" {
                let shares = (fact["buckets"] as? [[String: Any]])?.compactMap { ($0["share"] as? NSNumber)?.stringValue }
                #expect(shares == ["32.45", "49.38", "18.17"])
                continue
            }
            let value = try #require((fact["amount"] ?? fact["pay"] ?? fact["value"]) as? [String: Any], "\(id) has no value")
            #expect((value["low"] as? NSNumber)?.stringValue == low, "\(id)")
            #expect((value["high"] as? NSNumber)?.stringValue == high, "\(id)")
            #expect(value["unit"] as? String == unit, "\(id)")
            #expect(value["currency"] as? String == currency, "\(id)")
            #expect(value["period"] as? String == period, "\(id)")
            #expect(value["bound"] as? String == bound, "\(id)")
        }
        let series = try #require(byID["minimax-series-a"])
        #expect((series["valuation"] as? [String: Any])?["low"] as? NSNumber == 2_500_000_000)
        #expect(series["entity"] as? String == "MiniMax")

        let csv = try site.read("Output/facts.csv")
        #expect(csv.hasPrefix("article,id,kind,entity,label,written,low,high,"))
        #expect(csv.contains("minimax-zhipu-ipo,minimax-series-a,funding,MiniMax,"))
    }
}
