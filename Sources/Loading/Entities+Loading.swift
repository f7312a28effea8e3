import Diagnostics
import Markup
import Model

extension Entity {
    static let fields = ["aliases", "url", "about", "slug"]

    /// Reads `Content/entities.yaml`: `Name: { aliases: […], url: …, about: … }` per entity.
    public static func loadAll(from source: SourceText) -> ([Entity], [Diagnostic]) {
        var reader = FieldReader(source: source, lineOffset: 0)
        guard let root = reader.parse(source.text) else { return ([], reader.diagnostics) }
        guard case .mapping(let mapping) = root.content else {
            reader.error(at: root, field: "", "expected one entry per company, such as MiniMax: { aliases: [Xiyu Technology] }")
            return ([], reader.diagnostics)
        }
        var entities: [Entity] = []
        var claimed: [String: (entity: String, line: Int)] = [:]
        for (key, value) in mapping {
            guard let name = reader.string(key, field: "") else { continue }
            var entity = Entity(name: name, slug: Slug.make(from: name))
            if let object = value.scalarText?.isEmpty == true ? nil : reader.object(value, field: name, allowed: fields) {
                entity.aliases = object["aliases"].map { reader.strings($0, field: object.path("aliases")) } ?? []
                entity.url = object["url"].flatMap { reader.url($0, field: object.path("url")) }
                entity.about = object["about"].flatMap { reader.string($0, field: object.path("about")) }
                if let slugNode = object["slug"], let slug = reader.string(slugNode, field: object.path("slug")) {
                    if Slug.isValid(slug) { entity.slug = slug } else {
                        reader.error(at: slugNode, field: object.path("slug"), "\"\(slug)\" is not a valid slug: use lowercase letters, digits and single hyphens")
                    }
                }
            }
            if entity.slug.isEmpty {
                reader.error(at: key, field: name, "cannot make a URL slug from \"\(name)\"; add slug: …")
                continue
            }
            let line = reader.location(of: key).line
            for alias in [name] + entity.aliases {
                let normalized = EntityName.normalize(alias)
                if let earlier = claimed[normalized], earlier.entity != name {
                    reader.error(at: key, field: name, "\"\(alias)\" already names \(earlier.entity) (line \(earlier.line)); a name or alias may belong to one entity only")
                } else {
                    claimed[normalized] = (name, line)
                }
            }
            entities.append(entity)
        }
        return (entities, reader.diagnostics)
    }
}

