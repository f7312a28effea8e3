import Diagnostics
import Foundation
import Markup
import Mustache

/// The compiled Mustache templates of `Templates/`, shared by every render task.
public struct Theme: Sendable {
    /// Templates every site needs; a theme missing one cannot build.
    public static let requiredTemplates = ["layout", "index", "article", "page", "404"]

    let library: MustacheLibrary
    /// Template names, without `.mustache`, such as `article` or `partials/card`.
    public let templateNames: [String]

    /// Escaping for `{{value}}` through the site's one escape function, which scans bytes instead of
    /// looking up every character in a dictionary (a fifth of template time on large sites).
    struct HTMLEscaping: MustacheContentType {
        static let name = "SITEGEN_HTML"
        func escapeText(_ text: String) -> String { escape(text) }
    }

    /// Put before every template so its `{{value}}`s use `HTMLEscaping`; on the first line, so that
    /// line numbers stay as the editor sees them.
    static let pragma = "{{% CONTENT_TYPE: \(HTMLEscaping.name) }}"

    private static let registration: Void = MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)

    /// Compiles every `*.mustache` under `folder`; syntax errors are located diagnostics.
    public static func load(from folder: URL, relativePath: String) -> (Theme?, [Diagnostic]) {
        _ = registration
        var templates: [String: MustacheTemplate] = [:]
        var diagnostics: [Diagnostic] = []
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }
            .sorted()
        for file in files {
            let name = String(file.dropLast(".mustache".count))
            let path = "\(relativePath)/\(file)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(.error(at: SourceLocation(path: path), "cannot read this template as UTF-8 text"))
                continue
            }
            do {
                templates[name] = try MustacheTemplate(string: pragma + text)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = error.context.columnNumber + 1 - (line == 1 ? pragma.count : 0)
                let location = SourceLocation(path: path, line: line, column: max(column, 1))
                diagnostics.append(
                    Diagnostic(.error, at: location, "template syntax: \(describe(error.error))", sourceLine: line == 1 ? String(error.context.line.dropFirst(pragma.count)) : error.context.line))
            } catch {
                diagnostics.append(.error(at: SourceLocation(path: path), "template syntax: \(error)"))
            }
        }
        for required in requiredTemplates where templates[required] == nil && !diagnostics.contains(where: { $0.location.path.hasSuffix("/\(required).mustache") }) {
            diagnostics.append(.error(at: SourceLocation(path: "\(relativePath)/\(required).mustache"), "missing template: the theme needs \(required).mustache"))
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (Theme(library: MustacheLibrary(templates: templates), templateNames: templates.keys.sorted()), diagnostics)
    }

    /// Renders `context` with the template `name`.
    func render(_ context: [String: Any], template name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag {{/…}} does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section {{#…}} or {{^…}} is never closed with {{/…}}"
        case .invalidSetDelimiter: return "the delimiter change {{=… …=}} is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inherited block"
        case .illegalTokenInsideInheritSection: return "only {{$block}} overrides may appear inside {{<parent}}"
        case .textInsideInheritSection: return "text outside {{$block}} overrides is not allowed inside {{<parent}}"
        case .invalidConfigVariableSyntax: return "the {{% pragma }} is malformed"
        case .unrecognisedConfigVariable: return "unknown {{% pragma }}"
        @unknown default: return "\(error)"
        }
    }
}
