/// Text width estimates, wrapping and truncation with no font engine.
///
/// A character's width in em comes from Observable Plot's `defaultWidthMap` (system-ui at 10 px) for ASCII and
/// curly quotes; East Asian Wide and Fullwidth characters (UAX #11) are 1 em, emoji 1.2 em, anything else 0.58 em
/// (Plot's "e"). Bold text is 6% wider. `width` is the raw estimate; layout should use `paddedWidth`, which adds
/// 10% slack, and `wrap`/`truncate` fit lines by `paddedWidth`.
///
/// Characters are grapheme clusters throughout. Measuring, wrapping and truncation split the text into `Glyphs`
/// (each character's UTF-8 bytes, width and line-breaking traits) and work on those; layout that needs a label
/// more than once can make its `Glyphs` once.
public enum TextMetrics {
    /// The raw estimated width in px, without slack: "产品经理" at 14 px is 56.
    public static func width(of text: String, fontSize: Double, bold: Bool = false) -> Double {
        ems(text) * fontSize * (bold ? boldFactor : 1)
    }

    /// The estimated width in px with 10% slack (`width × 1.1`): what layout should reserve.
    public static func paddedWidth(of text: String, fontSize: Double, bold: Bool = false) -> Double {
        width(of: text, fontSize: fontSize, bold: bold) * slack
    }

    /// `paddedWidth(of:fontSize:bold:)` of text already split into glyphs.
    static func paddedWidth(of glyphs: Glyphs, fontSize: Double, bold: Bool = false) -> Double {
        paddedWidth(ems: glyphs.ems, fontSize: fontSize, bold: bold)
    }

    /// `paddedWidth(of:fontSize:bold:)` of a text whose width in em (`ems(_:)`) is known, for labels measured
    /// once and drawn at several sizes.
    static func paddedWidth(ems: Double, fontSize: Double, bold: Bool = false) -> Double {
        ems * fontSize * (bold ? boldFactor : 1) * slack
    }

    /// Lines of at most `maxWidth` px (by `paddedWidth`) when possible, broken greedily at spaces, after hyphens
    /// between letters, and between CJK characters, never inside a number or range token ("¥30M–40M", "32.45%",
    /// "3000万"). A single unbreakable word wider than `maxWidth` gets a line of its own. With `maxLines`, the
    /// last line is cut with "…" when more would be needed. Empty text gives no lines.
    public static func wrap(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false, maxLines: Int? = nil) -> [String] {
        wrap(Glyphs(text), maxWidth: maxWidth, fontSize: fontSize, bold: bold, maxLines: maxLines)
    }

    /// `wrap(_:maxWidth:fontSize:bold:maxLines:)` of text already split into glyphs.
    static func wrap(_ glyphs: Glyphs, maxWidth: Double, fontSize: Double, bold: Bool = false, maxLines: Int? = nil) -> [String] {
        var builder = LineBuilder(limit: emLimit(maxWidth, fontSize: fontSize, bold: bold))
        let noBreak = glyphs.numberTokenBoundaries()
        let count = glyphs.count
        for index in 0..<count {
            let glyph = glyphs[index]
            if glyph.traits.contains(.newline) {
                builder.endWord()
                builder.endLine()
                builder.spaceBefore = true
                continue
            }
            if glyph.traits.contains(.whitespace) {
                builder.endWord()
                builder.spaceBefore = true
                continue
            }
            builder.extendWord(with: glyph)
            if index + 1 < count, !noBreak[index], glyphs.canBreak(after: index) {
                builder.endWord()
            }
        }
        builder.endWord()
        builder.endLine()

        let lines = builder.lines
        let words = builder.words
        func text(of line: LineBuilder.Line) -> String { glyphs.text(of: words[line.words]) }
        guard let maxLines, lines.count > max(1, maxLines) else { return lines.map(text) }
        let keep = max(1, maxLines) - 1
        var rest = text(of: lines[keep])
        for line in lines[(keep + 1)...] { rest += (line.followsSpace ? " " : "") + text(of: line) }
        return lines[..<keep].map(text) + [truncate(rest, maxWidth: maxWidth, fontSize: fontSize, bold: bold)]
    }

