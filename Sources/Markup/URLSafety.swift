/// Link targets that must never reach a page: they run code or smuggle content.
public enum URLSafety {
    private static let forbiddenSchemes = ["javascript", "vbscript", "data"]

    /// Whether `url` uses a scheme that executes or embeds content (`javascript:`, `vbscript:`, `data:`).
    ///
    /// Browsers ignore ASCII whitespace and control characters inside a scheme and
    /// compare it case-insensitively (`JaVa\tScRiPt:`), so this does too.
    public static func isDangerous(_ url: String) -> Bool {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar == ":" { break }
            if scalar.value <= 0x20 || scalar.value == 0x7F { continue }
            guard scalar.isASCII, scheme.utf8.count < 16 else { return false }
            scheme.unicodeScalars.append(scalar)
        }
        guard url.unicodeScalars.contains(":") else { return false }
        return forbiddenSchemes.contains(scheme.lowercased())
    }

    /// Percent-encodes what may not stand in an `href` or `src` (spaces, quotes, non-ASCII…),
    /// leaving reserved characters and existing escapes alone, as cmark does.
    public static func encodeHref(_ url: String) -> String {
        let utf8 = url.utf8
        guard !utf8.allSatisfy(isHrefSafe) else { return url }
        var result = ""
        result.reserveCapacity(utf8.count + 16)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in utf8 {
            if isHrefSafe(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%"
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return result
    }

    private static func isHrefSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-_.~!*'();:@&=+$,/?#[]%".utf8.contains(byte)
        }
    }
}
