import Markup

/// Chart markup (SVG and the figure's HTML) written as UTF-8 bytes into one growing buffer.
///
/// Elements, attributes and numbers are appended in place, so drawing a chart makes no `String` per
/// element, attribute or coordinate; a tag or a numeric attribute is put together on the stack and appended
/// at once. Text that comes from a chart spec goes through `Markup.escape`, the same escaping `MarkupWriter`
/// applies; tag and attribute names and this module's own constant values (classes, colours, ids) are
/// written as they are.
struct MarkupBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes written so far.
    var count: Int { bytes.count }

    /// The finished markup as a `String`.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: - Text

    /// Markup this module writes itself: tags, attribute names, constant values.
    mutating func raw(_ markup: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
    }

    /// Text known to need no escaping: built from this module's constants, or escaped already.
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Bytes of another buffer, such as a finished drawing.
    mutating func raw(_ other: MarkupBuffer) {
        bytes.append(contentsOf: other.bytes)
    }

    /// Text from a chart spec (labels, titles, notes), escaped.
    mutating func text(_ text: String) {
        escape(text, into: &bytes)
    }

    /// A coordinate or length as SVG number text (`SVGNumber.format`).
    mutating func number(_ value: Double) {
        compose { $0.number(value) }
    }

    // MARK: - Elements

    /// `<name`, to be followed by attributes and `openEnd()` or `emptyEnd()`.
    mutating func start(_ name: StaticString) {
        compose {
            $0.byte(UInt8(ascii: "<"))
            $0.bytes(name)
        }
    }

    /// `>` after a start tag's attributes.
    mutating func openEnd() {
        bytes.append(UInt8(ascii: ">"))
    }

    /// `/>` closing an empty element (SVG).
    mutating func emptyEnd() {
        raw("/>")
    }

    /// `</name>`.
    mutating func close(_ name: StaticString) {
        compose {
            $0.bytes("</")
            $0.bytes(name)
            $0.byte(UInt8(ascii: ">"))
        }
    }

    /// `<name>text</name>` with the text escaped.
    mutating func element(_ name: StaticString, text: String) {
        start(name)
        openEnd()
        self.text(text)
        close(name)
    }

    // MARK: - Attributes

    /// A constant attribute value.
    mutating func attribute(_ name: StaticString, _ value: StaticString) {
        compose {
            $0.attributeStart(name)
            $0.bytes(value)
            $0.byte(UInt8(ascii: "\""))
        }
    }

    /// A coordinate or length (`SVGNumber.format`).
    mutating func attribute(_ name: StaticString, _ value: Double) {
        compose {
            $0.attributeStart(name)
            $0.number(value)
            $0.byte(UInt8(ascii: "\""))
        }
    }

    /// A value this module builds from its own constants (classes, colours, ids), which needs no escaping.
    mutating func attribute(_ name: StaticString, trusted value: String) {
        compose { $0.attributeStart(name) }
        raw(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A value from a chart spec, escaped.
    mutating func attribute(_ name: StaticString, text value: String) {
        compose { $0.attributeStart(name) }
        text(value)
        bytes.append(UInt8(ascii: "\""))
    }

    // MARK: - Composing

    /// Bytes put together on the stack before one append: `Array.append` costs the same for one byte as for many.
    private struct Composer {
        static let capacity = 128
        let start: UnsafeMutablePointer<UInt8>
        var count = 0

        mutating func byte(_ byte: UInt8) {
            start[count] = byte
            count += 1
        }

        mutating func bytes(_ text: StaticString) {
            let length = text.utf8CodeUnitCount
            precondition(count + length <= Self.capacity, "markup pieces are short")
            (start + count).update(from: text.utf8Start, count: length)
            count += length
        }

        mutating func number(_ value: Double) {
            precondition(count + SVGNumber.maximumLength <= Self.capacity, "markup pieces are short")
            count += SVGNumber.write(value, to: start + count)
        }

        /// ` name="`.
        mutating func attributeStart(_ name: StaticString) {
            byte(UInt8(ascii: " "))
            bytes(name)
            bytes("=\"")
        }
    }

    private mutating func compose(_ write: (inout Composer) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Composer.capacity) { buffer in
            var composer = Composer(start: buffer.baseAddress!)
            write(&composer)
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress, count: composer.count))
        }
    }
}
