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
struct LiteralTokenizer {
    private let source: String
    private var index: String.Index
    private var offset = 0

    private init(_ source: String) {
        self.source = source
        self.index = source.startIndex
    }

    /// All tokens of `source`, in order.
    static func tokens(in source: String) -> [LiteralToken] {
        var tokenizer = LiteralTokenizer(source)
        var tokens: [LiteralToken] = []
        while let token = tokenizer.next() {
            tokens.append(token)
        }
        return tokens
    }

    private mutating func next() -> LiteralToken? {
        while let character = peek(), character.isWhitespace {
            advance()
        }
        guard let character = peek() else { return nil }
        let start = index
        let startOffset = offset
        let kind: LiteralToken.Kind
        if character.digitValue != nil || (character == "." && peek(1)?.digitValue != nil) {
            kind = .number(scanNumber(from: start))
        } else if character.isLetter {
            kind = scanWord(startingWith: character, from: start)
        } else {
            kind = scanSymbol(character)
        }
        return LiteralToken(kind: kind, text: source[start..<index], offset: startOffset, length: offset - startOffset)
    }

    // MARK: Numbers

    /// `digits ("," digits)* ("." digits)?`, and whatever malformed tail follows it glued on.
    private mutating func scanNumber(from start: String.Index) -> NumberLiteral {
        var digits: [UInt8] = []
        var groupSizes = [scanDigits(into: &digits)]
        while peek() == ",", peek(1)?.digitValue != nil {
            advance()
            groupSizes.append(scanDigits(into: &digits))
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

        let written = String(source[start..<index])
        let groupingIsValid = groupSizes.count == 1
            || ((1...3).contains(groupSizes[0]) && groupSizes.dropFirst().allSatisfy { $0 == 3 })
        let problem: LiteralProblem? =
            if hasExponent { .exponentNotation(written) }
            else if hasExtraSeparator { .malformedSeparators(written) }
            else if !groupingIsValid { .malformedGrouping(written) }
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

    private mutating func scanWord(startingWith first: Character, from start: String.Index) -> LiteralToken.Kind {
        if first.unicodeScalars.first?.isCJK ?? false {
            scanChineseWord()
            return .word
        }
        while let character = peek(), character.isLetter, !(character.unicodeScalars.first?.isCJK ?? false) {
            advance()
        }
        // Letters glued to "$" or "¥" may name a currency: US$, HK$, CN¥, NT$.
        if let symbol = peek(), symbol == "$" || symbol == "¥" || symbol == "￥" {
            let candidate = source[start..<index].uppercased() + String(symbol)
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
            guard let character = peek(distance), character.unicodeScalars.first?.isCJK ?? false else { break }
            candidate.append(character)
            if Vocabulary.chineseWords.contains(candidate) { longest = distance + 1 }
        }
        for _ in 0..<longest { advance() }
    }

    // MARK: Symbols

    private mutating func scanSymbol(_ character: Character) -> LiteralToken.Kind {
        advance()
        switch character {
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
            if let currency = CurrencyInfo.symbols[String(character)] { return .currencySymbol(currency) }
            return .other
        }
    }

    // MARK: Cursor

    private func peek(_ distance: Int = 0) -> Character? {
        var position = index
        for _ in 0..<distance {
            guard position < source.endIndex else { return nil }
            position = source.index(after: position)
        }
        return position < source.endIndex ? source[position] : nil
    }

    private mutating func advance() {
        index = source.index(after: index)
        offset += 1
    }
}

extension Character {
    /// The value of an ASCII or full-width decimal digit; `nil` for anything else.
    var digitValue: UInt8? {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return UInt8(scalar.value - 0x30)
        case 0xFF10...0xFF19: return UInt8(scalar.value - 0xFF10)
        default: return nil
        }
    }
}
