/// Whether a literal states a value exactly or bounds it: `over 30%`, `up to $5M`, `about 22`.
public enum Bound: String, Sendable, CaseIterable {
    case exact, over, atLeast, under, atMost, about

    /// The English words written before the value in normalised text; empty for `exact`.
    public var phrase: String {
        switch self {
        case .exact: ""
        case .over: "over"
        case .atLeast: "at least"
        case .under: "under"
        case .atMost: "at most"
        case .about: "about"
        }
    }
}
