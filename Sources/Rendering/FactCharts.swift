import Charts
import Diagnostics
import Foundation
import Markup
import Model
import Money

/// Turns fact blocks into chart specs: picks the chart kind, annualises pay, converts currencies.
struct FactCharts {
    let config: SiteConfig

    /// Everything an article can chart, in the order of its blocks (the "Key figures").
    static func subjects(of facts: [Fact]) -> [ChartRequest.Subject] {
        var subjects: [ChartRequest.Subject] = []
        if facts.contains(where: { $0.kind == .funding }) { subjects.append(.funding) }
        if facts.contains(where: { $0.kind == .salary }) { subjects.append(.salaries) }
        for fact in facts {
            if case .distribution = fact.detail { subjects.append(.distribution(id: fact.id)) }
        }
        var groups: [String] = []
        for fact in facts {
            if case .figure(let figure) = fact.detail, let group = figure.group, !groups.contains(group) { groups.append(group) }
        }
        for group in groups where facts.count(where: { fact in
            if case .figure(let figure) = fact.detail { figure.group == group } else { false }
        }) >= 2 {
            subjects.append(.figures(group: group))
        }
        return subjects
    }

    /// The spec for `subject`, or why it cannot be drawn. With `limit`, only the largest values are drawn
    /// (site-wide pages; their tables list everything).
    func spec(_ subject: ChartRequest.Subject, facts: [Fact], title: String?, type: String?, limit: Int? = nil) -> Result<ChartSpec, ChartProblem> {
        let result: Result<ChartSpec, ChartProblem>
        switch subject {
        case .funding: result = funding(facts, title: title, limit: limit)
        case .salaries: result = salaries(facts, title: title, limit: limit)
        case .distribution(let id): result = distribution(id, facts: facts, title: title)
        case .figures(let group): result = figures(group, facts: facts, title: title)
        }
        guard var spec = try? result.get() else { return result }
        spec.anchor = subject.description
        // One value is a sentence, not a chart: the facts table and the text carry it.
        if spec.rows.count == 1, spec.rows[0].secondary == nil {
            var problem = ChartProblem("one value is not a chart; give it in the text (the facts table lists it)")
            problem.isWarning = true
            problem.isOneValue = true
            return .failure(problem)
        }
        if let limit, spec.kind != .stacked, (spec.totalCount ?? spec.rows.count) > limit {
            let total = spec.totalCount ?? spec.rows.count
            spec.rows = Self.largest(limit, of: spec.rows) { Self.rank($0.low, $0.high) }
            spec.totalCount = total
            spec.notes.insert(
                config.language == .zh ? "图中为最大的 \(limit) 项（共 \(total) 项），下表列出全部。" : "The \(limit) largest of \(total) are shown; the table lists them all.",
                at: 0)
        }
        if let type, let kind = ChartSpec.Kind(rawValue: type) {
            guard Self.compatible(kind, with: spec) else {
                return .failure(ChartProblem("a \(type) chart cannot show \(subject); use \(spec.kind.rawValue)"))
            }
            spec.kind = kind
        }
        return .success(spec)
    }

    /// The `count` largest of `items` by `value`, largest first; equal values keep their order, as after a
    /// stable sort. One pass: site-wide charts pick a dozen of tens of thousands of rows.
    static func largest<Item>(_ count: Int, of items: [Item], by value: (Item) -> Decimal) -> [Item] {
        var top: [(value: Decimal, item: Item)] = []
        top.reserveCapacity(count + 1)
        for item in items {
            let itemValue = value(item)
            if top.count == count, let last = top.last, !(itemValue > last.value) { continue }
            var position = top.count
            while position > 0, top[position - 1].value < itemValue { position -= 1 }
            top.insert((itemValue, item), at: position)
            if top.count > count { top.removeLast() }
        }
        return top.map(\.item)
    }

