import Diagnostics
import Markup
import Model

extension Article {
    /// The front-matter fields of an article: its own, then the fact blocks.
    static let fields = ["title", "date", "summary", "tags", "source", "draft", "slug"] + FactReader.blocks

    /// Reads one article; returns it when its required fields are readable, plus every diagnostic.
    public static func load(from source: SourceText) -> (Article?, [Diagnostic]) {
        load(from: source, literals: LiteralReadings())
    }

    /// Reads one article, with the literals the other articles of the same load have read.
    static func load(from source: SourceText, literals: LiteralReadings) -> (Article?, [Diagnostic]) {
        let frontMatter: FrontMatter
        do {
            frontMatter = try FrontMatter(splitting: source)
        } catch {
            return (nil, [error])
        }
        var reader = FieldReader(source: source, lineOffset: frontMatter.yamlFirstLine - 1, literals: literals)
        guard frontMatter.isPresent else {
            reader.append(.error(at: SourceLocation(path: source.path), "an article starts with front matter: a line \"---\", then at least \"title:\" and \"date:\", then \"---\""))
            return (nil, reader.diagnostics)
        }
        guard let root = reader.parse(frontMatter.yaml) else {
            if reader.diagnostics.isEmpty {
                reader.append(.error(at: SourceLocation(path: source.path), "the front matter is empty; it needs at least \"title:\" and \"date:\""))
            }
            return (nil, reader.diagnostics)
        }
        guard let object = reader.object(root, field: "", allowed: fields) else { return (nil, reader.diagnostics) }

        let titleNode = reader.require(object, "title")
        let title = titleNode.flatMap { reader.string($0, field: "title") }
        let date = reader.require(object, "date").flatMap { reader.date($0, field: "date") }
        let summary = object["summary"].flatMap { reader.string($0, field: "summary") }
        let tags = object["tags"].map { reader.tags($0) } ?? []
        let sourceReference = object["source"].flatMap { reader.sourceReference($0, field: "source") }
        let isDraft = object["draft"].flatMap { reader.bool($0, field: "draft") } ?? false
        let (slug, slugNode) = reader.slug(object, title: title, titleNode: titleNode)
        var factReader = FactReader(articleSource: sourceReference)
        let facts = factReader.read(object, reader: &reader)

        guard let title, let date, let slug else { return (nil, reader.diagnostics) }
        let body = Body(markdown: frontMatter.body, origin: SourceLocation(path: source.path, line: frontMatter.bodyFirstLine))
        var article = Article(
            title: title, date: date, summary: summary, tags: tags, source: sourceReference, isDraft: isDraft,
            slug: slug, body: body, slugLocation: slugNode.map { reader.location(of: $0) } ?? SourceLocation(path: source.path),
            facts: facts)
        article.unreadableFactIDs = factReader.unreadableIDs
        return (article, reader.diagnostics)
    }
}

extension Page {
    static let fields = ["title", "summary", "draft", "slug"]

    /// Reads one plain page; front matter is optional, but a title is required.
    public static func load(from source: SourceText) -> (Page?, [Diagnostic]) {
        let frontMatter: FrontMatter
        do {
            frontMatter = try FrontMatter(splitting: source)
        } catch {
            return (nil, [error])
        }
        var reader = FieldReader(source: source, lineOffset: frontMatter.yamlFirstLine - 1)
        guard frontMatter.isPresent, let root = reader.parse(frontMatter.yaml) else {
            if reader.diagnostics.isEmpty {
                reader.append(.error(at: SourceLocation(path: source.path), field: "title", "a page needs front matter with at least \"title:\""))
            }
            return (nil, reader.diagnostics)
        }
        guard let object = reader.object(root, field: "", allowed: fields) else { return (nil, reader.diagnostics) }
        let titleNode = reader.require(object, "title")
        let title = titleNode.flatMap { reader.string($0, field: "title") }
        let summary = object["summary"].flatMap { reader.string($0, field: "summary") }
        let isDraft = object["draft"].flatMap { reader.bool($0, field: "draft") } ?? false
        let (slug, slugNode) = reader.slug(object, title: title, titleNode: titleNode)
        guard let title, let slug else { return (nil, reader.diagnostics) }
        let body = Body(markdown: frontMatter.body, origin: SourceLocation(path: source.path, line: frontMatter.bodyFirstLine))
        let page = Page(
            title: title, summary: summary, isDraft: isDraft, slug: slug, body: body,
            slugLocation: slugNode.map { reader.location(of: $0) } ?? SourceLocation(path: source.path))
        return (page, reader.diagnostics)
    }
}

extension FieldReader {
    /// The explicit `slug`, or one made from the title; with the node it came from.
    mutating func slug(_ object: YAMLObject, title: String?, titleNode: YAMLNode?) -> (String?, YAMLNode?) {
        if let node = object["slug"] {
            guard let text = string(node, field: "slug") else { return (nil, node) }
            guard Slug.isValid(text) else {
                let suggestion = Slug.make(from: text)
                let hint = suggestion.isEmpty ? "" : " (did you mean \"\(suggestion)\"?)"
                error(at: node, field: "slug", "\"\(text)\" is not a valid slug: use lowercase letters, digits and single hyphens, at most \(Slug.maximumLength) characters\(hint)")
                return (nil, node)
            }
            return (text, node)
        }
        guard let title, let titleNode else { return (nil, nil) }
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else {
            error(at: titleNode, field: "slug", "cannot make a URL slug from the title \"\(title)\"; add \"slug: …\" with lowercase letters, digits and hyphens")
            return (nil, titleNode)
        }
        return (slug, titleNode)
    }

    /// Tags as a list; each must give a non-empty slug.
    mutating func tags(_ node: YAMLNode) -> [String] {
        var tags: [String] = []
        let names = strings(node, field: "tags")
        for (index, name) in names.enumerated() {
            if Slug.make(from: name).isEmpty {
                let item = node.sequenceItems.flatMap { index < $0.count ? $0[index] : nil } ?? node
                error(at: item, field: "tags[\(index)]", "the tag \"\(name)\" has no letters or digits to make a URL from")
            } else if !tags.contains(name) {
                tags.append(name)
            }
        }
        return tags
    }

    /// `{ name, url, date }`; a bare text is taken as the name.
    mutating func sourceReference(_ node: YAMLNode, field: String) -> SourceReference? {
        if case .scalar = node.content { return string(node, field: field).map { SourceReference(name: $0) } }
        guard let object = object(node, field: field, allowed: ["name", "url", "date"]) else { return nil }
        let name = require(object, "name").flatMap { string($0, field: "\(field).name") }
        let url = object["url"].flatMap { self.url($0, field: "\(field).url") }
        let date = object["date"].flatMap { self.date($0, field: "\(field).date") }
        return name.map { SourceReference(name: $0, url: url, date: date) }
    }
}
