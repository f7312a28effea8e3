/// Why a literal could not be read, and where in it the problem starts.
public struct LiteralError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was found and what was expected, e.g. `unknown word "millon" (did you mean "million"?)`.
    public var message: String
    /// 0-based offset, in Characters, from the start of the text given to the parser to the offending token.
    public var offset: Int

    /// Creates an error with a finished message.
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    init(_ problem: LiteralProblem, at offset: Int) {
        self.init(problem.message, at: offset)
    }

    /// The message alone; callers add the location.
    public var description: String { message }
}

/// Every reason a literal can be rejected; the one place where messages are worded.
/// Indirect, so that the rare problem does not make every number token large.
indirect enum LiteralProblem: Equatable {
    case nothingToRead
    /// `after` is what was read so far; `found` is `nil` at the end of the literal.
    case expected(String, after: String?, found: String?)
    case unknownWord(String, suggestion: String?)
    case unknownCurrencyCode(String, suggestion: String?)
    case malformedGrouping(String)
    case malformedSeparators(String)
    case exponentNotation(String)
    case tooLarge(String)
    case tooManyDigits(String)
    case repeated(what: String, first: String, second: String)
    case conflictingCurrencies(first: String, Currency, second: String, Currency)
    case conflictingPeriods(first: String, second: String)
    case percentWith(what: String, found: String)
    case negativeMoney(sign: String)
    case boundOnRange(String)
    case reversedRange(low: String, high: String)

    /// Example literals quoted when a number is missing.
    static let numberExamples = #"a number such as "600M", "$600 million" or "32.45%""#

    var message: String {
        switch self {
        case .nothingToRead:
            return "expected a number, found nothing"
        case let .expected(what, after, found):
            let context = after.map { #" after "\#($0)""# } ?? ""
            let finding = found.map { #""\#($0)""# } ?? "nothing"
            return "expected \(what)\(context), found \(finding)"
        case let .unknownWord(word, suggestion?):
            return #"unknown word "\#(word)" (did you mean "\#(suggestion)"?)"#
        case let .unknownWord(word, nil):
            return #"unknown word "\#(word)"; expected a scale, currency or period such as "million", "USD" or "/year""#
        case let .unknownCurrencyCode(code, suggestion?):
            return #"unknown currency code "\#(code)" (did you mean "\#(suggestion)"?)"#
        case let .unknownCurrencyCode(code, nil):
            return #"unknown currency code "\#(code)""#
        case let .malformedGrouping(number):
            return #"malformed number "\#(number)"; expected "," between groups of three digits, as in "1,000,000""#
        case let .malformedSeparators(number):
            return #"malformed number "\#(number)"; expected "," between thousands and at most one "." before decimals"#
        case let .exponentNotation(number):
            return #"exponent notation is not supported, found "\#(number)"; write the digits out or use a scale word such as "million""#
        case let .tooLarge(number):
            return #"number too large: "\#(number)" is more than 10^30"#
        case let .tooManyDigits(number):
            return #"too many digits in "\#(number)"; expected at most 38 significant digits and 30 decimal places"#
        case let .repeated(what, first, second):
            return #"expected one \#(what), found "\#(second)" after "\#(first)""#
        case let .conflictingCurrencies(first, firstCurrency, second, secondCurrency):
            return #"conflicting currencies "\#(first)" (\#(firstCurrency.code)) and "\#(second)" (\#(secondCurrency.code)); expected one currency"#
        case let .conflictingPeriods(first, second):
            return #"conflicting periods "\#(first)" and "\#(second)"; expected one period"#
        case let .percentWith(what, found):
            return #"a percentage cannot have \#(what), found "\#(found)""#
        case let .negativeMoney(sign):
            return #"an amount of money cannot be negative, found "\#(sign)""#
        case let .boundOnRange(bound):
            return #"a range cannot take the bound "\#(bound)"; expected "about" or no bound"#
        case let .reversedRange(low, high):
            return "range is reversed: low end \(low) is above high end \(high)"
        }
    }
}
