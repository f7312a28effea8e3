/// The words a chart says, in its language: descriptions, legends, table headers.
struct ChartWords {
    let language: ChartLanguage

    private var zh: Bool { language == .zh }

    /// "Highest: A, $5M. Lowest: B, $1M. 4 values in all.": the takeaway and its extremes, for rows ordered from
    /// the highest, with their labels and their values as drawn. Rows drawn with the same value are named together
    /// ("Highest: A and B, 50% each."). With `total`, the rows are the largest of `total` values, and the last is not the lowest.
    func extremes(labels: [String], values: [String], total: Int? = nil) -> String {
        guard let first = values.first, let last = values.last else { return "" }
        let top = labels.indices.prefix { values[$0] == first }.map { labels[$0] }
        let bottom = labels.indices.reversed().prefix { values[$0] == last }.reversed().map { labels[$0] }
        return extremes(top: (top, first), bottom: (bottom, last), count: labels.count, total: total)
    }

    /// The extremes named by their rows; "A and B: 50% each." when every row has the same value.
    private func extremes(top: ([String], String), bottom: ([String], String), count: Int, total: Int? = nil) -> String {
        let truncated = total.map { $0 > count } ?? false
        if !truncated, top.1 == bottom.1, top.0.count == count, count > 1 {
            return zh ? "\(list(top.0))均为\(top.1)。" : "\(list(top.0)): \(top.1) each."
        }
        func each(_ names: [String], _ value: String) -> (String, String) {
            (list(names), names.count > 1 ? (zh ? "均为\(value)" : "\(value) each") : value)
        }
        let top = each(top.0, top.1), bottom = each(bottom.0, bottom.1)
        if let total, total > count {
            return zh
                ? "最高：\(top.0)，\(top.1)。图中为最大的 \(count) 项（共 \(total) 项），其中最小：\(bottom.0)，\(bottom.1)。"
                : "Highest: \(top.0), \(top.1). The \(count) largest of \(total) values are shown, down to \(bottom.0), \(bottom.1)."
        }
        return zh
            ? "最高：\(top.0)，\(top.1)。最低：\(bottom.0)，\(bottom.1)。共 \(count) 项。"
            : "Highest: \(top.0), \(top.1). Lowest: \(bottom.0), \(bottom.1). \(count) values in all."
    }

    /// "A", "A and B", "A, B and C", "A, B, C and 3 others"; 、 and 和 in Chinese.
    func list(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        guard names.count > 1 else { return last }
        if names.count > 4 {
            let others = names.count - 3
            return names.prefix(3).joined(separator: zh ? "、" : ", ") + (zh ? "等 \(names.count) 项" : " and \(others) others")
        }
        return names.dropLast().joined(separator: zh ? "、" : ", ") + (zh ? "和" : " and ") + last
    }

    func single(_ label: String, _ value: String) -> String {
        zh ? "\(label)：\(value)。" : "\(label): \(value)."
    }

    func comparison(base: String, baseValue: String, parts: [(String, String)]) -> String {
        let list = parts.map { zh ? "\($0.0)：\($0.1)" : "\($0.0): \($0.1)" }
        return zh
            ? "以\(base)（\(baseValue)）为基准：\(list.joined(separator: "；"))。"
            : "Against \(base) at \(baseValue): \(list.joined(separator: "; "))."
    }

    func shares(largest: (String, String), parts: [(String, String)]) -> String {
        zh
            ? "占比最大：\(largest.0)，\(largest.1)。依次为：\(parts.map { "\($0.0) \($0.1)" }.joined(separator: "、"))。"
            : "Largest share: \(largest.0), \(largest.1). In order: \(parts.map { "\($0.0) \($0.1)" }.joined(separator: ", "))."
    }

    /// "2 rounds, March 2024 to July 2025; largest: $600M (MiniMax Series A). MiniMax valued at $2.5B in March 2024."
    /// With `total`, the rows are the largest `count` of `total` rounds.
    func rounds(
        count: Int, total: Int? = nil, span: String?, undated: Int = 0, largest: (value: String, name: String),
        valuations: [(name: String, value: String, date: String?)]
    ) -> String {
        let total = total.flatMap { $0 > count ? $0 : nil }
        if zh {
            let counted = total.map { "最大的 \(count) 轮融资（共 \($0) 轮）" } ?? "共 \(count) 轮融资"
            let head = "\(counted)\(span.map { "，\($0)" } ?? "")\(undated > 0 ? "（\(undated) 轮日期不详）" : "")；最大一笔：\(largest.value)（\(largest.name)）。"
            return head + valuations.map { "\($0.name)\($0.date.map { "于\($0)" } ?? "")估值 \($0.value)。" }.joined()
        }
        let counted = total.map { "The \(count) largest of \($0) rounds" } ?? (count == 1 ? "One round" : "\(count) rounds")
        let undatedWords = undated == 0 ? "" : (undated == count ? ", none dated" : " (\(undated) undated)")
        let head = "\(counted)\(span.map { ", \($0)" } ?? "")\(undatedWords); largest: \(largest.value) (\(largest.name))."
        let tail = valuations.map { "\($0.name) valued at \($0.value)\($0.date.map { " " + when($0) } ?? "")" }.joined(separator: "; ")
        return tail.isEmpty ? head : head + " " + tail + "."
    }

    /// The title of one mark, shown on hover: "Leading AI startups: 40%".
    func markTitle(_ label: String, _ value: String) -> String {
        label + (zh ? "：" : ": ") + value
    }

    /// The title of one round's dot: "MiniMax Series A, March 2024: $600M; valued at $2.5B".
    func roundTitle(name: String, date: String?, amount: String, valuation: String?) -> String {
        if zh {
            return name + (date.map { "，\($0)" } ?? "") + "：" + amount + (valuation.map { "；估值 \($0)" } ?? "")
        }
        return name + (date.map { ", \($0)" } ?? "") + ": " + amount + (valuation.map { "; valued at \($0)" } ?? "")
    }

    /// "on 16 June 2024" for a day, "in June 2024" for a month or a year.
    func when(_ date: String) -> String {
        date.first?.isNumber == true && date.contains(" ") ? "on " + date : "in " + date
    }

    func span(_ first: String, _ last: String) -> String {
        first == last ? first : (zh ? "\(first)至\(last)" : "\(first) to \(last)")
    }

    var amountRaised: String { zh ? "融资额" : "amount raised" }
    var undated: String { zh ? "日期不详" : "undated" }
    var valuation: String { zh ? "估值" : "valuation" }
    var logScale: String { zh ? "对数刻度" : "log scale" }
    var getTheData: String { zh ? "下载数据（CSV）" : "Get the data (CSV)" }
    var linkToChart: String { zh ? "此图的链接" : "Link to this chart" }
    var dataTable: String { zh ? "数据表" : "Data table" }
    var source: String { zh ? "来源：" : "Source: " }
    var timelineHeaders: [String] {
        zh ? ["公司", "轮次", "日期", "金额", "估值", "精确金额"] : ["Company", "Round", "Date", "Amount", "Valuation", "Exact amount"]
    }
    var headers: [String] { zh ? ["项目", "数值", "精确数值"] : ["Item", "Value", "Exact value"] }
}
