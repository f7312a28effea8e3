import Diagnostics
import Foundation
import Model

extension SiteConfig {
    /// Why `text` cannot be the address the site lives at, or `nil` when it can: an absolute http(s)
    /// URL with a host and no query or fragment (pages' URLs are made by appending their paths to it).
    public static func baseURLProblem(_ text: String) -> String? {
        let lower = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lower.hasPrefix), !text.contains(where: \.isWhitespace) else {
            return "\"\(text)\" is not an absolute http:// or https:// URL; write the address the site lives at, such as https://example.org/briefing/"
        }
        let rest = text.dropFirst(scheme.count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let path = rest.dropFirst(host.count).prefix { $0 != "?" && $0 != "#" }
        let example = "\(text.prefix(scheme.count))\(host.isEmpty ? "example.org" : host)\(path.isEmpty ? "/" : path)\(path.hasSuffix("/") ? "" : "/")"
        if host.isEmpty { return "\"\(text)\" has no host name; write the address the site lives at, such as https://example.org/briefing/" }
        if text.contains("?") || text.contains("#") {
            return "\"\(text)\" has a \(text.contains("?") ? "query (?…)" : "fragment (#…)"), which page addresses cannot follow; write the address the site lives at: \(example)"
        }
        return nil
    }

    static let fields = ["title", "description", "base_url", "language", "author", "currency", "markdown", "search"]

    /// Reads `Content/site.yaml`; every problem is a located diagnostic.
    public static func load(from source: SourceText) -> (SiteConfig?, [Diagnostic]) {
        var reader = FieldReader(source: source, lineOffset: 0)
        guard let root = reader.parse(source.text) else {
            if reader.diagnostics.isEmpty {
                reader.append(.error(at: SourceLocation(path: source.path), field: "title", "site.yaml is empty; it needs at least \"title: …\""))
            }
            return (nil, reader.diagnostics)
        }
        guard let object = reader.object(root, field: "", allowed: fields) else { return (nil, reader.diagnostics) }
        let title = reader.require(object, "title").flatMap { reader.string($0, field: "title") }
        var config = SiteConfig(title: title ?? "")
        if let node = object["description"] { config.description = reader.string(node, field: "description") ?? "" }
        if let node = object["author"] { config.author = reader.string(node, field: "author") ?? "" }
        if let node = object["base_url"], let url = reader.url(node, field: "base_url") {
            if let problem = Self.baseURLProblem(url) {
                reader.error(at: node, field: "base_url", problem)
            } else {
                config.baseURL = url.hasSuffix("/") ? url : url + "/"
            }
        }
        if let node = object["language"], let code = reader.string(node, field: "language") {
            if let language = Language(rawValue: code) {
                config.language = language
            } else {
                let allowed = Language.allCases.map(\.rawValue)
                reader.error(at: node, field: "language", "unknown language \"\(code)\"\(Suggestion.hint(for: code, in: allowed)); use one of: \(allowed.joined(separator: ", "))")
            }
        }
        if let node = object["currency"] { config.currency = readCurrency(node, reader: &reader) }
        if let node = object["search"] { config.search = reader.bool(node, field: "search") ?? false }
        if let node = object["markdown"], let markdown = reader.object(node, field: "markdown", allowed: ["smart", "unsafe_html"]) {
            if let smart = markdown["smart"] { config.markdown.smart = reader.bool(smart, field: "markdown.smart") ?? true }
            if let unsafe = markdown["unsafe_html"] {
                config.markdown.unsafeHTML = reader.bool(unsafe, field: "markdown.unsafe_html") ?? false
            }
        }
        return (title == nil ? nil : config, reader.diagnostics)
    }

    private static func readCurrency(_ node: YAMLNode, reader: inout FieldReader) -> CurrencySettings {
        var settings = CurrencySettings()
        guard let object = reader.object(node, field: "currency", allowed: ["display", "as_of", "rates"]) else { return settings }
        if let display = object["display"], let code = reader.currencyCode(display, field: "currency.display") {
            settings.display = code
        }
        if let asOf = object["as_of"] { settings.asOf = reader.date(asOf, field: "currency.as_of") }
        if let ratesNode = object["rates"] {
            guard case .mapping(let rates) = ratesNode.content else {
                reader.error(at: ratesNode, field: "currency.rates", "expected rates such as { CNY: 0.1393 }, found \(reader.describe(ratesNode))")
                return settings
            }
            for (key, value) in rates {
                guard let code = reader.currencyCode(key, field: "currency.rates") else { continue }
                let field = "currency.rates.\(code)"
                guard let text = reader.string(value, field: field) else { continue }
                guard let rate = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), rate > 0,
                    text.allSatisfy({ $0.isNumber || $0 == "." })
                else {
                    reader.error(at: value, field: field, "expected a positive number such as 0.1393 (1 \(code) = rate × \(settings.display)), found \"\(text)\"")
                    continue
                }
                settings.rates[code] = rate
            }
        }
        return settings
    }
}

extension FieldReader {
    /// A three-letter ISO 4217 code such as `USD`.
    mutating func currencyCode(_ node: YAMLNode, field: String) -> String? {
        guard let text = string(node, field: field) else { return nil }
        let code = text.uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            error(at: node, field: field, "expected a three-letter currency code such as USD or CNY, found \"\(text)\"")
            return nil
        }
        return code
    }
}
