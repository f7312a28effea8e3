import Diagnostics
import Foundation
import Templating

/// The compiled Mustache templates of `Templates/`, shared by every render task.
public struct Theme: Sendable {
    let library: TemplateLibrary
    /// Template names, without `.mustache`, such as `article` or `partials/card`.
    public var templateNames: [String] { library.templateNames }

    /// Compiles every `*.mustache` under `folder`; syntax errors, and templates a page kind needs but
    /// the theme lacks, are located diagnostics.
    public static func load(from folder: URL, relativePath: String) -> (Theme?, [Diagnostic]) {
        var sources: [TemplateSource] = []
        var diagnostics: [Diagnostic] = []
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }
            .sorted()
        for file in files {
            let path = "\(relativePath)/\(file)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                let text = String(validating: data, as: UTF8.self)
            else {
                diagnostics.append(.error(at: SourceLocation(path: path), "cannot read this template as UTF-8 text"))
                continue
            }
            sources.append(TemplateSource(name: String(file.dropLast(".mustache".count)), path: path, text: text))
        }
        let (library, errors) = TemplateLibrary.compile(sources)
        diagnostics += errors.map { error in
            Diagnostic(.error, at: SourceLocation(path: error.path, line: error.line, column: error.column), "template syntax: \(error.message)", sourceLine: error.sourceLine)
        }
        let broken = Set(errors.map(\.path))
        for template in PageKind.templates.sorted() where !library.contains(template) && !broken.contains("\(relativePath)/\(template).mustache") {
            let pages = PageKind.allCases.filter { $0.template == template }.map(\.pagesDescription)
            diagnostics.append(.error(
                at: SourceLocation(path: "\(relativePath)/\(template).mustache"),
                "missing template: the theme needs \(template).mustache for \(pages.joined(separator: ", "))"))
        }
        var users: [String: [String]] = [:]
        for template in PageKind.templates.sorted() where library.contains(template) {
            for missing in library.missingReferences(of: template) { users[missing, default: []].append("\(template).mustache") }
        }
        for (missing, templates) in users.sorted(by: { $0.key < $1.key }) where !broken.contains("\(relativePath)/\(missing).mustache") {
            diagnostics.append(.error(
                at: SourceLocation(path: "\(relativePath)/\(missing).mustache"),
                "missing template: \(templates.joined(separator: ", ")) \(templates.count == 1 ? "uses" : "use") \(missing).mustache, which does not exist"))
        }
        var seen = Set<String>()
        diagnostics = diagnostics.filter { seen.insert($0.description).inserted }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (Theme(library: library), diagnostics)
    }

    /// Renders the template `name` with `context`, as UTF-8 bytes.
    func render(_ name: String, _ context: TemplateValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(32 * 1024)
        library.render(name, context, into: &output)
        return output
    }

    /// The ids that pages of `kind` carry from their templates (`id="facts"`), which a heading in a
    /// body must not take: read from the templates themselves, so a theme's own ids are always known.
    public func reservedIDs(for kind: PageKind) -> Set<String> {
        var ids = Set<String>()
        for text in library.staticText(of: kind.template) {
            var rest = Substring(text)
            while let start = rest.range(of: " id=\"") {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                ids.insert(String(rest[..<end]))
                rest = rest[rest.index(after: end)...]
            }
        }
        return ids
    }
}

extension PageKind {
    /// The pages of this kind, for messages about the theme.
    var pagesDescription: String {
        switch self {
        case .home: "the front page"
        case .article: "article pages"
        case .page: "plain pages"
        case .notFound: "the 404 page"
        case .companies: "the list of companies"
        case .company: "company pages"
        case .funding: "the funding table"
        case .salaries: "the salaries table"
        case .tags: "the list of tags"
        case .tag: "tag pages"
        }
    }
}