    private static func compatible(_ kind: ChartSpec.Kind, with spec: ChartSpec) -> Bool {
        switch (kind, spec.kind) {
        case (let a, let b) where a == b: true
        case (.bars, .ranges): !spec.rows.contains { $0.high != nil }
        case (.ranges, .bars), (.bars, .comparison), (.ranges, .comparison): true
        case (.bars, .stacked), (.bars, .timeline): true
        default: false
        }
    }

    // MARK: Kinds

    /// The value rows are ranked by when only the largest are drawn.
    private static func rank(_ low: Decimal, _ high: Decimal?) -> Decimal { high.map { (low + $0) / 2 } ?? low }

    /// Positions of the `limit` largest of `values` (all of them without a limit), as `largest` orders them.
    private static func chosen(_ count: Int, limit: Int?, value: (Int) -> Decimal) -> [Int] {
        guard let limit, count > limit else { return Array(0..<count) }
        return largest(limit, of: Array(0..<count), by: value)
    }

    private func funding(_ facts: [Fact], title: String?, limit: Int? = nil) -> Result<ChartSpec, ChartProblem> {
        let rounds: [(Fact, FundingRound)] = facts.compactMap { fact in
            if case .funding(let round) = fact.detail { (fact, round) } else { nil }
        }
        guard !rounds.isEmpty else { return .failure(ChartProblem("there are no funding entries to chart")) }
        // Rounds over time when any round is dated (the others in an "undated" lane); otherwise bars by amount.
        let dated = rounds.contains { $0.1.date != nil }
        let amounts = rounds.flatMap { [$0.1.amount] + ($0.1.valuation.map { [$0] } ?? []) }
        let conversion: Conversion
        switch Conversion.make(for: amounts, config: config) {
        case .success(let made): conversion = made
        case .failure(let problem): return .failure(problem)
        }
        // Only the rows drawn are made: a site-wide chart draws a dozen of tens of thousands.
        let drawn = Self.chosen(rounds.count, limit: limit) { Self.rank(conversion.value(rounds[$0].1.amount.low, rounds[$0].1.amount), nil) }
        let rows = drawn.map { rounds[$0] }.map { fact, round in
            ChartRow(
                label: "\(round.company) \(round.round)", series: round.company, low: conversion.value(round.amount.low, round.amount),
                date: round.date.map(Self.fractionalYear), dateLabel: round.date.map(displayDate),
                secondary: round.valuation.map { conversion.value($0.low, $0) }, detail: round.round, written: round.amount.written)
        }
        // Rounds from other years are converted at the same rate: the chart says so rather than imply otherwise.
        var notes = conversion.notes
        let converted = rounds.filter { $0.1.amount.currency?.code != conversion.currency }
        if !notes.isEmpty, let asOf = config.currency.asOf, converted.contains(where: { $0.1.date?.year != asOf.year }) {
            notes.append(
                config.language == .zh
                    ? "其他年份的金额也按此同一汇率换算，而非当时的汇率。"
                    : "Amounts from other years are converted at this same rate, not at the rate of their date.")
        }
        var spec = ChartSpec(
            kind: dated ? .timeline : .bars, title: title ?? defaultTitle(.funding), rows: rows, unit: .money(currency: conversion.currency),
            notes: notes, source: sources(rounds.map(\.0)), language: language)
        if drawn.count < rounds.count { spec.totalCount = rounds.count }
        return .success(spec)
    }

