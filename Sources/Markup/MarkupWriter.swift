/// Builds HTML, XML or SVG as UTF-8 bytes. Everything written is escaped as it is appended, except
/// through `raw(_:)`; no `String` is made per element or attribute.
public struct MarkupWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// What was written, as text.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Escaped text content.
    public mutating func text(_ text: some StringProtocol) {
        escape(text, into: &bytes)
    }

    /// Markup that is already safe: our own tags, or HTML the site explicitly trusts.
    public mutating func raw(_ markup: some StringProtocol) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// `<name a="v" …>`; attribute values are escaped; `nil` values are left out.
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        raw("<")
        raw(name)
        writeAttributes(attributes)
        raw(">")
    }

    /// `<name a="v" …/>` for SVG and XML; HTML void elements use `open`.
    public mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        raw("<")
        raw(name)
        writeAttributes(attributes)
        raw("/>")
    }

    public mutating func close(_ name: String) {
        raw("</")
        raw(name)
        raw(">")
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
            raw(" ")
            raw(key)
            raw("=\"")
            escape(value, into: &bytes)
            raw("\"")
        }
    }
}
