import Charts
import Diagnostics
import Facts
import Loading
import Markdown
import Markup
import Model

/// A rendered body with its charts: those placed by fences, and the "Key figures" for the rest.
public struct RenderedBody: Sendable {
    public var markdown: RenderedMarkdown
    /// Charts for fact blocks that no fence placed, in block order.
    public var keyFigures: [RenderedChart]
    /// Every chart on the page, placed or key figure.
    public var chartCount: Int
    /// Every id on the page a link may point at: headings, fact rows, the template's own.
    public var anchors: Set<String>
    /// Links to a `#fragment` of another page, checked once every page is rendered.
    public var fragmentLinks: [FragmentLink]
    /// Every link to another page of the site, as written: the body renders differently when one of
    /// them starts or stops leading somewhere.
    public var pageLinks: [String]
    /// Equal for two renderings that put the same HTML on the page (within one process).
    public var fingerprint: Int
}

/// A link to a section of a page, with where it was written.
public struct FragmentLink: Sendable {
    public var path: String?
    public var fragment: String
    public var location: SourceLocation
}

/// Turns article and page bodies into HTML with the site's Markdown settings.
public struct BodyRenderer: Sendable {
    public var config: SiteConfig
    /// False for `sitegen check`: charts are specified and validated, not drawn.
    public var drawsCharts: Bool
    public var settings: SiteConfig.MarkdownSettings { config.markdown }

    public init(config: SiteConfig, drawsCharts: Bool = true) {
        self.config = config
        self.drawsCharts = drawsCharts
    }

