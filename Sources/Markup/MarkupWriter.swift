/// Builds HTML, XML or SVG text. Everything written is escaped, except through `raw(_:)`.
public struct MarkupWriter: Sendable {
    public private(set) var output: String

    public init(capacity: Int = 4096) {
        output = ""
        output.reserveCapacity(capacity)
    }

    /// Escaped text content.
    public mutating func text(_ text: some StringProtocol) {
        output += escape(text)
    }

    /// Markup that is already safe: our own tags, or HTML the site explicitly trusts.
    public mutating func raw(_ markup: some StringProtocol) {
        output += markup
    }

    /// `<name a="v" …>`; attribute values are escaped; `nil` values are left out.
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        output += "<"
        output += name
        writeAttributes(attributes)
        output += ">"
    }

    /// `<name a="v" …/>` for SVG and XML; HTML void elements use `open`.
    public mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        output += "<"
        output += name
        writeAttributes(attributes)
        output += "/>"
    }

    public mutating func close(_ name: String) {
        output += "</"
        output += name
        output += ">"
    }

    /// `<name …>text</name>` with escaped text.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: some StringProtocol) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    private mutating func writeAttributes(_ attributes: KeyValuePairs<String, String?>) {
        for (key, value) in attributes {
            guard let value else { continue }
            output += " "
            output += key
            output += "=\""
            output += escape(value)
            output += "\""
        }
    }
}
