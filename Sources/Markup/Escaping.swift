/// The one escape function for HTML, XML and SVG text and attribute values.
///
/// Escapes `& < > " '` and drops characters that XML 1.0 does not allow
/// (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF).
public func escape(_ text: some StringProtocol) -> String {
    let utf8 = text.utf8
    guard utf8.contains(where: needsAttention) else { return String(text) }
    var result = ""
    result.reserveCapacity(utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default:
            if isXMLChar(scalar) { result.unicodeScalars.append(scalar) }
        }
    }
    return result
}

@inline(__always)
private func needsAttention(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
    case 0xEF: true  // lead byte of U+FFFE / U+FFFF
    case 0x09, 0x0A, 0x0D: false
    default: byte < 0x20
    }
}

private func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
}
