extension TextMetrics {
    /// One character of a text: its UTF-8 bytes, width in em and traits.
    struct Glyph {
        var bytes: Range<Int>
        var ems: Double
        var traits: Traits
    }

    /// A text split into characters (grapheme clusters), each with what measuring, wrapping and truncation need.
    ///
    /// Most labels are made only of scalars that are characters on their own (`independentScalar`); those are
    /// read scalar by scalar from tables built with the same rules as any other character. Any other text is
    /// split by `String`'s own character view.
    struct Glyphs {
        let text: String
        private var glyphs: [Glyph] = []
        /// The sum of the glyph widths, in order: the text's width in em.
        private(set) var ems = 0.0
        private(set) var containsNewline = false

        init(_ text: String) {
            self.text = text
            glyphs.reserveCapacity(text.utf8.count)
            var offset = 0
            for scalar in text.unicodeScalars {
                guard let known = Self.independentScalar(scalar) else {
                    splitIntoCharacters()
                    return
                }
                let length = UTF8.width(scalar)
                append(Glyph(bytes: offset..<offset + length, ems: known.ems, traits: known.traits))
                offset += length
            }
        }

        /// Starts over, one glyph per `Character`.
        private mutating func splitIntoCharacters() {
            glyphs.removeAll(keepingCapacity: true)
            ems = 0
            containsNewline = false
            var offset = 0
            for character in text {
                let length = character.utf8.count
                let known = Self.tabulated(character) ?? (ems: TextMetrics.ems(character), traits: TextMetrics.traits(of: character))
                append(Glyph(bytes: offset..<offset + length, ems: known.ems, traits: known.traits))
                offset += length
            }
        }

        private mutating func append(_ glyph: Glyph) {
            glyphs.append(glyph)
            ems += glyph.ems
            if glyph.traits.contains(.newline) { containsNewline = true }
        }

        /// The width of `text` in em, as `Glyphs(text).ems` without keeping the glyphs.
        static func ems(of text: String) -> Double {
            var sum = 0.0
            for scalar in text.unicodeScalars {
                guard let known = independentScalar(scalar) else {
                    return text.reduce(0) { $0 + (tabulated($1)?.ems ?? TextMetrics.ems($1)) }
                }
                sum += known.ems
            }
            return sum
        }

        var count: Int { glyphs.count }

        subscript(index: Int) -> Glyph { glyphs[index] }

        /// Each line break becomes a space, as when a text that must fit one line is cut; the glyph keeps no bytes.
        mutating func replaceNewlinesWithSpaces() {
            let space = Self.asciiTable[Int(UInt8(ascii: " "))]
            for index in glyphs.indices where glyphs[index].traits.contains(.newline) {
                glyphs[index].ems = space.ems
                glyphs[index].traits = space.traits
                glyphs[index].bytes = glyphs[index].bytes.lowerBound..<glyphs[index].bytes.lowerBound
            }
            containsNewline = false
        }

        // MARK: Text

        private func index(atByte offset: Int) -> String.Index {
            text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        }

        /// The UTF-8 bytes `range` of the text.
        private func utf8(_ range: Range<Int>) -> Substring.UTF8View {
            text.utf8[index(atByte: range.lowerBound)..<index(atByte: range.upperBound)]
        }

        /// The text of UTF-8 bytes `range`, which start and end on character boundaries.
        private func slice(_ range: Range<Int>) -> String {
            if range.lowerBound == 0, range.upperBound == text.utf8.count { return text }
            return String(text[index(atByte: range.lowerBound)..<index(atByte: range.upperBound)])
        }

