import Diagnostics
import Facts
import Markdown
import Model

/// Turns article and page bodies into HTML with the site's Markdown settings.
public struct BodyRenderer: Sendable {
    public var settings: SiteConfig.MarkdownSettings
    /// Ids the page templates use, which headings must not take.
    public static let reservedIDs: Set<String> = ["top", "main", "content", "facts", "key-figures", "toc", "site-header", "site-footer"]

    public init(settings: SiteConfig.MarkdownSettings) {
        self.settings = settings
    }

    /// Parses and renders one body; `fact:` links resolve against `facts`. Links to `unreadableFactIDs`
    /// (facts whose entries have errors of their own) are not reported again.
    public func render(_ body: Body, facts: [Fact] = [], unreadableFactIDs: Set<String> = []) -> RenderedMarkdown {
        let document = MarkdownDocument(parsing: body.markdown, options: ParseOptions(smartPunctuation: settings.smart))
        var renderer = HTMLRenderer(
            delegate: BodyDelegate(origin: body.origin, facts: facts, unreadableIDs: unreadableFactIDs),
            options: RenderOptions(allowsRawHTML: settings.unsafeHTML, reservedIDs: Self.reservedIDs),
            origin: body.origin)
        var rendered = renderer.render(document)
        rendered.diagnostics = rendered.diagnostics.map { withSourceLine($0, from: body) }
        return rendered
    }

    /// Attaches the offending line of the body, for the caret display.
    private func withSourceLine(_ diagnostic: Diagnostic, from body: Body) -> Diagnostic {
        let index = diagnostic.location.line - body.origin.line
        guard diagnostic.sourceLine.isEmpty, index >= 0 else { return diagnostic }
        var diagnostic = diagnostic
        var current = 0
        for line in body.markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == index {
                diagnostic.sourceLine = String(line)
                break
            }
            current += 1
        }
        return diagnostic
    }
}

/// Site-specific decisions while rendering a body.
struct BodyDelegate: MarkdownRenderingDelegate {
    let origin: SourceLocation
    let facts: [String: Fact]
    let unreadableIDs: Set<String>
    var diagnostics: [Diagnostic] = []

    init(origin: SourceLocation, facts: [Fact], unreadableIDs: Set<String> = []) {
        self.origin = origin
        self.facts = Dictionary(facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.unreadableIDs = unreadableIDs
    }

    /// Chart fences are placed by the chart stage; until a chart is drawn, the fence shows nothing.
    func html(forFence info: String, content: String, at point: SourcePoint) -> String? {
        info.split(separator: " ").first == "chart" ? "" : nil
    }

    /// `fact:ID` links go to the fact's row in the facts table; pretty links between pages
    /// (`../other/`) get an explicit `index.html`, so they also work over `file://`.
    mutating func decide(link destination: String, text: String, at point: SourcePoint) -> LinkDecision {
        if destination.hasPrefix("fact:") { return factLink(String(destination.dropFirst(5)), text: text, at: point) }
        guard let rewritten = Self.withIndexFile(destination) else { return .keep }
        return .rewrite(href: rewritten, title: nil)
    }

    private mutating func factLink(_ id: String, text: String, at point: SourcePoint) -> LinkDecision {
        let location = origin.shifted(lines: point.line - 1).withColumn(point.column)
        guard let fact = facts[id] else {
            if unreadableIDs.contains(id) { return .unlink }
            let hint = Suggestion.hint(for: id, in: facts.keys)
            let known = facts.isEmpty ? "this article has no facts" : "its facts are \(facts.keys.sorted().joined(separator: ", "))"
            diagnostics.append(.error(at: location, "link to unknown fact \"\(id)\"\(hint); \(known)"))
            return .unlink
        }
        if let disagreement = FactLinkCheck.disagreement(linkText: text, fact: fact) {
            diagnostics.append(.warning(at: location, disagreement))
        }
        let source = fact.source.map { " — \($0.name)" } ?? ""
        return .rewrite(href: "#fact-\(id)", title: "\(fact.written)\(source)")
    }

    static func withIndexFile(_ destination: String) -> String? {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("/"),
            !destination.contains(":")
        else { return nil }
        let cut = destination.firstIndex { $0 == "#" || $0 == "?" } ?? destination.endIndex
        let path = destination[..<cut]
        guard path.hasSuffix("/") || path == "." || path == ".." else { return nil }
        let folder = path.hasSuffix("/") ? path : path + "/"
        return folder + "index.html" + destination[cut...]
    }
}
