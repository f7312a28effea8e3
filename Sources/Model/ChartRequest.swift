import Diagnostics

/// A ```` ```chart ```` fence in a body: which facts to draw, and how.
public struct ChartRequest: Sendable, Equatable, Hashable {
    /// The facts a chart draws (`of:`).
    public enum Subject: Sendable, Equatable, Hashable, CustomStringConvertible {
        case funding
        case salaries
        case distribution(id: String)
        case figures(group: String)

        /// Reads `funding`, `salaries`, `distribution:ID` or `figures:GROUP`.
        public init?(parsing text: String) {
            let parts = text.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces() }
            switch (parts.first, parts.count) {
            case ("funding", 1): self = .funding
            case ("salaries", 1): self = .salaries
            case ("distribution", 2) where !parts[1].isEmpty: self = .distribution(id: parts[1])
            case ("figures", 2) where !parts[1].isEmpty: self = .figures(group: parts[1])
            default: return nil
            }
        }

        public var description: String {
            switch self {
            case .funding: "funding"
            case .salaries: "salaries"
            case .distribution(let id): "distribution:\(id)"
            case .figures(let group): "figures:\(group)"
            }
        }
    }

    public var subject: Subject
    /// The editor's title, best a sentence stating the finding ("Pay for AI specialists doubled").
    public var title: String?
    /// The editor's note, shown under the chart before the generated notes and the source.
    public var note: String?
    /// A chart type asked for by name (`bars`, `ranges`, `timeline`, `stacked`, `comparison`).
    public var type: String?
    /// Where `of:` names the subject, for diagnostics about the data it finds.
    public var location: SourceLocation

    public init(subject: Subject, title: String? = nil, note: String? = nil, type: String? = nil, location: SourceLocation) {
        self.subject = subject
        self.note = note
        self.title = title
        self.type = type
        self.location = location
    }
}