    private func salaries(_ facts: [Fact], title: String?, limit: Int? = nil) -> Result<ChartSpec, ChartProblem> {
        let pays: [(Fact, Salary)] = facts.compactMap { fact in
            if case .salary(let salary) = fact.detail { (fact, salary) } else { nil }
        }
        guard !pays.isEmpty else { return .failure(ChartProblem("there are no salaries to chart")) }
        let conversion: Conversion
        switch Conversion.make(for: pays.map(\.1.pay), config: config) {
        case .success(let made): conversion = made
        case .failure(let problem): return .failure(problem)
        }
        let periods = Set(pays.compactMap(\.1.pay.period))
        let annualise = periods.count > 1
        var notes = conversion.notes
        if annualise { notes.append(annualisationNote(periods)) }
        func bounds(_ pay: Quantity) -> (Decimal, Decimal?) {
            if annualise, let annual = pay.annualized() { (annual.low, pay.isRange ? annual.high : nil) } else { (pay.low, pay.high) }
        }
        // Only the rows drawn are made: a site-wide chart draws a dozen of tens of thousands.
        let drawn = Self.chosen(pays.count, limit: limit) { index in
            let pay = pays[index].1.pay
            let (low, high) = bounds(pay)
            return Self.rank(conversion.value(low, pay), high.map { conversion.value($0, pay) })
        }
        let rows = drawn.map { pays[$0] }.map { fact, salary in
            let pay = salary.pay
            let (low, high) = bounds(pay)
            return ChartRow(
                label: [salary.role, salary.employer].compactMap { $0 }.joined(separator: ", "),
                low: conversion.value(low, pay), high: high.map { conversion.value($0, pay) }, written: pay.written,
                qualifier: pay.bound.phrase, openEnd: Self.openEnd(pay.bound))
        }
        let kind: ChartSpec.Kind = pays.contains { bounds($0.1.pay).1 != nil } ? .ranges : .bars
        var spec = ChartSpec(
            kind: kind, title: title ?? defaultTitle(.salaries), rows: rows, unit: .money(currency: conversion.currency),
            period: annualise ? "year" : periods.first?.rawValue, notes: notes, source: sources(pays.map(\.0)), language: language)
        if drawn.count < pays.count { spec.totalCount = pays.count }
        return .success(spec)
    }

    private func distribution(_ id: String, facts: [Fact], title: String?) -> Result<ChartSpec, ChartProblem> {
        guard let fact = facts.first(where: { $0.id == id }) else {
            let ids = facts.filter { $0.kind == .distribution }.map(\.id)
            return .failure(ChartProblem("no distribution \"\(id)\"\(Suggestion.hint(for: id, in: ids))\(ids.isEmpty ? "; this article has none" : "; this article has \(ids.joined(separator: ", "))")"))
        }
        guard case .distribution(let distribution) = fact.detail else {
            return .failure(ChartProblem("\"\(id)\" is a \(fact.kind.rawValue), not a distribution"))
        }
        let rows = distribution.buckets.map { ChartRow(label: $0.label, low: $0.share.low, written: $0.share.written) }
        return .success(ChartSpec(
            kind: .stacked, title: title ?? distribution.title, rows: rows, unit: .percent,
            notes: distribution.basis.map { [Self.sentence($0)] } ?? [], source: sources([fact]), language: language))
    }

