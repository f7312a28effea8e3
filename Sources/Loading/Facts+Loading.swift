import Diagnostics
import Foundation
import Markup
import Model
import Money

/// Reads the four fact blocks of an article's front matter.
struct FactReader {
    static let blocks = Fact.Kind.allCases.map(\.block)
    static let fundingFields = ["id", "company", "round", "date", "amount", "valuation", "investors", "note", "source"]
    static let salaryFields = ["id", "role", "employer", "pay", "note", "source"]
    static let distributionFields = ["id", "title", "basis", "buckets", "note", "source"]
    static let bucketFields = ["label", "share"]
    static let figureFields = ["id", "label", "value", "unit", "group", "of", "date", "company", "note", "source"]

    /// The article's own source, which facts inherit.
    let articleSource: SourceReference?
    private var facts: [Fact] = []
    private var idLocations: [String: SourceLocation] = [:]
    /// Explicit ids and field paths (`funding[0]`) of entries that could not be read.
    private(set) var unreadableIDs: Set<String> = []

    init(articleSource: SourceReference?) {
        self.articleSource = articleSource
    }

    /// Every fact of every block in `object`, in block order, with unique ids.
    mutating func read(_ object: YAMLObject, reader: inout FieldReader) -> [Fact] {
        for kind in Fact.Kind.allCases {
            guard let node = object[kind.block] else { continue }
            guard case .sequence(let entries) = node.content else {
                reader.error(at: node, field: kind.block, "expected a list of \(kind.block) entries, each starting with \"- \", found \(reader.describe(node))")
                continue
            }
            for (index, entry) in entries.enumerated() {
                let field = "\(kind.block)[\(index)]"
                if let fact = readFact(kind, entry, field: field, reader: &reader) { facts.append(fact) }
            }
        }
        return facts
    }

    private mutating func readFact(_ kind: Fact.Kind, _ node: YAMLNode, field: String, reader: inout FieldReader) -> Fact? {
        let allowed: [String] =
            switch kind {
            case .funding: Self.fundingFields
            case .salary: Self.salaryFields
            case .distribution: Self.distributionFields
            case .figure: Self.figureFields
            }
        guard let object = reader.object(node, field: field, allowed: allowed) else {
            unreadableIDs.insert(field)
            return nil
        }
        let detail: Fact.Detail? =
            switch kind {
            case .funding: readFunding(object, reader: &reader).map(Fact.Detail.funding)
            case .salary: readSalary(object, reader: &reader).map(Fact.Detail.salary)
            case .distribution: readDistribution(object, reader: &reader).map(Fact.Detail.distribution)
            case .figure: readFigure(object, reader: &reader).map(Fact.Detail.figure)
            }
        let id = readID(object, default: detail.flatMap(Self.defaultID), kind: kind, reader: &reader)
        let source = object["source"].flatMap { reader.sourceReference($0, field: object.path("source")) } ?? articleSource
        let note = object["note"].flatMap { reader.string($0, field: object.path("note")) }
        guard let detail, let id else {
            if let explicit = object["id"]?.scalarText?.trimmingSpaces() {
                // Links may use the id the error suggests.
                unreadableIDs.formUnion([explicit, Slug.make(from: explicit)])
            }
            unreadableIDs.insert(field)
            return nil
        }
        var fact = Fact(id: id, detail: detail, source: source, note: note, location: reader.location(of: node))
        fact.amounts = Self.amounts(of: detail).compactMap { key, quantity in
            guard let quantity, quantity.currency != nil, let node = object[key] else { return nil }
            return Fact.WrittenAmount(field: object.path(key), location: reader.location(of: node), quantity: quantity)
        }
        return fact
    }

    /// The fields of a fact that may hold money, with their values.
    private static func amounts(of detail: Fact.Detail) -> [(String, Quantity?)] {
        switch detail {
        case .funding(let round): [("amount", round.amount), ("valuation", round.valuation)]
        case .salary(let salary): [("pay", salary.pay)]
        case .distribution: []
        case .figure(let figure): [("value", figure.value)]
        }
    }

    // MARK: Blocks

    private func readFunding(_ object: YAMLObject, reader: inout FieldReader) -> FundingRound? {
        let company = reader.require(object, "company").flatMap { reader.string($0, field: object.path("company")) }
        let round = reader.require(object, "round").flatMap { reader.string($0, field: object.path("round")) }
        let amount = reader.require(object, "amount").flatMap { reader.money($0, field: object.path("amount"), period: .forbidden) }
        let valuation = object["valuation"].flatMap { reader.money($0, field: object.path("valuation"), period: .forbidden) }
        let date = object["date"].flatMap { reader.date($0, field: object.path("date")) }
        let investors = object["investors"].map { reader.strings($0, field: object.path("investors")) } ?? []
        guard let company, let round, let amount else { return nil }
        return FundingRound(
            company: company, round: round, amount: amount, date: date, valuation: valuation,
            investors: investors.map(Self.investor))
    }