    /// The text on one line of at most `maxWidth` px (by `paddedWidth`), cut with "…" when it does not fit.
    ///
    /// The cut never falls inside a number or range token, so "Salary ¥30M–40M" becomes "Salary…", never
    /// "Salary ¥30M–4…"; when nothing fits, the result is "…".
    public static func truncate(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false) -> String {
        let limit = emLimit(maxWidth, fontSize: fontSize, bold: bold)
        var glyphs = Glyphs(text)
        if glyphs.ems <= limit, !glyphs.containsNewline { return text }
        glyphs.replaceNewlinesWithSpaces()
        let noBreak = glyphs.numberTokenBoundaries()
        let budget = limit - ellipsisWidth
        var best = 0
        var used = 0.0
        for index in 0..<glyphs.count {
            used += glyphs[index].ems
            if used > budget { break }
            if index + 1 == glyphs.count || !noBreak[index] { best = index + 1 }
        }
        while best > 0, glyphs[best - 1].traits.contains(.whitespace) { best -= 1 }
        return glyphs.text(of: 0..<best) + ellipsis
    }

    /// Greedy line filling: each word goes on the current line when it fits, else starts the next one.
    struct LineBuilder {
        /// A run of glyphs between break opportunities, as a UTF-8 byte range of the text.
        struct Word {
            var bytes = 0..<0
            var ems = 0.0
            /// Whether whitespace came before the word; the line then has a space there.
            var spaceBefore = false

            var isEmpty: Bool { bytes.isEmpty }
        }

        /// Consecutive words on one line.
        struct Line {
            var words = 0..<0
            var ems = 0.0
            var followsSpace = false

            var isEmpty: Bool { words.isEmpty }
        }

        /// The widest line, in em.
        let limit: Double
        private(set) var words: [Word] = []
        private(set) var lines: [Line] = []
        private var current = Line()
        private var word = Word()
        /// Whether whitespace has come since the last word.
        var spaceBefore = false

        init(limit: Double) {
            self.limit = limit
        }

        mutating func extendWord(with glyph: Glyph) {
            if word.isEmpty { word.bytes = glyph.bytes.lowerBound..<glyph.bytes.lowerBound }
            word.bytes = word.bytes.lowerBound..<glyph.bytes.upperBound
            word.ems += glyph.ems
        }

        /// Puts the word so far on a line.
        mutating func endWord() {
            guard !word.isEmpty else { return }
            word.spaceBefore = spaceBefore
            let separator = spaceBefore ? spaceWidth : 0
            let index = words.count
            if current.isEmpty {
                current = Line(words: index..<index + 1, ems: word.ems, followsSpace: spaceBefore)
            } else if current.ems + separator + word.ems <= limit {
                current.words = current.words.lowerBound..<index + 1
                current.ems += separator + word.ems
            } else {
                lines.append(current)
                current = Line(words: index..<index + 1, ems: word.ems, followsSpace: spaceBefore)
            }
            words.append(word)
            word = Word()
            spaceBefore = false
        }

        /// Ends the current line, if it has anything on it.
        mutating func endLine() {
            if !current.isEmpty { lines.append(current) }
            current = Line()
        }
    }

    // MARK: - Widths

    private static let boldFactor = 1.06
    private static let slack = 1.1
    private static let ellipsis = "…"
    private static let ellipsisWidth = listedWidths["\u{2026}"] ?? fallbackWidth
    private static let spaceWidth = 0.29
    private static let fallbackWidth = 0.58
    static let wideWidth = 1.0
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

    /// The width of `text` in em, before bold and slack: the sum of its characters' widths, in order.
    static func ems(_ text: String) -> Double {
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
        return Glyphs.ems(of: text)
    }