    private func figures(_ group: String, facts: [Fact], title: String?) -> Result<ChartSpec, ChartProblem> {
        let members: [(Fact, Figure)] = facts.compactMap { fact in
            if case .figure(let figure) = fact.detail, figure.group == Slug.make(from: group) { (fact, figure) } else { nil }
        }
        guard !members.isEmpty else {
            var groups: [String] = []
            for fact in facts { if case .figure(let figure) = fact.detail, let g = figure.group, !groups.contains(g) { groups.append(g) } }
            return .failure(ChartProblem("no figures in group \"\(group)\"\(Suggestion.hint(for: group, in: groups))\(groups.isEmpty ? "" : "; groups here: \(groups.joined(separator: ", "))")"))
        }
        let units = Set(members.map { Self.unitKey($0.1.value.unit) })
        guard units.count == 1, let first = members.first?.1.value else {
            return .failure(ChartProblem("figures in group \"\(group)\" mix units (\(units.sorted().joined(separator: ", "))); a chart needs one unit"))
        }
        var labels: [String] = []
        for label in members.compactMap({ $0.1.unit?.trimmingCharacters(in: .whitespaces) }) where !labels.contains(label) { labels.append(label) }
        let dimensions = members.map { Self.dimension(of: $0.1.unit) }
        let labelled = members.indices.filter { !dimensions[$0].isEmpty }
        if let first = labelled.first, let odd = labelled.first(where: { dimensions[$0] != dimensions[first] }).map({ members[$0] }) {
            var problem = ChartProblem(
                "figures in group \"\(group)\" are in different units (\(labels.joined(separator: ", "))) and would share one axis; give them one unit or put them in separate groups")
            problem.isWarning = true
            problem.location = odd.0.location
            return .failure(problem)
        }
        let conversion: Conversion
        switch Conversion.make(for: members.map(\.1.value), config: config) {
        case .success(let made): conversion = made
        case .failure(let problem): return .failure(problem)
        }
        var rows = members.map { fact, figure in
            ChartRow(
                label: figure.label, low: conversion.value(figure.value.low, figure.value),
                high: figure.value.high.map { conversion.value($0, figure.value) }, written: figure.value.written,
                qualifier: figure.value.bound.phrase, openEnd: Self.openEnd(figure.value.bound))
        }
        let bases = Set(members.compactMap(\.1.of))
        var kind: ChartSpec.Kind = rows.contains { $0.high != nil } ? .ranges : .bars
        if first.isPercent, bases.count == 1, let base = bases.first, members.allSatisfy({ $0.1.of != nil }) {
            rows.insert(ChartRow(label: base, low: 100, isContext: true, written: "100%"), at: 0)
            kind = .comparison
        }
        let unit: ChartSpec.Unit =
            switch first.unit {
            case .percent: .percent
            case .money: .money(currency: conversion.currency)
            case .number: .number(label: members.first?.1.unit)
            }
        return .success(ChartSpec(
            kind: kind, title: title ?? Self.titleCase(group), rows: rows, unit: unit, notes: conversion.notes,
            source: sources(members.map(\.0)), language: language))
    }

    // MARK: Helpers

    /// "Annualised: 250 working days or 12 months a year.", naming only the periods the chart converts.
    private func annualisationNote(_ periods: Set<PayPeriod>) -> String {
        let convention = AnnualizationConvention.standard
        let used = PayPeriod.allCases.filter { periods.contains($0) && $0 != .year }
        let parts = used.map { period -> String in
            let count = DecimalText.grouped(convention.periods(of: period))
            switch (period, config.language) {
            case (.hour, .zh): return "\(count) 个工作小时"
            case (.day, .zh): return "\(count) 个工作日"
            case (.week, .zh): return "\(count) 周"
            case (.month, .zh), (.year, .zh): return "\(count) 个月"
            case (.hour, _): return "\(count) working hours"
            case (.day, _): return "\(count) working days"
            case (.week, _): return "\(count) weeks"
            case (.month, _), (.year, _): return "\(count) months"
            }
        }
        if config.language == .zh { return "按年计算：每年 \(parts.joined(separator: "、"))。" }
        let list = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " or " + (parts.last ?? "") : parts.joined()
        return "Annualised: \(list) a year."
    }

    var language: ChartLanguage { config.language == .zh ? .zh : .en }

    private func defaultTitle(_ subject: ChartRequest.Subject) -> String {
        switch (subject, config.language) {
        case (.funding, .en): "Funding rounds"
        case (.funding, .zh): "融资轮次"
        case (.salaries, .en): "Pay"
        case (.salaries, .zh): "薪酬"
        default: subject.description
        }
    }

    private func displayDate(_ date: CalendarDate) -> String {
        config.language == .zh ? date.longChinese : date.longEnglish
    }

    /// The distinct sources of the charted facts, in order.
    private func sources(_ facts: [Fact]) -> String? {
        var names: [String] = []
        for name in facts.compactMap(\.source?.name) where !names.contains(name) { names.append(name) }
        return names.isEmpty ? nil : names.joined(separator: "; ")
    }

    /// The side a bound leaves open: "over 30%" may be more, "under 10%" less; "about" is drawn as a value.
    static func openEnd(_ bound: Bound) -> ChartRow.OpenEnd? {
        switch bound {
        case .over, .atLeast: .above
        case .under, .atMost: .below
        case .exact, .about: nil
        }
    }