    private func readSalary(_ object: YAMLObject, reader: inout FieldReader) -> Salary? {
        let role = reader.require(object, "role").flatMap { reader.string($0, field: object.path("role")) }
        let employer = object["employer"].flatMap { reader.string($0, field: object.path("employer")) }
        let pay = reader.require(object, "pay").flatMap { reader.money($0, field: object.path("pay"), period: .required) }
        guard let role, let pay else { return nil }
        return Salary(role: role, employer: employer, pay: pay)
    }

    private func readDistribution(_ object: YAMLObject, reader: inout FieldReader) -> Distribution? {
        let title = reader.require(object, "title").flatMap { reader.string($0, field: object.path("title")) }
        let basis = object["basis"].flatMap { reader.string($0, field: object.path("basis")) }
        _ = reader.require(object, "id")
        guard let bucketsNode = reader.require(object, "buckets") else { return nil }
        guard case .sequence(let entries) = bucketsNode.content, !entries.isEmpty else {
            reader.error(at: bucketsNode, field: object.path("buckets"), "expected a list of buckets such as - { label: below ¥20k, share: 32.45% }")
            return nil
        }
        var buckets: [Distribution.Bucket] = []
        var restIndex: Int?
        var restNode: YAMLNode?
        var valid = true
        for (index, entry) in entries.enumerated() {
            let field = object.path("buckets[\(index)]")
            guard let bucket = reader.object(entry, field: field, allowed: Self.bucketFields) else {
                valid = false
                continue
            }
            let label = reader.require(bucket, "label").flatMap { reader.string($0, field: bucket.path("label")) }
            guard let shareNode = reader.require(bucket, "share"), let label else {
                valid = false
                continue
            }
            if shareNode.scalarText?.trimmingSpaces().lowercased() == "rest" {
                if restIndex != nil {
                    reader.error(at: shareNode, field: bucket.path("share"), "only one bucket may take the \"rest\"")
                    valid = false
                }
                restIndex = buckets.count
                restNode = shareNode
                buckets.append(Distribution.Bucket(label: label, share: Quantity(low: 0, unit: .percent, written: "rest"), isRest: true))
            } else if let share = reader.percent(shareNode, field: bucket.path("share")) {
                buckets.append(Distribution.Bucket(label: label, share: share))
            } else {
                valid = false
            }
        }
        guard valid, let title else { return nil }
        let total = buckets.filter { !$0.isRest }.reduce(Decimal(0)) { $0 + $1.share.low }
        if let restIndex, let restNode {
            let rest = 100 - total
            guard rest >= 0 else {
                reader.error(at: restNode, field: object.path("buckets[\(restIndex)].share"), "the other shares already add up to \(DecimalText.plain(total))%, so nothing is left for \"rest\"")
                return nil
            }
            buckets[restIndex].share = Quantity(low: rest, unit: .percent, written: "rest")
        } else if total - 100 > Decimal(sign: .plus, exponent: -1, significand: 5) {
            reader.error(
                at: bucketsNode, field: object.path("buckets"),
                "shares add up to \(DecimalText.plain(total))%, more than 100%; a share is wrong or a bucket is counted twice")
            return nil
        } else if abs(total - 100) > Decimal(sign: .plus, exponent: -1, significand: 5) {
            reader.warning(at: bucketsNode, field: object.path("buckets"), "shares add up to \(DecimalText.plain(total))%, not 100%; fix a share or add a bucket with share: rest")
        }
        return Distribution(title: title, buckets: buckets, basis: basis)
    }

    private func readFigure(_ object: YAMLObject, reader: inout FieldReader) -> Figure? {
        let label = reader.require(object, "label").flatMap { reader.string($0, field: object.path("label")) }
        let value = reader.require(object, "value").flatMap { reader.quantity($0, field: object.path("value")) }
        let unit = object["unit"].flatMap { reader.string($0, field: object.path("unit")) }
        let group = object["group"].flatMap { reader.string($0, field: object.path("group")) }
        let of = object["of"].flatMap { reader.string($0, field: object.path("of")) }
        let date = object["date"].flatMap { reader.date($0, field: object.path("date")) }
        let company = object["company"].flatMap { reader.string($0, field: object.path("company")) }
        guard let label, let value else { return nil }
        return Figure(label: label, value: value, unit: unit, group: group.map { Slug.make(from: $0) }, of: of, date: date, company: company)
    }

    // MARK: Ids

