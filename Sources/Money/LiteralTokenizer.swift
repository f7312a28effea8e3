/// One lexical unit of a literal, with where it was written.
struct LiteralToken: Sendable {
    enum Kind: Equatable, Sendable {
        /// Digits, possibly with "," groups and one "."; see `NumberLiteral`.
        case number(NumberLiteral)
        /// A run of Latin letters, or one Chinese vocabulary entry (or one unknown Chinese character).
        case word
        /// `$`, `US$`, `HK$`, `¥`, `CN¥`, `€`, `£` …
        case currencySymbol(Currency)
        /// `%`
        case percent
        /// `/`
        case slash
        /// `-`, `–`, `—`, `‒`, `−`: a range separator, or a minus sign before a number.
        case dash
        /// `~`: "about" before a value, a range separator between two.
        case tilde
        /// `+`: a sign before a number, "at least" after one.
        case plus
        /// `>`, `>=`, `≥`, `<`, `<=`, `≤`, `≈`
        case comparison(Bound)
        /// Any other character.
        case other
    }

    var kind: Kind
    /// The token as written, a slice of the source.
    var text: Substring
    /// Offset of the first Character from the start of the source.
    var offset: Int
    /// Length in Characters.
    var length: Int
    /// What a word means, looked up once; `nil` for other tokens and unknown words.
    var meaning: WordMeaning?

    /// Offset just past the last Character.
    var end: Int { offset + length }

    /// Whether `next` follows this token with no space between them.
    func touches(_ next: LiteralToken) -> Bool { end == next.offset }

    /// Whether this is a word in a script written with spaces (not Chinese, Japanese or Korean).
    var isLatinWord: Bool {
        kind == .word && !(text.unicodeScalars.first?.isCJK ?? false)
    }
}

/// The digits of a number as written, before any scale is applied.
struct NumberLiteral: Equatable, Sendable {
    /// Decimal digit values (0…9), integer part then fraction part, without separators.
    var digits: [UInt8]
    /// How many of `digits` come after the decimal point.
    var fractionDigitCount: Int
    /// Set when the number is malformed (bad grouping, exponent notation…); reported when it is read.
    var problem: LiteralProblem?
}

/// Splits a literal into tokens. Never fails: malformed numbers and stray characters become tokens
/// that the parser reports, so the same tokenizer serves strict literals and free prose.
enum LiteralTokenizer {
    /// All tokens of `source`, in order.
    ///
    /// Offsets count Characters. When every Unicode scalar of the source is a Character of its own (no
    /// combining marks, joiners and the like), the source is read scalar by scalar, which gives the same
    /// tokens much faster than segmenting it into Characters.
    static func tokens(in source: String) -> [LiteralToken] {
        if var scanner = TokenScanner<Unicode.Scalar>(scalarsOf: source) {
            return scanner.tokens()
        }
        var scanner = TokenScanner<Character>(charactersOf: source)
        return scanner.tokens()
    }
}

/// What the tokenizer reads a literal as: Characters, or Unicode scalars when they are the same.
protocol LiteralUnit: Equatable, ExpressibleByUnicodeScalarLiteral {
    var isWhitespace: Bool { get }
    var isLetter: Bool { get }
    /// The value of an ASCII or full-width decimal digit.
    var digitValue: UInt8? { get }
    /// Whether the (first) scalar belongs to a script written without spaces.
    var startsWithCJK: Bool { get }
    var text: String { get }
}

extension Character: LiteralUnit {
    var startsWithCJK: Bool { unicodeScalars.first?.isCJK ?? false }
    var text: String { String(self) }
}

