/// Finds number-like phrases in free prose: "raised US$500 million in March" → 500,000,000 USD.
///
/// A phrase starts at a number, a currency, a sign or a bound ("over", "about", "~") and is read with
/// the same grammar as a literal, as far as it goes. Skipped: numbers glued to Latin letters or digits
/// ("GPT-4", "K2", "4o", "3rd", dates such as "2025-07-22") and bare four-digit years 1900–2099.
/// Numbers written as words ("eight-figure") are not numbers.
public enum LiteralScanner {
    /// One phrase found in prose.
    public struct Match: Hashable, Sendable {
        /// What the phrase says; `written` is the phrase as it appears in the prose.
        public var quantity: Quantity
        /// Offset of the phrase, in Characters, from the start of the prose.
        public var offset: Int
        /// Length of the phrase in Characters.
        public var length: Int
    }

    /// The quantities written in `text`, in order of appearance.
    public static func quantities(in text: String) -> [Quantity] {
        matches(in: text).map(\.quantity)
    }

    /// The quantities written in `text` with where each phrase is, in order of appearance.
    public static func matches(in text: String) -> [Match] {
        let tokens = LiteralTokenizer.tokens(in: text)
        var matches: [Match] = []
        var index = tokens.startIndex
        while index < tokens.endIndex {
            if mayStartPhrase(tokens, at: index), let (quantity, end) = longestQuantity(in: tokens, from: index),
               isStandalone(quantity, in: tokens, from: index, to: end) {
                matches.append(Match(
                    quantity: quantity, offset: tokens[index].offset, length: tokens[end - 1].end - tokens[index].offset
                ))
                index = end
            } else {
                index += 1
            }
        }
        return matches
    }

    /// The most tokens a phrase may span; keeps the scan linear in the length of the prose.
    private static let longestPhrase = 24

    /// Reads the longest quantity starting at `start`. When reading fails, the tokens from the one the error
    /// points at onwards are dropped and reading starts again, so "$5M a round" still yields "$5M".
    private static func longestQuantity(in tokens: [LiteralToken], from start: Int) -> (Quantity, Int)? {
        var limit = min(tokens.endIndex, start + longestPhrase)
        while limit > start {
            var parser = LiteralParser(tokens: tokens[start..<limit])
            do {
                let quantity = try parser.parseQuantity()
                return (quantity, parser.position)
            } catch {
                let failing = tokens[start..<limit].firstIndex { $0.end > error.offset } ?? limit
                limit = min(failing, limit - 1)
            }
        }
        return nil
    }

    private static func mayStartPhrase(_ tokens: [LiteralToken], at index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .number:
            return !isGluedToPrevious(tokens, at: index)
        case .currencySymbol, .comparison, .tilde:
            return true
        case .dash, .plus:
            return index + 1 < tokens.endIndex && token.touches(tokens[index + 1]) && !isGluedToPrevious(tokens, at: index)
        case .word:
            switch token.meaning {
            case .currency(_, prefix: true), .bound, .boundLead: return true
            default: return false
            }
        default:
            return false
        }
    }

    /// Whether the token is part of a longer word or code: "K2", "GPT-4", "2025-07", "v1.2".
    private static func isGluedToPrevious(_ tokens: [LiteralToken], at index: Int) -> Bool {
        guard index > 0, tokens[index - 1].touches(tokens[index]) else { return false }
        let previous = tokens[index - 1]
        if previous.isLatinWord || isNumber(previous) { return true }
        let joins: Bool = switch previous.kind {
        case .dash, .slash, .plus: true
        case .other: previous.text == "." || previous.text == ":"
        default: false
        }
        guard joins, index > 1, tokens[index - 2].touches(previous) else { return false }
        return tokens[index - 2].isLatinWord || isNumber(tokens[index - 2])
    }

    /// Rejects phrases glued to a following word ("3rd", "10x", "4o") and bare years.
    private static func isStandalone(_ quantity: Quantity, in tokens: [LiteralToken], from start: Int, to end: Int) -> Bool {
        if end < tokens.endIndex, tokens[end - 1].touches(tokens[end]),
           tokens[end].isLatinWord || isNumber(tokens[end]) {
            return false
        }
        let looksLikeYear = quantity.unit == .number && quantity.bound == .exact && !quantity.isRange
            && quantity.period == nil && quantity.written.utf8.count == 4
            && quantity.written.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            && (1900...2099).contains(Int(quantity.written) ?? 0)
        return !looksLikeYear
    }

    private static func isNumber(_ token: LiteralToken) -> Bool {
        if case .number = token.kind { true } else { false }
    }
}
