import Diagnostics
import Foundation
import Markup
import Model

/// Checks links between pages of the site, from a body on the page at `pageFolder` (`articles/x/`).
public struct LinkCheck: Sendable {
    /// Output paths of every page and file the build writes.
    public let paths: Set<String>
    /// The folder of the page the body is on, ending in `/`.
    public let pageFolder: String
    /// Files published as they are (beside articles and pages, and from `Content/static/`), by output path.
    public let files: [String: PublishedFile]

    public init(paths: Set<String>, files: [String: PublishedFile] = [:], pageFolder: String) {
        self.paths = paths
        self.files = files
        self.pageFolder = pageFolder
    }

    /// Files a body may link to besides pages.
    public static let knownFiles: Set<String> = ["feed.xml", "sitemap.xml", "facts.json", "facts.csv", "robots.txt"]

    /// A link to check: where it leads inside Output and its fragment.
    public struct Target: Sendable, Equatable {
        /// The output path of the page, or `nil` for a fragment on the same page.
        public var path: String?
        public var fragment: String?
        /// The href to write: pretty links get `index.html` so they work over `file://`.
        public var href: String
    }

    public enum Outcome: Sendable, Equatable {
        /// Not a link into this site (absolute URL, mailto:, `//host/…`).
        case external
        case page(Target)
        case broken(String)
    }

    /// Resolves a relative or root-relative (`/articles/x/`) `destination`; a page that does not exist is
    /// `.broken` with a reason. Root-relative links are written relative to the page, so the site still
    /// works under a sub-path and over `file://`.
    public func resolve(_ destination: String) -> Outcome {
        guard !destination.isEmpty, !destination.hasPrefix("//"), !Self.hasScheme(destination) else { return .external }
        let isRootRelative = destination.hasPrefix("/")
        let hashIndex = destination.firstIndex(of: "#")
        let fragment = hashIndex.map { String(destination[destination.index(after: $0)...]) }
        let beforeHash = hashIndex.map { String(destination[..<$0]) } ?? destination
        let pathPart = String(beforeHash.prefix { $0 != "?" })
        let query = String(beforeHash.dropFirst(pathPart.count))
        if pathPart.isEmpty { return .page(Target(path: nil, fragment: fragment, href: destination)) }

        guard let resolved = Self.normalize(isRootRelative ? String(pathPart.dropFirst()) : pageFolder + pathPart) else {
            return .broken("\"\(destination)\" leads outside the site")
        }
        let candidates = resolved.hasSuffix("/") || resolved.isEmpty
            ? [resolved + "index.html"]
            : [resolved, resolved + "/index.html"]
        let file = resolved.removingPercentEncoding.flatMap { files[$0] != nil ? $0 : nil }
        guard let found = file ?? candidates.first(where: { paths.contains($0) || Self.knownFiles.contains($0) || $0.hasPrefix("assets/") }) else {
            let wanted = resolved.split(separator: "/").last.map(String.init) ?? resolved
            if wanted.contains("."), !wanted.hasSuffix(".html") {
                let folder = resolved.split(separator: "/").dropLast().joined(separator: "/")
                let names = files.keys.filter { $0.split(separator: "/").dropLast().joined(separator: "/") == folder }.compactMap { $0.split(separator: "/").last.map(String.init) }
                let hint = Suggestion.hint(for: wanted, in: Set(names))
                let listing = hint.isEmpty && !names.isEmpty && names.count <= 8 ? "; the files there are \(names.sorted().joined(separator: ", "))" : ""
                return .broken("\"\(destination)\" is not a file of this site\(hint)\(listing)")
            }
            let slugs = paths.compactMap { $0.split(separator: "/").dropLast().last.map(String.init) }
            let hint = Suggestion.hint(for: wanted, in: Set(slugs))
            return .broken("\"\(destination)\" does not lead to a page of this site\(hint)")
        }
        var href = pathPart
        if isRootRelative {
            let depth = pageFolder.split(separator: "/").count
            href = String(repeating: "../", count: depth) + (found.hasSuffix("index.html") ? found : resolved)
        } else if found.hasSuffix("index.html"), !pathPart.hasSuffix("index.html") {
            href = (pathPart.hasSuffix("/") ? pathPart : pathPart + "/") + "index.html"
        }
        href += query + (fragment.map { "#" + $0 } ?? "")
        return .page(Target(path: found, fragment: fragment, href: href))
    }

    /// `articles/x/../y/` → `articles/y/`; `nil` when `..` climbs above the root.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            switch segment {
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            case ".":
                continue
            case "" where index < segments.count - 1:
                continue
            default:
                parts.append(segment)
            }
        }
        return parts.joined(separator: "/")
    }

    private static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && !scheme.contains("/") && !scheme.contains("#") && !scheme.contains("?")
    }
}
