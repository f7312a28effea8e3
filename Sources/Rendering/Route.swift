/// Where a page lives in Output: `articles/minimax/index.html` is reached as `articles/minimax/`.
public struct Route: Hashable, Sendable, Comparable {
    /// Folder names from the site root; each is a validated slug or a fixed section name.
    public let segments: [String]
    /// The file inside the folder; `index.html` for pretty URLs.
    public let fileName: String

    public init(_ segments: [String], fileName: String = "index.html") {
        self.segments = segments
        self.fileName = fileName
    }

    public static let home = Route([])
    public static let notFound = Route([], fileName: "404.html")
    public static func article(_ slug: String) -> Route { Route(["articles", slug]) }
    public static func page(_ slug: String) -> Route { Route(["pages", slug]) }
    public static func tag(_ slug: String) -> Route { Route(["tags", slug]) }
    public static let tags = Route(["tags"])
    public static let companies = Route(["companies"])
    public static func company(_ slug: String) -> Route { Route(["companies", slug]) }
    public static let funding = Route(["funding"])
    public static let salaries = Route(["salaries"])

    /// Page `number` (from 2) of a paginated list: `page/2/`, `tags/ai/page/2/`.
    public func page(_ number: Int) -> Route {
        number <= 1 ? self : Route(segments + ["page", String(number)], fileName: fileName)
    }

    /// The file path inside Output.
    public var outputPath: String { (segments + [fileName]).joined(separator: "/") }

    /// The public URL path: `articles/minimax/` (pretty), `404.html`.
    public var urlPath: String {
        guard fileName == "index.html" else { return outputPath }
        return segments.isEmpty ? "" : segments.joined(separator: "/") + "/"
    }

    /// From this page to the site root: `""` at the top, `../../` two folders down.
    public var rootPrefix: String { String(repeating: "../", count: segments.count) }

    /// A relative link from this page to `target` that works on any server path and over `file://`,
    /// which needs the explicit `index.html`.
    public func link(to target: Route, fragment: String? = nil) -> String {
        let href = rootPrefix + target.outputPath
        guard let fragment else { return href }
        return href + "#" + fragment
    }

    /// The absolute URL under `baseURL` (which ends with `/`).
    public func absoluteURL(base baseURL: String) -> String { baseURL + urlPath }

    public static func < (a: Route, b: Route) -> Bool { a.outputPath < b.outputPath }
}
