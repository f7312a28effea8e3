import Diagnostics

/// What a word means inside a literal.
enum WordMeaning: Equatable, Sendable {
    /// A power of ten: "k", "million", "万".
    case scale(exponent: Int)
    /// A currency; `prefix` words may also come before the number ("USD 600M", "RMB 1B").
    case currency(Currency, prefix: Bool)
    /// A period on its own: "monthly", "annually".
    case period(PayPeriod)
    /// A period after "/", "per", "a" or "an": "month", "mo", "年".
    case periodUnit(PayPeriod)
    /// "percent", "pct".
    case percent
    /// Separates the ends of a range: "to", "至".
    case rangeWord
    /// A one-word bound before the value: "over", "about".
    case bound(Bound)
    /// The first word of a two-word bound, with the words that may follow it: "more" + "than".
    case boundLead([String: Bound])
    /// "per", followed by a period unit or "cent".
    case per
    /// "a" or "an", followed by a period unit.
    case article
    /// A word that only appears inside a phrase: "than", "least", "cent".
    case phraseWord
}

/// The words a literal may contain, and suggestions for misspellings of them.
enum Vocabulary {
    /// Spelling (lower-case) → meaning. Declaration order is the order suggestions are preferred in.
    private static let entries: [(String, WordMeaning)] = {
        var entries: [(String, WordMeaning)] = [
            ("k", .scale(exponent: 3)), ("thousand", .scale(exponent: 3)),
            ("m", .scale(exponent: 6)), ("mm", .scale(exponent: 6)), ("mn", .scale(exponent: 6)),
            ("mln", .scale(exponent: 6)), ("million", .scale(exponent: 6)),
            ("b", .scale(exponent: 9)), ("bn", .scale(exponent: 9)), ("bln", .scale(exponent: 9)),
            ("billion", .scale(exponent: 9)),
            ("t", .scale(exponent: 12)), ("tn", .scale(exponent: 12)), ("trillion", .scale(exponent: 12)),
            ("lakh", .scale(exponent: 5)), ("crore", .scale(exponent: 7)),
            ("千", .scale(exponent: 3)), ("万", .scale(exponent: 4)), ("百万", .scale(exponent: 6)),
            ("千万", .scale(exponent: 7)), ("亿", .scale(exponent: 8)), ("十亿", .scale(exponent: 9)),
            ("万亿", .scale(exponent: 12)),

            ("rmb", .currency(.cny, prefix: true)), ("yuan", .currency(.cny, prefix: false)),
            ("renminbi", .currency(.cny, prefix: false)),
            ("dollar", .currency(.usd, prefix: false)), ("dollars", .currency(.usd, prefix: false)),
            ("euro", .currency(.eur, prefix: false)), ("euros", .currency(.eur, prefix: false)),
            ("pound", .currency(.gbp, prefix: false)), ("pounds", .currency(.gbp, prefix: false)),
            ("yen", .currency(.jpy, prefix: false)), ("won", .currency(.krw, prefix: false)),
            ("rupee", .currency(.inr, prefix: false)), ("rupees", .currency(.inr, prefix: false)),
            ("元", .currency(.cny, prefix: false)), ("块", .currency(.cny, prefix: false)),
            ("人民币", .currency(.cny, prefix: true)), ("美元", .currency(.usd, prefix: false)),
            ("港元", .currency(.hkd, prefix: false)), ("港币", .currency(.hkd, prefix: false)),
            ("欧元", .currency(.eur, prefix: false)), ("英镑", .currency(.gbp, prefix: false)),
            ("日元", .currency(.jpy, prefix: false)), ("韩元", .currency(.krw, prefix: false)),

            ("hourly", .period(.hour)), ("daily", .period(.day)), ("weekly", .period(.week)),
            ("monthly", .period(.month)), ("yearly", .period(.year)), ("annually", .period(.year)),
            ("hour", .periodUnit(.hour)), ("hr", .periodUnit(.hour)), ("h", .periodUnit(.hour)),
            ("day", .periodUnit(.day)), ("d", .periodUnit(.day)),
            ("week", .periodUnit(.week)), ("wk", .periodUnit(.week)), ("w", .periodUnit(.week)),
            ("month", .periodUnit(.month)), ("mo", .periodUnit(.month)),
            ("year", .periodUnit(.year)), ("yr", .periodUnit(.year)), ("y", .periodUnit(.year)),
            ("annum", .periodUnit(.year)),
            ("小时", .periodUnit(.hour)), ("天", .periodUnit(.day)), ("日", .periodUnit(.day)),
            ("周", .periodUnit(.week)), ("月", .periodUnit(.month)), ("年", .periodUnit(.year)),

            ("percent", .percent), ("pct", .percent),
            ("to", .rangeWord), ("至", .rangeWord), ("到", .rangeWord),

            ("over", .bound(.over)), ("above", .bound(.over)),
            ("under", .bound(.under)), ("below", .bound(.under)),
            ("about", .bound(.about)), ("around", .bound(.about)), ("approximately", .bound(.about)),
            ("approx", .bound(.about)), ("roughly", .bound(.about)),
            ("more", .boundLead(["than": .over])),
            ("less", .boundLead(["than": .under])), ("fewer", .boundLead(["than": .under])),
            ("at", .boundLead(["least": .atLeast, "most": .atMost])),
            ("up", .boundLead(["to": .atMost])),
            ("than", .phraseWord), ("least", .phraseWord), ("most", .phraseWord), ("cent", .phraseWord),
            ("per", .per), ("a", .article), ("an", .article),
        ]
        for currency in Currency.known {
            entries.append((currency.code.lowercased(), .currency(currency, prefix: true)))
        }
        return entries
    }()