    /// The id a fact gets when it has none: made from the fields that name it. Distributions need an explicit id.
    static func defaultID(_ detail: Fact.Detail) -> String? {
        switch detail {
        case .funding(let round): Slug.make(from: "\(round.company) \(round.round)")
        case .salary(let salary): Slug.make(from: [salary.employer, salary.role].compactMap { $0 }.joined(separator: " "))
        case .distribution: nil
        case .figure(let figure): Slug.make(from: figure.label)
        }
    }

    /// The explicit id, or the default one made unique with `-2`, `-3`…; repeated explicit ids are errors.
    /// The default is only made when there is no explicit id (slugs of non-Latin text are costly).
    private mutating func readID(
        _ object: YAMLObject, default makeFallback: @autoclosure () -> String?, kind: Fact.Kind, reader: inout FieldReader
    ) -> String? {
        if let node = object["id"] {
            guard let id = reader.string(node, field: object.path("id")) else { return nil }
            guard Slug.isValid(id) else {
                reader.error(at: node, field: object.path("id"), "\"\(id)\" is not a valid fact id: use lowercase letters, digits and single hyphens\(Suggestion.hint(for: id, in: [Slug.make(from: id)]))")
                return nil
            }
            let location = reader.location(of: node)
            if let earlier = idLocations[id] {
                reader.error(at: node, field: object.path("id"), "the fact id \"\(id)\" is already used on line \(earlier.line); ids must be unique within an article")
                return nil
            }
            idLocations[id] = location
            return id
        }
        guard let fallback = makeFallback() else { return nil }
        let base = fallback.isEmpty ? kind.rawValue : fallback
        var id = base
        var counter = 2
        while idLocations[id] != nil {
            id = "\(base)-\(counter)"
            counter += 1
        }
        idLocations[id] = reader.location(of: object.node)
        return id
    }

    /// `Alibaba (lead)` → Alibaba, leading the round.
    static func investor(_ text: String) -> FundingRound.Investor {
        let lowered = text.lowercased()
        for marker in ["(lead)", "（lead）", "(领投)"] where lowered.hasSuffix(marker) {
            return FundingRound.Investor(name: String(text.dropLast(marker.count)).trimmingSpaces(), isLead: true)
        }
        return FundingRound.Investor(name: text, isLead: false)
    }
}

extension FieldReader {
    enum PeriodRule { case required, forbidden }

    /// Any literal written as the news does: money, percentage or plain number.
    mutating func quantity(_ node: YAMLNode, field: @autoclosure () -> String) -> Quantity? {
        guard case .scalar(let text, let style) = node.content else {
            error(at: node, field: field(), "expected a number such as 600M, $600 million or 32.45%, found \(describe(node))")
            return nil
        }
        switch literals.reading(of: text) {
        case .success(let quantity):
            return quantity
        case .failure(let error):
            let quote = style == .singleQuoted || style == .doubleQuoted ? 1 : 0
            let location = location(of: node)
            append(.error(
                at: location.withColumn(location.column + quote + error.offset), field: field(),
                "cannot read \"\(text.trimmingSpaces())\": \(error.message)"))
            return nil
        }
    }

    /// An amount of money; pay needs a period, funding amounts must not have one.
    mutating func money(_ node: YAMLNode, field: @autoclosure () -> String, period rule: PeriodRule) -> Quantity? {
        guard let quantity = quantity(node, field: field()) else { return nil }
        guard quantity.currency != nil else {
            let example = rule == .required ? "¥5,000/day or $150k a year" : "$600M or 1 billion CNY"
            error(at: node, field: field(), "\"\(quantity.written)\" has no currency; write it as money, such as \(example)")
            return nil
        }
        switch (rule, quantity.period) {
        case (.required, nil):
            error(at: node, field: field(), "\"\(quantity.written)\" needs a pay period, such as /year, /month, /day or \"a year\"")
            return nil
        case (.forbidden, .some(let period)):
            error(at: node, field: field(), "\"\(quantity.written)\" is an amount, not pay: remove the period /\(period.rawValue)")
            return nil
        default:
            return quantity
        }
    }

    /// A percentage such as `32.45%`.
    mutating func percent(_ node: YAMLNode, field: @autoclosure () -> String) -> Quantity? {
        guard let quantity = quantity(node, field: field()) else { return nil }
        if quantity.unit == .number, !quantity.isRange {
            let name = field().split(separator: ".").last.map(String.init) ?? field()
            error(at: node, field: field(), "\"\(quantity.written)\" has no % sign; a share is a percentage: \(name): \(quantity.written)%")
            return nil
        }
        guard quantity.isPercent, !quantity.isRange else {
            error(at: node, field: field(), "expected a percentage such as 32.45% or the word rest, found \"\(quantity.written)\"")
            return nil
        }
        return quantity
    }
}