    /// The width of one character (a grapheme cluster) in em.
    static func ems(_ character: Character) -> Double {
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

    // MARK: - Character traits

    /// What line breaking needs to know about a character, from the Unicode properties and sets below.
    struct Traits: OptionSet {
        let rawValue: UInt32

        static let newline = Traits(rawValue: 1 << 0)
        static let whitespace = Traits(rawValue: 1 << 1)
        /// 0–9.
        static let digit = Traits(rawValue: 1 << 2)
        /// `Character.isASCII`.
        static let ascii = Traits(rawValue: 1 << 3)
        /// `Character.isLetter`.
        static let letter = Traits(rawValue: 1 << 4)
        /// An East Asian wide character that is not an emoji: text set one per em, breakable between.
        static let wideText = Traits(rawValue: 1 << 5)
        /// A letter of a word written with spaces: a letter that is not wide text.
        static let wordLetter = Traits(rawValue: 1 << 6)
        /// Closing punctuation that may not start a line.
        static let noStart = Traits(rawValue: 1 << 7)
        /// An opening bracket that may not end a line.
        static let noEnd = Traits(rawValue: 1 << 8)
        /// "-" or U+2010, after which a line may break between letters.
        static let hyphen = Traits(rawValue: 1 << 9)
        /// "$", "¥", "€"… before an amount.
        static let currencySign = Traits(rawValue: 1 << 10)
        /// A sign or approximation before a number: "−", "+", "±", "~", "≈", "约".
        static let numberSign = Traits(rawValue: 1 << 11)
        /// A magnitude or unit after a number: "K", "%", "万"…
        static let numberSuffix = Traits(rawValue: 1 << 12)
        /// A dash or "至" between the ends of a range.
        static let rangeDash = Traits(rawValue: 1 << 13)
        /// ".", "," or "·" between digits.
        static let decimalMark = Traits(rawValue: 1 << 14)
        /// U+2212, the minus sign.
        static let minus = Traits(rawValue: 1 << 15)
        /// A–Z, as in the currency prefixes "CN¥" and "US$".
        static let asciiUppercase = Traits(rawValue: 1 << 16)
    }

    /// The traits of `character`, read from its properties and the character sets (which compare characters
    /// by canonical equivalence).
    static func traits(of character: Character) -> Traits {
        var traits: Traits = []
        if character.isNewline { traits.insert(.newline) }
        if character.isWhitespace { traits.insert(.whitespace) }
        if let ascii = character.asciiValue {
            traits.insert(.ascii)
            if ascii >= 0x30, ascii <= 0x39 { traits.insert(.digit) }
            if ascii >= 0x41, ascii <= 0x5A { traits.insert(.asciiUppercase) }
        }
        let wideText = isWideText(character)
        if wideText { traits.insert(.wideText) }
        if character.isLetter {
            traits.insert(.letter)
            if !wideText { traits.insert(.wordLetter) }
        }
        if noStart.contains(character) { traits.insert(.noStart) }
        if noEnd.contains(character) { traits.insert(.noEnd) }
        if character == "-" || character == "\u{2010}" { traits.insert(.hyphen) }
        if currencySigns.contains(character) { traits.insert(.currencySign) }
        if signs.contains(character) { traits.insert(.numberSign) }
        if numberSuffixes.contains(character) { traits.insert(.numberSuffix) }
        if rangeDashes.contains(character) { traits.insert(.rangeDash) }
        if character == "." || character == "," || character == "·" { traits.insert(.decimalMark) }
        if character == "\u{2212}" { traits.insert(.minus) }
        return traits
    }

    /// Characters that may not start a line: closing punctuation and marks, CJK and ASCII.
    private static let noStart: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "】", "》", "〉", "〕", "］", "｝", "〗", "％", "・",
        "ー", "々", "…", ",", ".", ";", ":", "!", "?", ")", "]", "}", "%",
    ]
    /// Characters that may not end a line: opening brackets, CJK and ASCII.
    private static let noEnd: Set<Character> = ["（", "「", "『", "【", "《", "〈", "〔", "［", "｛", "〖", "(", "[", "{"]

    private static let currencySigns: Set<Character> = ["$", "¥", "€", "£", "₩", "₹", "￥", "＄", "￡"]
    private static let signs: Set<Character> = ["\u{2212}", "+", "±", "~", "≈", "约"]
    private static let numberSuffixes: Set<Character> = [
        "K", "M", "B", "T", "k", "m", "b", "%", "‰", "％", "万", "亿", "萬", "億", "兆", "千", "百", "元", "x", "×", "倍",
    ]
    private static let rangeDashes: Set<Character> = ["\u{2013}", "-", "~", "～", "〜", "\u{2014}", "至"]

    /// The CJK Unified Ideographs (U+4E00–U+9FFF) that a character set lists: "约", "万", "至"…
    static let listedIdeographs: Set<UInt32> = {
        let listed = noStart.union(noEnd).union(currencySigns).union(signs).union(numberSuffixes).union(rangeDashes)
        return Set(listed.compactMap { character in
            let scalars = character.unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first, (0x4E00...0x9FFF).contains(scalar.value) else { return nil }
            return scalar.value
        })
    }()

    private static func isWideText(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first, !first.isASCII else { return false }
        return isWide(first) && !isEmoji(character)
    }
}