    private static let meanings: [String: WordMeaning] = Dictionary(
        entries.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first }
    )

    /// Chinese vocabulary entries, matched longest first because Chinese is written without spaces.
    static let chineseWords: Set<String> = Set(entries.map(\.0).filter { $0.unicodeScalars.contains { $0.isCJK } })

    /// The longest Chinese entry, in Characters.
    static let longestChineseWord = chineseWords.map(\.count).max() ?? 1

    /// What `word` means, ignoring case; `nil` for words outside the vocabulary.
    static func meaning(of word: Substring) -> WordMeaning? {
        if let meaning = meanings[String(word)] { return meaning }
        return meanings[word.lowercased()]
    }

    /// Whether `word` looks like an attempt at an ISO 4217 code: exactly three upper-case ASCII letters.
    static func looksLikeCurrencyCode(_ word: Substring) -> Bool {
        word.utf8.count == 3 && word.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// The closest known currency code, within one edit, for a misspelt code.
    static func suggestedCurrencyCode(for code: Substring) -> String? {
        closest(to: code.uppercased(), among: Currency.known.map(\.code), maximumDistance: 1)
    }

    /// The closest of `candidates` to a misspelt word (as it should be written), within one edit for words of
    /// up to five letters and two edits for longer ones. Currency codes are only suggested for three-letter words.
    static func suggestion(for word: Substring, among candidates: [String] = allWords) -> String? {
        guard !word.unicodeScalars.contains(where: \.isCJK) else { return nil }
        let lowered = word.lowercased()
        let maximumDistance = lowered.count <= 5 ? 1 : 2
        let eligible = lowered.count == 3 ? candidates : candidates.filter { !codes.contains($0) }
        guard let match = closest(to: lowered, among: eligible, maximumDistance: maximumDistance) else {
            return nil
        }
        return codes.contains(match) ? match.uppercased() : match
    }

    /// Latin spellings worth suggesting (two letters or more), lower-case.
    static let allWords: [String] = entries.compactMap { spelling, _ in
        spelling.count >= 2 && !spelling.unicodeScalars.contains(where: \.isCJK) ? spelling : nil
    }

    /// Words that may come before the number: bounds ("over", "at") and currency codes.
    static let leadingWords: [String] = allWords.filter { spelling in
        switch meanings[spelling] {
        case .bound?, .boundLead?, .currency(_, prefix: true)?: true
        default: false
        }
    }

    /// Latin spellings of period units ("month", "yr"), for suggestions after "/", "per", "a" and "an".
    static let periodUnits: [String] = allWords.filter { spelling in
        if case .periodUnit? = meanings[spelling] { true } else { false }
    }

    /// Currency codes and "rmb", lower-case.
    private static let codes: Set<String> = Set(entries.compactMap { spelling, meaning in
        if case .currency(_, prefix: true) = meaning, spelling.count == 3 { spelling } else { nil }
    })

    /// The first candidate with the smallest optimal-string-alignment distance, if within `maximumDistance`.
    private static func closest(to word: String, among candidates: [String], maximumDistance: Int) -> String? {
        let target = Array(word.unicodeScalars)
        var best: (word: String, distance: Int)?
        for candidate in candidates {
            let distance = Suggestion.editDistance(target, Array(candidate.unicodeScalars))
            if distance <= maximumDistance, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.word
    }
}

extension Unicode.Scalar {
    /// Whether the scalar belongs to a script written without spaces between words (Chinese, Japanese, Korean).
    var isCJK: Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            true
        default:
            false
        }
    }
}
