import Diagnostics
import Facts
import Loading
import Model

/// `sitegen facts`: the fact database, filtered, as JSON or CSV.
public struct FactQuery: Sendable {
    public enum Format: Sendable { case json, csv }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        /// Set when `--entity` names no company: a usage error, with the names that exist.
        public var unknownEntity: String?
        var records: [FactRecord]?
        var config: SiteConfig?

        /// The export text, or `nil` when the content has errors.
        public func output(_ format: Format) -> String? {
            guard let records, let config, !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
            return format == .json ? FactExport.json(records, site: config) : FactExport.csv(records)
        }
    }

    public var layout: SiteLayout
    public var includeDrafts: Bool

    public init(layout: SiteLayout, includeDrafts: Bool = false) {
        self.layout = layout
        self.includeDrafts = includeDrafts
    }

    public func run(kind: Fact.Kind?, entity: String?) -> Result {
        let (content, diagnostics) = ContentLoader(layout: layout, includeDrafts: includeDrafts).load()
        guard let content else { return Result(diagnostics: diagnostics.sorted()) }
        let database = FactDatabase(content: content)
        var result = Result(
            diagnostics: (diagnostics + database.conflicts()).sorted(), records: database.records(kind: kind, entity: entity),
            config: content.config)
        if let entity, database.entities.find(entity) == nil {
            let names = database.entities.entities.map(\.name)
            result.unknownEntity = "no company named \"\(entity)\"\(Suggestion.hint(for: entity, in: names)); known: \(names.joined(separator: ", "))"
        }
        return result
    }
}