extension Unicode.Scalar: LiteralUnit {
    /// As `Character.isWhitespace` for a Character of this one scalar.
    var isWhitespace: Bool {
        isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    /// As `Character.isLetter` for a Character of this one scalar.
    var isLetter: Bool {
        isASCII ? (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) : properties.isAlphabetic
    }

    var digitValue: UInt8? {
        switch value {
        case 0x30...0x39: UInt8(value - 0x30)
        case 0xFF10...0xFF19: UInt8(value - 0xFF10)
        default: nil
        }
    }

    var startsWithCJK: Bool { isCJK }
    var text: String { String(self) }

    /// Whether this scalar is a Character of its own wherever it stands, and compares equal only to
    /// itself. True for scalars of the scripts and symbols literals use that are no mark, joiner,
    /// prepended character, Hangul jamo, regional indicator, carriage return or canonical singleton.
    var isAlwaysACharacter: Bool {
        switch value {
        case 0x00...0x0C, 0x0E...0x7F,  // ASCII but CR, which joins a following LF
            0xA0...0x24F,  // Latin-1 and Latin Extended letters and signs
            0x2010...0x2027, 0x2030...0x205E,  // dashes, quotes and other punctuation
            0x20A0...0x20C0,  // currency signs
            0x2200...0x22FF, 0x2A00...0x2AFF,  // mathematical operators
            0x3000...0x3029,  // CJK punctuation
            0x3400...0x4DBF, 0x4E00...0x9FFF,  // CJK ideographs
            0xFE50...0xFE6B,  // small form variants
            0xFF01...0xFF65,  // full-width ASCII and CJK punctuation
            0xFFE0...0xFFE6:  // full-width signs
            true
        default:
            false
        }
    }
}

/// Reads tokens from a literal's Characters, or from its scalars when each is a Character.
private struct TokenScanner<Unit: LiteralUnit> {
    private let source: String
    private let units: [Unit]
    /// Where each unit starts in `source`, and the end of `source` last.
    private let starts: [String.Index]
    /// The unit being read, which is also its offset in Characters.
    private var offset = 0

    private var index: String.Index { starts[offset] }

    /// A scanner over Characters.
    init(charactersOf source: String) where Unit == Character {
        self.source = source
        units = Array(source)
        starts = Array(source.indices) + [source.endIndex]
    }

    /// A scanner over Unicode scalars, or `nil` when some scalar is not a Character by itself.
    init?(scalarsOf source: String) where Unit == Unicode.Scalar {
        let utf8 = source.utf8
        var units: [Unicode.Scalar] = []
        var starts: [String.Index] = []
        units.reserveCapacity(utf8.count)
        starts.reserveCapacity(utf8.count + 1)
        var byteOffset = 0
        for scalar in source.unicodeScalars {
            guard scalar.isAlwaysACharacter else { return nil }
            units.append(scalar)
            starts.append(utf8.index(utf8.startIndex, offsetBy: byteOffset))
            byteOffset += UTF8.width(scalar)
        }
        starts.append(utf8.endIndex)
        self.source = source
        self.units = units
        self.starts = starts
    }

    mutating func tokens() -> [LiteralToken] {
        var tokens: [LiteralToken] = []
        tokens.reserveCapacity(units.count)
        while let token = next() {
            tokens.append(token)
        }
        return tokens
    }

    private mutating func next() -> LiteralToken? {
        while let unit = peek(), unit.isWhitespace {
            advance()
        }
        guard let unit = peek() else { return nil }
        let start = index
        let startOffset = offset
        let kind: LiteralToken.Kind
        if unit.digitValue != nil || (unit == "." && peek(1)?.digitValue != nil) {
            kind = .number(scanNumber(from: start))
        } else if unit.isLetter {
            kind = scanWord(startingWith: unit, from: start)
        } else {
            kind = scanSymbol(unit)
        }
        let text = source[start..<index]
        return LiteralToken(
            kind: kind, text: text, offset: startOffset, length: offset - startOffset,
            meaning: kind == .word ? Vocabulary.meaning(of: text) : nil)
    }

    // MARK: Numbers

