import Diagnostics
import Foundation
import Model
import Money

/// The article a fact comes from.
public struct ArticleReference: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var path: String
    public var date: CalendarDate
}

/// One fact, with the article it comes from and the entity it is about.
public struct FactRecord: Sendable, Equatable {
    public var article: ArticleReference
    public var fact: Fact
    public var entity: Entity?
    /// Set when another place reports this round differently: which, and how.
    public var conflictNote: String?
}

/// Every fact of the site, resolved to entities and checked across articles.
public struct FactDatabase: Sendable {
    /// In article order (newest first), then in the order written.
    public let records: [FactRecord]
    public let entities: EntityIndex
    /// Rounds reported differently in two places, found once when the database is built.
    let fundingConflicts: [FundingConflict]
    private let conflictWarnings: [Diagnostic]

    public init(content: SiteContent) {
        let names = content.articles.flatMap { $0.facts.compactMap(\.entityName) }
        let entities = EntityIndex(listed: content.entities, names: names)
        // Thousands of facts name the same few hundred companies: each name is resolved once.
        var resolved: [String: Entity?] = [:]
        func entity(named name: String) -> Entity? {
            if let known = resolved[name] { return known }
            let entity = entities.entity(named: name)
            resolved[name] = entity
            return entity
        }
        var records: [FactRecord] = []
        var ranges: [String: Range<Int>] = [:]
        records.reserveCapacity(content.articles.reduce(0) { $0 + $1.facts.count })
        for article in content.articles {
            let reference = ArticleReference(slug: article.slug, title: article.title, path: article.path, date: article.date)
            let start = records.count
            for fact in article.facts {
                records.append(FactRecord(article: reference, fact: fact, entity: fact.entityName.flatMap(entity(named:))))
            }
            if ranges[article.slug] == nil { ranges[article.slug] = start..<records.count }
        }
        self.init(
            records: records, entities: entities, entitiesByWrittenName: resolved.compactMapValues { $0 }, articleRecords: ranges,
            fundingOrder: Self.fundingOrder(of: records))
    }

    /// The database of `content`, made from `previous`, the database of `before`, after an edit that
    /// changed some articles' titles, dates or facts but kept every article in its place with as many
    /// facts naming the same companies (so the entity index stays): only those articles' records are
    /// made again, and conflicts are found anew. `nil` when the edit did more.
    public init?(content: SiteContent, updating previous: FactDatabase, of before: SiteContent) {
        guard content.entities == before.entities, content.articles.count == before.articles.count else { return nil }
        var records = previous.records
        var sameKinds = true
        let (articles, earlier) = (content.articles, before.articles)
        for index in articles.indices {
            guard articles[index].slug == earlier[index].slug, articles[index].path == earlier[index].path else { return nil }
            if articles[index].title == earlier[index].title, articles[index].date == earlier[index].date, articles[index].facts == earlier[index].facts {
                continue
            }
            let (now, then) = (articles[index], earlier[index])
            guard let range = previous.articleRecords[now.slug], range.count == now.facts.count, now.facts.count == then.facts.count,
                now.facts.map(\.entityName) == then.facts.map(\.entityName)
            else { return nil }
            sameKinds = sameKinds && now.facts.map(\.kind) == then.facts.map(\.kind)
            let reference = ArticleReference(slug: now.slug, title: now.title, path: now.path, date: now.date)
            for (offset, fact) in now.facts.enumerated() {
                records[range.lowerBound + offset] = FactRecord(article: reference, fact: fact, entity: previous.entity(of: fact))
            }
        }
        // Funding rounds keep their order by place when every fact kept its kind: the files and the order within each are the same.
        self.init(
            records: records, entities: previous.entities, entitiesByWrittenName: previous.entitiesByWrittenName,
            articleRecords: previous.articleRecords, fundingOrder: sameKinds ? previous.fundingOrder : Self.fundingOrder(of: records))
    }

    /// Finds conflicts among `records` and notes them on the records; counts kinds and companies.
    private init(
        records: [FactRecord], entities: EntityIndex, entitiesByWrittenName: [String: Entity], articleRecords: [String: Range<Int>], fundingOrder: [Int]
    ) {
        var records = records
        let conflicts = Self.findConflicts(in: records, order: fundingOrder)
        let notes = Self.notes(for: conflicts)
        var kindCounts: [Fact.Kind: Int] = [:]
        var entitySlugs: Set<String> = []
        for index in records.indices {
            records[index].conflictNote = notes.isEmpty ? nil : notes[Self.key(records[index])]
            kindCounts[records[index].fact.kind, default: 0] += 1
            if let slug = records[index].entity?.slug { entitySlugs.insert(slug) }
        }
        self.records = records
        self.entities = entities
        self.entitiesByWrittenName = entitiesByWrittenName
        self.fundingConflicts = conflicts
        self.conflictWarnings = Self.warnings(for: conflicts)
        self.articleRecords = articleRecords
        self.fundingOrder = fundingOrder
        self.kindCounts = kindCounts
        self.entitySlugs = entitySlugs
    }

