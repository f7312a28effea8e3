/// The one escape function for HTML, XML and SVG text and attribute values.
///
/// Escapes `& < > " '` and drops characters that XML 1.0 does not allow
/// (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF).
/// Works on UTF-8 bytes: text without special characters is returned as is, and runs
/// between special characters are copied whole.
public func escape(_ text: some StringProtocol) -> String {
    var string = String(text)
    return string.withUTF8 { bytes in
        guard let first = bytes.firstIndex(where: needsAttention) else { return nil }
        var result = [UInt8]()
        result.reserveCapacity(bytes.count + 32)
        result.append(contentsOf: bytes[..<first])
        var index = first
        var runStart = first
        while index < bytes.count {
            let byte = bytes[index]
            guard needsAttention(byte) else {
                index += 1
                continue
            }
            result.append(contentsOf: bytes[runStart..<index])
            var skip = 1
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: amp)
            case UInt8(ascii: "<"): result.append(contentsOf: lt)
            case UInt8(ascii: ">"): result.append(contentsOf: gt)
            case UInt8(ascii: "\""): result.append(contentsOf: quot)
            case UInt8(ascii: "'"): result.append(contentsOf: apos)
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE / EF BF BF; other EF sequences are kept.
                if index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                    skip = 3
                } else {
                    result.append(byte)
                }
            default:
                break  // a C0 control character: dropped
            }
            index += skip
            runStart = index
        }
        result.append(contentsOf: bytes[runStart..<bytes.count])
        return String(decoding: result, as: UTF8.self)
    } ?? string
}

private let amp = Array("&amp;".utf8)
private let lt = Array("&lt;".utf8)
private let gt = Array("&gt;".utf8)
private let quot = Array("&quot;".utf8)
private let apos = Array("&#39;".utf8)

@inline(__always)
private func needsAttention(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
    case 0xEF: true  // lead byte of U+FFFE / U+FFFF
    case 0x09, 0x0A, 0x0D: false
    default: byte < 0x20
    }
}
