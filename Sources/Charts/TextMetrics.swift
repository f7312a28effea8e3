/// Text width estimates, wrapping and truncation with no font engine (R32).
///
/// A character's width in em comes from Observable Plot's `defaultWidthMap` (system-ui at 10 px) for ASCII and
/// curly quotes; East Asian Wide and Fullwidth characters (UAX #11) are 1 em, emoji 1.2 em, anything else 0.58 em
/// (Plot's "e"). Bold text is 6% wider. `width` is the raw estimate; layout should use `paddedWidth`, which adds
/// 10% slack, and `wrap`/`truncate` fit lines by `paddedWidth`.
public enum TextMetrics {
    /// The raw estimated width in px, without slack: "产品经理" at 14 px is 56.
    public static func width(of text: String, fontSize: Double, bold: Bool = false) -> Double {
        ems(text) * fontSize * (bold ? boldFactor : 1)
    }

    /// The estimated width in px with 10% slack (`width × 1.1`): what layout should reserve.
    public static func paddedWidth(of text: String, fontSize: Double, bold: Bool = false) -> Double {
        width(of: text, fontSize: fontSize, bold: bold) * slack
    }

    /// Lines of at most `maxWidth` px (by `paddedWidth`) when possible, broken greedily at spaces, after hyphens
    /// between letters, and between CJK characters, never inside a number or range token ("¥30M–40M", "32.45%",
    /// "3000万"). A single unbreakable word wider than `maxWidth` gets a line of its own. With `maxLines`, the
    /// last line is cut with "…" when more would be needed. Empty text gives no lines.
    public static func wrap(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false, maxLines: Int? = nil) -> [String] {
        let characters = Array(text)
        let limit = emLimit(maxWidth, fontSize: fontSize, bold: bold)
        var lines: [Line] = []
        var current = Line()
        var word = Line()
        var spaceBefore = false
        let noBreak = numberTokenBoundaries(characters)

        func endWord() {
            guard !word.text.isEmpty else { return }
            let separator = spaceBefore ? spaceWidth : 0
            if current.text.isEmpty {
                current = Line(text: word.text, ems: word.ems, followsSpace: spaceBefore)
            } else if current.ems + separator + word.ems <= limit {
                if spaceBefore { current.text.append(" ") }
                current.text += word.text
                current.ems += separator + word.ems
            } else {
                lines.append(current)
                current = Line(text: word.text, ems: word.ems, followsSpace: spaceBefore)
            }
            word = Line()
            spaceBefore = false
        }

        for (index, character) in characters.enumerated() {
            if character.isNewline {
                endWord()
                if !current.text.isEmpty { lines.append(current) }
                current = Line()
                spaceBefore = true
                continue
            }
            if character.isWhitespace {
                endWord()
                spaceBefore = true
                continue
            }
            word.text.append(character)
            word.ems += ems(character)
            if index + 1 < characters.count, !noBreak[index], canBreak(characters, after: index) {
                endWord()
            }
        }
        endWord()
        if !current.text.isEmpty { lines.append(current) }

        guard let maxLines, lines.count > max(1, maxLines) else { return lines.map(\.text) }
        let keep = max(1, maxLines) - 1
        var rest = lines[keep].text
        for line in lines[(keep + 1)...] { rest += (line.followsSpace ? " " : "") + line.text }
        return lines[..<keep].map(\.text) + [truncate(rest, maxWidth: maxWidth, fontSize: fontSize, bold: bold)]
    }

    /// The text on one line of at most `maxWidth` px (by `paddedWidth`), cut with "…" when it does not fit.
    ///
    /// The cut never falls inside a number or range token, so "Salary ¥30M–40M" becomes "Salary…", never
    /// "Salary ¥30M–4…"; when nothing fits, the result is "…".
    public static func truncate(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false) -> String {
        let limit = emLimit(maxWidth, fontSize: fontSize, bold: bold)
        if ems(text) <= limit, !text.contains(where: \.isNewline) { return text }
        let characters = Array(text).map { $0.isNewline ? " " : $0 }
        let noBreak = numberTokenBoundaries(characters)
        let budget = limit - ems(ellipsis)
        var best = 0
        var used = 0.0
        for (index, character) in characters.enumerated() {
            used += ems(character)
            if used > budget { break }
            if index + 1 == characters.count || !noBreak[index] { best = index + 1 }
        }
        var kept = characters[..<best]
        while let last = kept.last, last.isWhitespace { kept.removeLast() }
        return String(kept) + ellipsis
    }

    // MARK: - Widths

    private static let boldFactor = 1.06
    private static let slack = 1.1
    private static let ellipsis = "…"
    private static let spaceWidth = 0.29
    private static let fallbackWidth = 0.58
    private static let wideWidth = 1.0
    private static let emojiWidth = 1.2

