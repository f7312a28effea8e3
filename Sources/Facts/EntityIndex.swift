import Markup
import Model

/// Every entity of the site: those listed in entities.yaml, plus one per unlisted name a fact uses.
public struct EntityIndex: Sendable {
    /// Sorted by slug.
    public let entities: [Entity]
    private let byName: [String: Int]
    private let bySlug: [String: Int]

    /// Indexes `listed` and adds an entity for each of `names` that none of them answers to.
    public init(listed: [Entity], names: [String]) {
        var all = listed
        var byName: [String: Int] = [:]
        var bySlug: [String: Int] = [:]
        func register(_ index: Int) {
            bySlug[all[index].slug] = bySlug[all[index].slug] ?? index
            for name in [all[index].name] + all[index].aliases {
                byName[EntityName.normalize(name)] = byName[EntityName.normalize(name)] ?? index
            }
        }
        for index in all.indices { register(index) }
        for name in Self.spellings(names) where byName[EntityName.normalize(name)] == nil {
            let slug = Slug.make(from: name)
            if let existing = bySlug[slug] {
                byName[EntityName.normalize(name)] = existing
                continue
            }
            guard !slug.isEmpty else { continue }
            all.append(Entity(name: name, slug: slug, isListed: false))
            register(all.count - 1)
        }
        let order = all.indices.sorted { all[$0].slug < all[$1].slug }
        var position: [Int: Int] = [:]
        for (newIndex, oldIndex) in order.enumerated() { position[oldIndex] = newIndex }
        self.entities = order.map { all[$0] }
        self.byName = byName.compactMapValues { position[$0] }
        self.bySlug = bySlug.compactMapValues { position[$0] }
    }

    /// Each name once, the preferred spelling of names that differ only in case or spacing first, so an
    /// unlisted entity is named as most facts write it (`MiniMax` over one `MINIMAX`).
    static func spellings(_ names: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        func isMixedCase(_ name: String) -> Bool { name != name.uppercased() && name != name.lowercased() }
        return counts.keys.sorted { a, b in
            if counts[a] != counts[b] { return counts[a, default: 0] > counts[b, default: 0] }
            if isMixedCase(a) != isMixedCase(b) { return isMixedCase(a) }
            return a < b
        }
    }

    /// The entity a name or alias refers to, ignoring case and spacing.
    public func entity(named name: String) -> Entity? {
        byName[EntityName.normalize(name)].map { entities[$0] } ?? bySlug[Slug.make(from: name)].map { entities[$0] }
    }

    /// The entity with `slug`, or one answering to `name` as a name or alias.
    public func find(_ query: String) -> Entity? {
        entity(named: query) ?? bySlug[query.lowercased()].map { entities[$0] }
    }
}