    /// `digits ("," digits)* ("." digits)?`, and whatever malformed tail follows it glued on.
    private mutating func scanNumber(from start: String.Index) -> NumberLiteral {
        var digits: [UInt8] = []
        let firstGroupSize = scanDigits(into: &digits)
        var hasGroups = false
        var laterGroupsHaveThreeDigits = true
        while peek() == ",", peek(1)?.digitValue != nil {
            advance()
            hasGroups = true
            if scanDigits(into: &digits) != 3 { laterGroupsHaveThreeDigits = false }
        }
        var fractionDigitCount = 0
        if peek() == ".", peek(1)?.digitValue != nil {
            advance()
            fractionDigitCount = scanDigits(into: &digits)
        }
        var hasExtraSeparator = false
        var ignored: [UInt8] = []
        while peek() == "." || peek() == ",", peek(1)?.digitValue != nil {
            advance()
            _ = scanDigits(into: &ignored)
            hasExtraSeparator = true
        }
        var hasExponent = false
        if peek() == "e" || peek() == "E",
           peek(1)?.digitValue != nil || ((peek(1) == "+" || peek(1) == "-") && peek(2)?.digitValue != nil) {
            advance()
            if peek() == "+" || peek() == "-" { advance() }
            _ = scanDigits(into: &ignored)
            hasExponent = true
        }

        let groupingIsValid = !hasGroups || ((1...3).contains(firstGroupSize) && laterGroupsHaveThreeDigits)
        let problem: LiteralProblem? =
            if hasExponent { .exponentNotation(String(source[start..<index])) }
            else if hasExtraSeparator { .malformedSeparators(String(source[start..<index])) }
            else if !groupingIsValid { .malformedGrouping(String(source[start..<index])) }
            else { nil }
        return NumberLiteral(digits: digits, fractionDigitCount: fractionDigitCount, problem: problem)
    }

    /// Appends a run of digits and returns how many there were.
    private mutating func scanDigits(into digits: inout [UInt8]) -> Int {
        var count = 0
        while let value = peek()?.digitValue {
            digits.append(value)
            advance()
            count += 1
        }
        return count
    }

    // MARK: Words

    private mutating func scanWord(startingWith first: Unit, from start: String.Index) -> LiteralToken.Kind {
        if first.startsWithCJK {
            scanChineseWord()
            return .word
        }
        while let unit = peek(), unit.isLetter, !unit.startsWithCJK {
            advance()
        }
        // Letters glued to "$" or "¥" may name a currency: US$, HK$, CN¥, NT$.
        if let symbol = peek(), symbol == "$" || symbol == "¥" || symbol == "￥" {
            let candidate = source[start..<index].uppercased() + symbol.text
            if let currency = CurrencyInfo.symbols[candidate] {
                advance()
                return .currencySymbol(currency)
            }
        }
        return .word
    }

    /// The longest Chinese vocabulary entry starting here, or a single character.
    private mutating func scanChineseWord() {
        var candidate = ""
        var longest = 1
        for distance in 0..<Vocabulary.longestChineseWord {
            guard let unit = peek(distance), unit.startsWithCJK else { break }
            candidate += unit.text
            if Vocabulary.chineseWords.contains(candidate) { longest = distance + 1 }
        }
        for _ in 0..<longest { advance() }
    }

    // MARK: Symbols

    private mutating func scanSymbol(_ unit: Unit) -> LiteralToken.Kind {
        advance()
        switch unit {
        case "%", "％": return .percent
        case "/", "／": return .slash
        case "-", "–", "—", "‒", "−", "－", "﹣": return .dash
        case "~", "～", "〜": return .tilde
        case "+", "＋": return .plus
        case "≥", "⩾": return .comparison(.atLeast)
        case "≤", "⩽": return .comparison(.atMost)
        case "≈": return .comparison(.about)
        case ">", "＞":
            if peek() == "=" { advance(); return .comparison(.atLeast) }
            return .comparison(.over)
        case "<", "＜":
            if peek() == "=" { advance(); return .comparison(.atMost) }
            return .comparison(.under)
        default:
            if let currency = CurrencyInfo.symbols[unit.text] { return .currencySymbol(currency) }
            return .other
        }
    }

    // MARK: Cursor

    private func peek(_ distance: Int = 0) -> Unit? {
        offset + distance < units.count ? units[offset + distance] : nil
    }

    private mutating func advance() {
        offset += 1
    }
}

extension Character {
    /// The value of an ASCII or full-width decimal digit; `nil` for anything else.
    var digitValue: UInt8? {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return nil }
        return scalar.digitValue
    }
}