    /// Observable Plot's `defaultWidthMap` in em for ASCII 0x00–0x7F; characters Plot does not list get 0.58, controls 0.
    private static let asciiWidths: [Double] = {
        var table = [Double](repeating: fallbackWidth, count: 128)
        for index in 0..<32 { table[index] = 0 }
        table[127] = 0
        let listed: [(Character, Double)] = [
            ("a", 56), ("b", 63), ("c", 57), ("d", 63), ("e", 58), ("f", 37), ("g", 62), ("h", 60), ("i", 26), ("j", 26),
            ("k", 55), ("l", 26), ("m", 88), ("n", 60), ("o", 60), ("p", 62), ("q", 62), ("r", 39), ("s", 54), ("t", 38),
            ("u", 60), ("v", 55), ("w", 79), ("x", 54), ("y", 55), ("z", 55),
            ("A", 69), ("B", 67), ("C", 73), ("D", 74), ("E", 61), ("F", 58), ("G", 76), ("H", 75), ("I", 28), ("J", 55),
            ("K", 67), ("L", 58), ("M", 89), ("N", 75), ("O", 78), ("P", 65), ("Q", 78), ("R", 67), ("S", 65), ("T", 65),
            ("U", 75), ("V", 69), ("W", 98), ("X", 69), ("Y", 67), ("Z", 67),
            ("0", 64), ("1", 48), ("2", 62), ("3", 64), ("4", 66), ("5", 63), ("6", 65), ("7", 58), ("8", 65), ("9", 65),
            (" ", 29), ("!", 32), ("\"", 49), ("'", 31), ("(", 39), (")", 39), (",", 31), ("-", 48), (".", 31), ("/", 32),
            (":", 31), (";", 31), ("?", 52),
        ]
        for (character, tenths) in listed {
            if let ascii = character.asciiValue { table[Int(ascii)] = tenths / 100 }
        }
        return table
    }()

    /// Plot's widths for the non-ASCII characters its map lists.
    private static let listedWidths: [Unicode.Scalar: Double] = [
        "\u{2018}": 0.31, "\u{2019}": 0.31, "\u{201C}": 0.47, "\u{201D}": 0.47, "\u{2026}": 0.82,
    ]

    private static func emLimit(_ maxWidth: Double, fontSize: Double, bold: Bool) -> Double {
        let perEm = fontSize * (bold ? boldFactor : 1) * slack
        return perEm > 0 ? maxWidth / perEm : .infinity
    }