    /// Where each article's records are in `records`, by article slug.
    private let articleRecords: [String: Range<Int>]

    /// Positions of the funding records, in the order of their places in the files.
    private let fundingOrder: [Int]

    private static func fundingOrder(of records: [FactRecord]) -> [Int] {
        records.indices.filter { records[$0].fact.kind == .funding }.sorted { records[$0].fact.location < records[$1].fact.location }
    }

    /// The records of one article's facts, in the order written.
    public func records(ofArticle slug: String) -> ArraySlice<FactRecord> {
        articleRecords[slug].map { records[$0] } ?? []
    }

    /// The entity each company or employer name written in a fact resolves to.
    private let entitiesByWrittenName: [String: Entity]

    /// The entity a fact's company or employer name resolves to, looked up once when the database was built.
    public func entity(of fact: Fact) -> Entity? {
        fact.entityName.flatMap { entitiesByWrittenName[$0] ?? entities.entity(named: $0) }
    }

    /// How many facts there are of `kind`.
    public func count(of kind: Fact.Kind) -> Int { kindCounts[kind] ?? 0 }

    /// How many facts there are of each kind, counted once.
    private let kindCounts: [Fact.Kind: Int]

    /// Slugs of the entities at least one fact is about.
    public let entitySlugs: Set<String>

    /// Facts of one kind and/or about one entity (by name, alias or slug).
    public func records(kind: Fact.Kind? = nil, entity query: String? = nil) -> [FactRecord] {
        let entity = query.flatMap(entities.find)
        return records.filter { record in
            (kind == nil || record.fact.kind == kind) && (query == nil || (entity != nil && record.entity?.slug == entity?.slug))
        }
    }

    /// A fact's key across the site: article slug and fact id.
    public static func key(_ record: FactRecord) -> String { record.article.slug + "#" + record.fact.id }

    private static func notes(for conflicts: [FundingConflict]) -> [String: String] {
        var notes: [String: String] = [:]
        for conflict in conflicts {
            notes[key(conflict.record)] = "Conflicts with \(conflict.earlier.article.title): \(conflict.message)"
            notes[key(conflict.earlier)] = "Conflicts with \(conflict.record.article.title): \(conflict.message)"
        }
        return notes
    }

    /// Warnings for funding rounds of one entity that two places report differently.
    public func conflicts() -> [Diagnostic] { conflictWarnings }

    private static func warnings(for conflicts: [FundingConflict]) -> [Diagnostic] {
        conflicts.map { conflict in
            let place = "\(conflict.earlier.fact.location.path):\(conflict.earlier.fact.location.line)"
            return .warning(at: conflict.record.fact.location, field: "funding", "\(conflict.message) at \(place)")
        }
    }

    struct FundingConflict: Sendable {
        var record: FactRecord
        var earlier: FactRecord
        var message: String
    }

    /// `order`: the positions of the funding records by place (positions are sorted rather than records:
    /// moving large records costs more than comparing them).
    private static func findConflicts(in records: [FactRecord], order: [Int]) -> [FundingConflict] {
        var firstSeen: [String: FactRecord] = [:]
        var conflicts: [FundingConflict] = []
        for record in order.lazy.map({ records[$0] }) {
            guard case .funding(let round) = record.fact.detail, let entity = record.entity else { continue }
            let key = entity.slug + "\u{0}" + EntityName.normalizeRound(round.round)
            guard let earlier = firstSeen[key], case .funding(let earlierRound) = earlier.fact.detail else {
                firstSeen[key] = record
                continue
            }
            if !round.amount.sameValue(as: earlierRound.amount) {
                conflicts.append(FundingConflict(
                    record: record, earlier: earlier,
                    message: "\(entity.name) \(round.round): amount \(round.amount.written) differs from \(earlierRound.amount.written)"))
            }
            if let valuation = round.valuation, let earlierValuation = earlierRound.valuation, !valuation.sameValue(as: earlierValuation) {
                conflicts.append(FundingConflict(
                    record: record, earlier: earlier,
                    message: "\(entity.name) \(round.round): valuation \(valuation.written) differs from \(earlierValuation.written)"))
            }
        }
        return conflicts
    }
}

extension EntityName {
    /// `Series A`, `series-a` and `Series  A` are one round.
    static func normalizeRound(_ round: String) -> String {
        round.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }
}

extension Quantity {
    /// Whether two literals state the same value (`$600M` and `US$600 million`), whatever their wording.
    public func sameValue(as other: Quantity) -> Bool {
        low == other.low && (high ?? low) == (other.high ?? other.low) && unit == other.unit && period == other.period
    }
}
