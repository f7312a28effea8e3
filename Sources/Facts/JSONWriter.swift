/// A JSON value whose numbers are exact decimal text, written with a fixed key order.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    /// A number already in JSON syntax, such as `600000000` or `32.45`.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Keys in the order given, so output is byte-for-byte stable.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// Pretty-printed with two-space indentation, keys in the order given.
    public func serialized(indent: Int = 0) -> String {
        String(decoding: bytes(indent: indent), as: UTF8.self)
    }

    /// The serialized UTF-8 bytes; large exports are written without an intermediate String.
    public func bytes(indent: Int = 0) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(into: &output, indent: indent)
        return output
    }

    func write(into output: inout [UInt8], indent: Int) {
        switch self {
        case .string(let text): Self.writeString(text, into: &output)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .bool(let value): output.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
        case .null: output.append(contentsOf: Self.nullBytes)
        case .array(let items):
            guard !items.isEmpty else {
                output.append(contentsOf: Self.emptyArray)
                return
            }
            output.append(contentsOf: Self.openArray)
            for (index, item) in items.enumerated() {
                Self.pad(&output, indent + 1)
                item.write(into: &output, indent: indent + 1)
                output.append(contentsOf: index == items.count - 1 ? Self.newline : Self.commaNewline)
            }
            Self.pad(&output, indent)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                output.append(contentsOf: Self.emptyObject)
                return
            }
            output.append(contentsOf: Self.openObject)
            for (index, (key, value)) in members.enumerated() {
                Self.pad(&output, indent + 1)
                Self.writeString(key, into: &output)
                output.append(contentsOf: Self.colon)
                value.write(into: &output, indent: indent + 1)
                output.append(contentsOf: index == members.count - 1 ? Self.newline : Self.commaNewline)
            }
            Self.pad(&output, indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8), nullBytes = Array("null".utf8)
    private static let emptyArray = Array("[]".utf8), openArray = Array("[\n".utf8)
    private static let emptyObject = Array("{}".utf8), openObject = Array("{\n".utf8)
    private static let newline = Array("\n".utf8), commaNewline = Array(",\n".utf8), colon = Array(": ".utf8)

    private static func pad(_ output: inout [UInt8], _ level: Int) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
    }

    /// JSON string syntax; `<`, `>` and `&` are escaped too, so the text is safe inside HTML `<script>`,
    /// and so are U+2028 and U+2029, which end lines in JavaScript.
    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = text
        string.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    output.append(UInt8(ascii: "\\"))
                    output.append(byte)
                case UInt8(ascii: "\n"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case UInt8(ascii: "\t"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x00..<0x20:
                    output.append(contentsOf: unicodeEscape)
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0xF)])
                case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                    output.append(contentsOf: bytes[index + 1] == 0xA8 ? lineSeparator : paragraphSeparator)
                    index += 2
                default:
                    output.append(byte)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let unicodeEscape = Array("\\u00".utf8)
    private static let lineSeparator = Array("\\u2028".utf8), paragraphSeparator = Array("\\u2029".utf8)
}