        /// The text of glyphs `range`; a glyph without bytes (a replaced line break) is written as a space.
        func text(of range: Range<Int>) -> String {
            guard let first = range.first, let last = range.last else { return "" }
            let glyphs = glyphs[range]
            if !glyphs.contains(where: \.bytes.isEmpty) {
                return slice(glyphs[first].bytes.lowerBound..<glyphs[last].bytes.upperBound)
            }
            var bytes: [UInt8] = []
            for glyph in glyphs {
                if glyph.bytes.isEmpty {
                    bytes.append(UInt8(ascii: " "))
                } else {
                    bytes.append(contentsOf: utf8(glyph.bytes))
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// A line's words with a single space before each word but the first that follows whitespace.
        func text(of words: ArraySlice<LineBuilder.Word>) -> String {
            guard let first = words.first, let last = words.last else { return "" }
            // Usually the text already has exactly that between the words, and the line is a slice of it.
            let isSlice = zip(words, words.dropFirst()).allSatisfy { previous, word in
                let gap = utf8(previous.bytes.upperBound..<word.bytes.lowerBound)
                return word.spaceBefore ? gap.elementsEqual(" ".utf8) : gap.isEmpty
            }
            if isSlice { return slice(first.bytes.lowerBound..<last.bytes.upperBound) }
            var bytes: [UInt8] = []
            for (index, word) in zip(words.indices, words) {
                if index != words.startIndex, word.spaceBefore { bytes.append(UInt8(ascii: " ")) }
                bytes.append(contentsOf: utf8(word.bytes))
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        // MARK: Classification

        /// Width and traits of `scalar` when it is a character on its own whatever its neighbours, or `nil`.
        ///
        /// These are ASCII but the carriage return (which pairs with a line feed), the tabulated blocks but the
        /// joiners and combining marks in them, and the common ideographs: no combining mark, joiner, Hangul jamo,
        /// regional indicator or prepended mark, so text made only of them has one character per scalar.
        static func independentScalar(_ scalar: Unicode.Scalar) -> (ems: Double, traits: Traits)? {
            let value = scalar.value
            if value < 0x80 { return value == 0x0D ? nil : asciiTable[Int(value)] }
            switch value {
            case 0x200C, 0x200D, 0x302A...0x302F, 0xFF9E, 0xFF9F: return nil
            default: return tabulated(scalar)
            }
        }

        /// Width and traits of a character made of one scalar from the tables below or a common ideograph, or `nil`.
        static func tabulated(_ character: Character) -> (ems: Double, traits: Traits)? {
            var scalars = character.unicodeScalars.makeIterator()
            guard let scalar = scalars.next(), scalars.next() == nil else { return nil }
            return tabulated(scalar)
        }

        /// Width and traits of `Character(scalar)` when the tables below or the ideograph rule have them.
        private static func tabulated(_ scalar: Unicode.Scalar) -> (ems: Double, traits: Traits)? {
            let value = scalar.value
            if value < 0x80 { return asciiTable[Int(value)] }
            if (0x4E00...0x9FFF).contains(value) { return ideograph(scalar) }
            for (block, table) in blockTables where block.contains(value) {
                return table[Int(value - block.lowerBound)]
            }
            return nil
        }

        /// Width and traits of the ASCII characters, from the same rules as every other character.
        private static let asciiTable = (0..<0x80).map { classify(Unicode.Scalar(UInt8($0))) }

        /// Width and traits of every character in the blocks that labels use besides ASCII and ideographs:
        /// Latin-1, general punctuation, currency symbols, mathematical operators, CJK punctuation and fullwidth forms.
        private static let blockTables: [(block: ClosedRange<UInt32>, table: [(ems: Double, traits: Traits)])] = [
            0x0080...0x00FF, 0x2000...0x206F, 0x20A0...0x20CF, 0x2200...0x22FF, 0x3000...0x303F, 0xFF00...0xFFEF,
        ].map { block in
            (block, block.map { Unicode.Scalar($0).map(classify) ?? (0, []) })
        }

        private static func classify(_ scalar: Unicode.Scalar) -> (ems: Double, traits: Traits) {
            let character = Character(scalar)
            return (TextMetrics.ems(character), TextMetrics.traits(of: character))
        }

        /// An ideograph in U+4E00–U+9FFF is a 1 em letter of wide text and no emoji. Nothing else is canonically
        /// equivalent to these code points, so only the ideographs the character sets list ("万", "至"…) need them.
        private static func ideograph(_ scalar: Unicode.Scalar) -> (ems: Double, traits: Traits) {
            if listedIdeographs.contains(scalar.value) { return classify(scalar) }
            return (wideWidth, [.letter, .wideText])
        }

        // MARK: Line breaking

        /// Whether a line may break between glyph `index` and the next (neither a space).
        func canBreak(after index: Int) -> Bool {
            let before = glyphs[index].traits, after = glyphs[index + 1].traits
            if before.contains(.noEnd) || after.contains(.noStart) { return false }
            if before.contains(.hyphen) {
                return index > 0 && glyphs[index - 1].traits.contains(.wordLetter) && after.contains(.wordLetter)
            }
            if before.contains(.wideText) {
                // Between ideographs, or from an ideograph to a word or number ("使用|AI", "年薪|30万").
                return !after.isDisjoint(with: [.wideText, .wordLetter, .digit, .currencySign])
            }
            // From a word to an ideograph ("AI|工具"); a digit keeps its unit ("30|年" stays together).
            return after.contains(.wideText) && before.contains(.wordLetter)
        }

        // MARK: Number tokens

        private func has(_ index: Int, _ trait: Traits) -> Bool {
            glyphs[index].traits.contains(trait)
        }

        /// For each index, whether the boundary after that glyph lies inside a number or range token
        /// such as "−CN¥30M–40M", "32.45%" or "1.2万亿"; the last entry is always false.
        func numberTokenBoundaries() -> [Bool] {
            let count = glyphs.count
            var inside = [Bool](repeating: false, count: count)
            var index = 0
            while index < count {
                guard has(index, .digit) else {
                    index += 1
                    continue
                }
                let start = prefixStart(before: index)
                var end = index // one past the token's last glyph
                scan: while true {
                    while end < count, has(end, .digit) { end += 1 }
                    guard end < count else { break }
                    if has(end, .decimalMark), end + 1 < count, has(end + 1, .digit) {
                        end += 1
                        continue
                    }
                    if has(end, .numberSuffix) {
                        end += 1
                        while end < count, has(end, .numberSuffix), !isLetterAfterSuffix(end) { end += 1 }
                        if end < count, has(end, .rangeDash), let digit = digitAfterPrefix(from: end + 1) {
                            end = digit
                            continue scan
                        }
                        break
                    }
                    if has(end, .rangeDash), let digit = digitAfterPrefix(from: end + 1) {
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
        private func isLetterAfterSuffix(_ index: Int) -> Bool {
            let asciiLetter: Traits = [.ascii, .letter]
            return glyphs[index].traits.isSuperset(of: asciiLetter) && index + 1 < glyphs.count
                && glyphs[index + 1].traits.isSuperset(of: asciiLetter)
        }

        /// Where a number's prefix starts: currency signs, the letters before one ("CN¥", "US$"), and a sign.
        private func prefixStart(before index: Int) -> Int {
            var start = index
            while start > 0, has(start - 1, .currencySign) { start -= 1 }
            if start < index {
                var letters = 0
                while start > 0, letters < 3, has(start - 1, .asciiUppercase) {
                    start -= 1
                    letters += 1
                }
            }
            if start > 0, has(start - 1, .numberSign) { start -= 1 }
            return start
        }

        /// The index of the first digit of the number starting at `index` after optional currency prefix, or `nil`.
        private func digitAfterPrefix(from index: Int) -> Int? {
            let count = glyphs.count
            var position = index
            var letters = 0
            while position < count, letters < 3, has(position, .asciiUppercase) {
                position += 1
                letters += 1
            }
            if letters > 0, position < count, !has(position, .currencySign) { position = index }
            if position < count, has(position, .minus) { position += 1 }
            while position < count, has(position, .currencySign) { position += 1 }
            return position < count && has(position, .digit) ? position : nil
        }
    }
}