    /// Parses and renders one body; `fact:` links resolve against `facts`. Links to `unreadableFactIDs`
    /// (facts whose entries have errors of their own) are not reported again. Headings take no id of
    /// `reservedIDs`, the ids the page's template writes itself.
    public func render(
        _ body: Body, facts: [Fact] = [], unreadableFactIDs: Set<String> = [], links: LinkCheck? = nil, reservedIDs: Set<String> = []
    ) -> RenderedBody {
        let document = MarkdownDocument(parsing: body.markdown, options: ParseOptions(smartPunctuation: settings.smart))
        var renderer = HTMLRenderer(
            delegate: BodyDelegate(
                origin: body.origin, facts: facts, unreadableIDs: unreadableFactIDs, charts: FactCharts(config: config), links: links, drawsCharts: drawsCharts),
            options: RenderOptions(
                allowsRawHTML: settings.unsafeHTML, reservedIDs: reservedIDs.union(facts.map { "fact-\($0.id)" }),
                headingAnchorLabel: UIStrings(language: config.language).sectionLink),
            origin: body.origin)
        var rendered = renderer.render(document)
        var delegate = renderer.delegate
        let keyFigures = delegate.keyFigures()
        let ids = reservedIDs.union(rendered.headings.map(\.id)).union(facts.map { "fact-\($0.id)" })
        var late = delegate.lateDiagnostics
        var elsewhere: [FragmentLink] = []
        for link in delegate.fragmentLinks {
            if link.path == nil {
                if !ids.contains(link.fragment) {
                    late.append(.error(at: link.location, "broken link: this page has no section \"#\(link.fragment)\"\(Suggestion.hint(for: link.fragment, in: ids))"))
                }
            } else {
                elsewhere.append(link)
            }
        }
        rendered.diagnostics = (rendered.diagnostics + late).map { withSourceLine($0, from: body) }
        var hasher = Hasher()
        hasher.combine(rendered.html)
        for figure in keyFigures { hasher.combine(figure.html) }
        return RenderedBody(
            markdown: rendered, keyFigures: keyFigures, chartCount: delegate.chartCount,
            anchors: ids, fragmentLinks: elsewhere, pageLinks: delegate.pageLinks, fingerprint: hasher.finalize())
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
    let orderedFacts: [Fact]
    let unreadableIDs: Set<String>
    let charts: FactCharts
    let links: LinkCheck?
    let drawsCharts: Bool
    var diagnostics: [Diagnostic] = []
    private(set) var fragmentLinks: [FragmentLink] = []
    private(set) var pageLinks: [String] = []
    /// Problems found after the walk (key figures).
    var lateDiagnostics: [Diagnostic] = []
    private var placed: Set<ChartRequest.Subject> = []
    private var occurrences: [String: Int] = [:]
    private(set) var chartCount = 0

    init(
        origin: SourceLocation, facts: [Fact], unreadableIDs: Set<String> = [], charts: FactCharts, links: LinkCheck? = nil,
        drawsCharts: Bool = true
    ) {
        self.links = links
        self.drawsCharts = drawsCharts
        self.origin = origin
        self.orderedFacts = facts
        self.facts = Dictionary(facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.unreadableIDs = unreadableIDs
        self.charts = charts
    }

    /// A ```` ```chart ```` fence becomes the chart it asks for, at that place.
    mutating func html(forFence info: String, content: String, at point: SourcePoint) -> String? {
        guard info.split(separator: " ").first == "chart" else { return nil }
        let fenceLine = origin.line + point.line - 1
        let (request, problems) = ChartRequest.parse(content, path: origin.path, firstLine: fenceLine + 1)
        diagnostics += problems
        guard let request else { return "" }
        placed.insert(request.subject)
        switch charts.spec(request.subject, facts: orderedFacts, title: request.title, type: request.type) {
        case .success(var spec):
            if let note = request.note, !note.isEmpty { spec.notes.insert(note, at: 0) }
            return draw(spec)
        case .failure(let problem) where problem.isWarning:
            diagnostics.append(.warning(at: request.location, field: "chart.of", problem.message))
            return ""
        case .failure(let problem):
            if !problem.isReportedAtTheAmounts, !dependsOnUnreadableEntries(request.subject) {
                diagnostics.append(.error(at: request.location, field: "chart.of", problem.message))
            }
            return ""
        }
    }

    /// Whether entries the chart would draw have errors of their own, which are reported already.
    private func dependsOnUnreadableEntries(_ subject: ChartRequest.Subject) -> Bool {
        let block: String
        switch subject {
        case .funding: block = "funding"
        case .salaries: block = "salaries"
        case .distribution(let id):
            if unreadableIDs.contains(id) { return true }
            block = "distributions"
        case .figures: block = "figures"
        }
        return unreadableIDs.contains { $0.hasPrefix(block + "[") }
    }

    /// Charts for every chartable block that no fence placed.
    mutating func keyFigures() -> [RenderedChart] {
        FactCharts.subjects(of: orderedFacts).filter { !placed.contains($0) }.compactMap { subject in
            switch charts.spec(subject, facts: orderedFacts, title: nil, type: nil) {
            case .success(let spec):
                chartCount += 1
                guard drawsCharts else { return nil }
                let rendered = ChartRenderer().render(spec, occurrence: nextOccurrence(of: spec))
                return rendered
            case .failure(let problem) where problem.isReportedAtTheAmounts || problem.isOneValue:
                return nil
            case .failure(let problem):
                let location = problem.location ?? orderedFacts.first.map(\.location) ?? origin
                lateDiagnostics.append(.warning(at: location, field: subject.description, "no chart in Key figures: \(problem.message)"))
                return nil
            }
        }
    }

    private mutating func draw(_ spec: ChartSpec) -> String {
        chartCount += 1
        guard drawsCharts else { return "" }
        let rendered = ChartRenderer().render(spec, occurrence: nextOccurrence(of: spec))
        return rendered.html
    }

    private mutating func nextOccurrence(of spec: ChartSpec) -> Int {
        occurrences[spec.permalinkKey, default: 0] += 1
        return occurrences[spec.permalinkKey, default: 1]
    }

    /// `fact:ID` links go to the fact's row in the facts table; pretty links between pages
    /// (`../other/`) get an explicit `index.html`, so they also work over `file://`.
    mutating func decide(link destination: String, text: String, at point: SourcePoint) -> LinkDecision {
        if destination.hasPrefix("fact:") { return factLink(String(destination.dropFirst(5)), text: text, at: point) }
        guard let links else { return .keep }
        let location = origin.at(point)
        let outcome = links.resolve(destination)
        if outcome != .external { pageLinks.append(destination) }
        switch outcome {
        case .external:
            return .keep
        case .broken(let reason):
            diagnostics.append(.error(at: location, "broken link: \(reason)"))
            return .keep
        case .page(let target):
            if let fragment = target.fragment, !fragment.isEmpty {
                fragmentLinks.append(FragmentLink(path: target.path, fragment: fragment, location: location))
            }
            return target.href == destination ? .keep : .rewrite(href: target.href, title: nil)
        }
    }

    /// An image beside the page gets its pixel size; an image of a file the site does not have is an
    /// error, and one without alternative text a warning.
    mutating func decide(image source: String, alt: String, at point: SourcePoint) -> ImageDecision {
        let location = origin.at(point)
        if alt.allSatisfy(\.isWhitespace) {
            diagnostics.append(.warning(
                at: location, "this image has no alt text; describe what it shows between the brackets, ![…](\(source)), for readers who cannot see it"))
        }
        guard let links else { return .keep }
        let outcome = links.resolve(source)
        if outcome != .external { pageLinks.append(source) }
        switch outcome {
        case .external:
            return .keep
        case .broken(let reason):
            diagnostics.append(.error(at: location, "missing image: \(reason)"))
            return .keep
        case .page(let target):
            let size = target.path.flatMap { links.files[$0]?.image }
            if size == nil, target.href == source { return .keep }
            return .rewrite(source: URLSafety.encodeHref(target.href), width: size?.width, height: size?.height)
        }
    }

    private mutating func factLink(_ id: String, text: String, at point: SourcePoint) -> LinkDecision {
        let location = origin.at(point)
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
}
