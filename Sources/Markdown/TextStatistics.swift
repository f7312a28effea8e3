/// Word and character counts for a reading-time estimate that is fair to CJK text.
public struct TextStatistics: Sendable, Equatable {
    /// Space-separated words in alphabetic scripts.
    public var words = 0
    /// Han, kana and hangul characters, each read as a unit.
    public var cjkCharacters = 0

    public init(words: Int = 0, cjkCharacters: Int = 0) {
        self.words = words
        self.cjkCharacters = cjkCharacters
    }

    /// Adds the words and CJK characters of `text`.
    public mutating func count(_ text: String) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            countASCII(text)
            return
        }
        var inWord = false
        for scalar in text.unicodeScalars {
            if Self.isCJK(scalar) {
                cjkCharacters += 1
                inWord = false
            } else if scalar.properties.isWhitespace || scalar == "—" || scalar == "–" {
                inWord = false
            } else if !inWord {
                words += 1
                inWord = true
            }
        }
    }

    private mutating func countASCII(_ text: String) {
        var inWord = false
        for byte in text.utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                inWord = false
            } else if !inWord {
                words += 1
                inWord = true
            }
        }
    }

    /// Minutes to read at 230 words or 500 CJK characters a minute, at least 1.
    public var readingMinutes: Int {
        let minutes = Double(words) / 230 + Double(cjkCharacters) / 500
        return max(1, Int(minutes.rounded(.up)))
    }

    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