    /// The width of `text` in em, before bold and slack.
    private static func ems(_ text: String) -> Double {
        var sum = 0.0
        var isASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            sum += asciiWidths[Int(byte)]
        }
        if isASCII { return sum }
        return text.reduce(0) { $0 + ems($1) }
    }

    /// The width of one character (a grapheme cluster) in em.
    private static func ems(_ character: Character) -> Double {
        if let ascii = character.asciiValue { return asciiWidths[Int(ascii)] }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII { return asciiWidths[Int(first.value)] }
        if let listed = listedWidths[first] { return listed }
        if isEmoji(character) { return emojiWidth }
        if isWide(first) { return wideWidth }
        // A lone combining mark or a zero-width character draws nothing of its own.
        if scalars.count == 1, isZeroWidth(first) { return 0 }
        return fallbackWidth
    }

    private static func isEmoji(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        if first.properties.isEmojiPresentation { return true }
        if (0x1F1E6...0x1F1FF).contains(first.value) { return true } // regional indicators (flags)
        return first.properties.isEmoji && scalars.contains { $0.value == 0xFE0F || $0.value == 0x200D }
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: true
        default: false
        }
    }

    /// East_Asian_Width W or F (UAX #11), sorted ranges; emoji ranges are handled before this is asked.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x303E,
        0x3041...0x3096, 0x3099...0x30FF, 0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E5, 0x31EF...0x321E,
        0x3220...0x3247, 0x3250...0x4DBF, 0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60,
        0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5,
        0x18D00...0x18D08, 0x1AFF0...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152,
        0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x1100 { return false }
        if (0x4E00...0x9FFF).contains(value) { return true } // the common case first
        var low = 0, high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    // MARK: - Line breaking

    private struct Line {
        var text = ""
        var ems = 0.0
        var followsSpace = false
    }

    /// Characters that may not start a line: closing punctuation and marks, CJK and ASCII.
    private static let noStart: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "】", "》", "〉", "〕", "］", "｝", "〗", "％", "・",
        "ー", "々", "…", ",", ".", ";", ":", "!", "?", ")", "]", "}", "%",
    ]
    /// Characters that may not end a line: opening brackets, CJK and ASCII.
    private static let noEnd: Set<Character> = ["（", "「", "『", "【", "《", "〈", "〔", "［", "｛", "〖", "(", "[", "{"]

    private static func isWideText(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first, !first.isASCII else { return false }
        return isWide(first) && !isEmoji(character)
    }

    /// Whether a line may break between `characters[index]` and the next character (neither a space).
    private static func canBreak(_ characters: [Character], after index: Int) -> Bool {
        let before = characters[index], after = characters[index + 1]
        if noEnd.contains(before) || noStart.contains(after) { return false }
        if before == "-" || before == "\u{2010}" {
            return index > 0 && isWordLetter(characters[index - 1]) && isWordLetter(after)
        }
        let wideBefore = isWideText(before), wideAfter = isWideText(after)
        if wideBefore {
            // Between ideographs, or from an ideograph to a word or number ("使用|AI", "年薪|30万").
            return wideAfter || isWordLetter(after) || isDigit(after) || currencySigns.contains(after)
        }
        // From a word to an ideograph ("AI|工具"); a digit keeps its unit ("30|年" stays together).
        return wideAfter && isWordLetter(before)
    }

    private static func isWordLetter(_ character: Character) -> Bool {
        character.isLetter && !isWideText(character)
    }

    // MARK: - Number tokens

    private static let currencySigns: Set<Character> = ["$", "¥", "€", "£", "₩", "₹", "￥", "＄", "￡"]
    private static let signs: Set<Character> = ["\u{2212}", "+", "±", "~", "≈", "约"]
    private static let numberSuffixes: Set<Character> = [
        "K", "M", "B", "T", "k", "m", "b", "%", "‰", "％", "万", "亿", "萬", "億", "兆", "千", "百", "元", "x", "×", "倍",
    ]
    private static let rangeDashes: Set<Character> = ["\u{2013}", "-", "~", "～", "〜", "\u{2014}", "至"]

    private static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 0x30 && ascii <= 0x39
    }

    /// For each index, whether the boundary after that character lies inside a number or range token
    /// such as "−CN¥30M–40M", "32.45%" or "1.2万亿"; the last entry is always false.
    private static func numberTokenBoundaries(_ characters: [Character]) -> [Bool] {
        var inside = [Bool](repeating: false, count: characters.count)
        let count = characters.count
        var index = 0
        while index < count {
            guard isDigit(characters[index]) else {
                index += 1
                continue
            }
            var start = index
            start = prefixStart(characters, before: start)
            var end = index // one past the token's last character
            scan: while true {
                while end < count, isDigit(characters[end]) { end += 1 }
                guard end < count else { break }
                let next = characters[end]
                if next == "." || next == "," || next == "·", end + 1 < count, isDigit(characters[end + 1]) {
                    end += 1
                    continue
                }
                if numberSuffixes.contains(next) {
                    end += 1
                    while end < count, numberSuffixes.contains(characters[end]), !isLetterAfterSuffix(characters, end) { end += 1 }
                    if end < count, rangeDashes.contains(characters[end]), let digit = digitAfterPrefix(characters, from: end + 1) {
                        end = digit
                        continue scan
                    }
                    break
                }
                if rangeDashes.contains(next), let digit = digitAfterPrefix(characters, from: end + 1) {
                    end = digit
                    continue
                }
                break
            }
            for boundary in start..<max(start, end - 1) { inside[boundary] = true }
            index = max(end, index + 1)
        }
        return inside
    }

    /// Whether the suffix-like letter at `index` starts a word ("5 Mbps" style text is not a suffix run).
    private static func isLetterAfterSuffix(_ characters: [Character], _ index: Int) -> Bool {
        let character = characters[index]
        return character.isASCII && character.isLetter && index + 1 < characters.count && characters[index + 1].isASCII
            && characters[index + 1].isLetter
    }

    /// Where a number's prefix starts: currency signs, the letters before one ("CN¥", "US$"), and a sign.
    private static func prefixStart(_ characters: [Character], before index: Int) -> Int {
        var start = index
        while start > 0, currencySigns.contains(characters[start - 1]) { start -= 1 }
        if start < index {
            var letters = 0
            while start > 0, letters < 3, let ascii = characters[start - 1].asciiValue, ascii >= 0x41, ascii <= 0x5A {
                start -= 1
                letters += 1
            }
        }
        if start > 0, signs.contains(characters[start - 1]) { start -= 1 }
        return start
    }

    /// The index of the first digit of the number starting at `index` after optional currency prefix, or `nil`.
    private static func digitAfterPrefix(_ characters: [Character], from index: Int) -> Int? {
        var position = index
        var letters = 0
        while position < characters.count, letters < 3, let ascii = characters[position].asciiValue, ascii >= 0x41, ascii <= 0x5A {
            position += 1
            letters += 1
        }
        if letters > 0, position < characters.count, !currencySigns.contains(characters[position]) { position = index }
        if position < characters.count, characters[position] == "\u{2212}" { position += 1 }
        while position < characters.count, currencySigns.contains(characters[position]) { position += 1 }
        return position < characters.count && isDigit(characters[position]) ? position : nil
    }
}