    static func fractionalYear(_ date: CalendarDate) -> Double {
        let month = date.precision >= .month ? Double(date.month - 1) : 6
        let day = date.precision == .day ? Double(date.day - 1) / 30 : 0.5
        return Double(date.year) + (month + day) / 12
    }

    /// Words for people that count as one unit: researchers and scientists share an axis, GPUs do not.
    private static let people: Set<String> = [
        "people", "person", "persons", "researchers", "scientists", "engineers", "employees", "staff", "workers",
        "hires", "recruits", "candidates", "graduates", "students", "interns", "executives", "users", "人", "名",
    ]

    /// What a figure counts: its unit label, with every word for people as "people"; `""` without one.
    private static func dimension(of unit: String?) -> String {
        guard let unit = unit?.trimmingCharacters(in: .whitespaces).lowercased() else { return "" }
        return people.contains(unit) ? "people" : unit
    }

    private static func unitKey(_ unit: QuantityUnit) -> String {
        switch unit {
        case .number: "number"
        case .percent: "percent"
        case .money: "money"
        }
    }

    private static func titleCase(_ slug: String) -> String {
        let words = slug.split(separator: "-").map(String.init)
        guard let first = words.first else { return slug }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }

    private static func sentence(_ text: String) -> String {
        let capitalised = text.prefix(1).uppercased() + text.dropFirst()
        return capitalised.hasSuffix(".") ? capitalised : capitalised + "."
    }
}

/// Why a chart cannot be drawn, in words for the editor.
struct ChartProblem: Error, Equatable {
    var message: String
    /// A missing exchange rate, which loading reports at each amount that needs it.
    var isReportedAtTheAmounts = false
    /// A chart that could be drawn but would mislead: a warning, and the chart is left out.
    var isWarning = false
    /// Only one value to draw: a fence is warned, Key figures and other pages simply have no chart.
    var isOneValue = false
    /// Where the cause is, when it is one fact rather than the request.
    var location: SourceLocation?
    init(_ message: String, isReportedAtTheAmounts: Bool = false) {
        self.message = message
        self.isReportedAtTheAmounts = isReportedAtTheAmounts
    }
}

/// Brings amounts in several currencies to one: the display currency, at the site's rates.
struct Conversion {
    let currency: String
    let rates: [String: Decimal]
    let notes: [String]

    /// No conversion when every amount shares one currency; otherwise to `currency.display`.
    static func make(for quantities: [Quantity], config: SiteConfig) -> Result<Conversion, ChartProblem> {
        let codes = Set(quantities.compactMap { $0.currency?.code })
        guard codes.count > 1 else { return .success(Conversion(currency: codes.first ?? config.currency.display, rates: [:], notes: [])) }
        let display = config.currency.display
        var rates: [String: Decimal] = [display: 1]
        for code in codes.sorted() where code != display {
            guard let rate = config.currency.rates[code] else {
                return .failure(ChartProblem("amounts in \(codes.sorted().joined(separator: " and ")) need converting to \(display), but site.yaml has no rate for \(code); add currency.rates.\(code)", isReportedAtTheAmounts: true))
            }
            rates[code] = rate
        }
        let pairs = codes.sorted().filter { $0 != display }.map { "1 \($0) = \(DecimalText.plain(rates[$0] ?? 1)) \(display)" }
        let date = config.currency.asOf.map { config.language == .zh ? "（\($0.longChinese)）" : " (rates of \($0.longEnglish))" } ?? ""
        let note = config.language == .zh
            ? "已按 \(pairs.joined(separator: "、")) 换算为 \(display)\(date)。"
            : "Converted to \(display) at \(pairs.joined(separator: ", "))\(date)."
        return .success(Conversion(currency: display, rates: rates, notes: [note]))
    }

    /// `value` of `quantity` in the chart's currency.
    func value(_ value: Decimal, _ quantity: Quantity) -> Decimal {
        guard let code = quantity.currency?.code, let rate = rates[code] else { return value }
        return value * rate
    }
}
