/// An ISO 4217 currency, such as `USD` or `CNY`.
public struct Currency: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The three-letter ISO 4217 code, upper-case, e.g. `"USD"`.
    public let code: String

    /// Creates a currency from its code without checking it against the known table; see `init(parsing:)`.
    public init(code: String) {
        self.code = code.uppercased()
    }

    /// US dollar.
    public static let usd = Currency(code: "USD")
    /// Chinese yuan (renminbi).
    public static let cny = Currency(code: "CNY")
    /// Hong Kong dollar.
    public static let hkd = Currency(code: "HKD")
    /// Euro.
    public static let eur = Currency(code: "EUR")
    /// Pound sterling.
    public static let gbp = Currency(code: "GBP")
    /// Japanese yen.
    public static let jpy = Currency(code: "JPY")
    /// Singapore dollar.
    public static let sgd = Currency(code: "SGD")
    /// New Taiwan dollar.
    public static let twd = Currency(code: "TWD")
    /// South Korean won.
    public static let krw = Currency(code: "KRW")
    /// Indian rupee.
    public static let inr = Currency(code: "INR")
    /// Canadian dollar.
    public static let cad = Currency(code: "CAD")
    /// Australian dollar.
    public static let aud = Currency(code: "AUD")
    /// Swiss franc.
    public static let chf = Currency(code: "CHF")

    /// Every currency this module recognises, in a stable order (the most common first).
    public static let known: [Currency] = CurrencyInfo.table.map { Currency(code: $0.code) }

    /// The known currency with this code (any case), or `nil` if the code is not in the table.
    public static func known(code: String) -> Currency? {
        CurrencyInfo.byCode[code.uppercased()].map { Currency(code: $0.code) }
    }

    /// The English name, e.g. "US dollar"; the code for unknown currencies.
    public var name: String { CurrencyInfo.byCode[code]?.name ?? code }

    /// The code, e.g. "USD".
    public var description: String { code }

    /// Orders currencies by code.
    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.code < rhs.code }
}

/// What the module knows about one currency.
struct CurrencyInfo: Sendable {
    let code: String
    let name: String
    let symbol: String
    let chineseName: String

    /// Known currencies. `¥` alone means CNY in this project, so JPY shows as `JP¥`.
    static let table: [CurrencyInfo] = [
        CurrencyInfo(code: "USD", name: "US dollar", symbol: "$", chineseName: "美元"),
        CurrencyInfo(code: "CNY", name: "Chinese yuan", symbol: "¥", chineseName: "元"),
        CurrencyInfo(code: "HKD", name: "Hong Kong dollar", symbol: "HK$", chineseName: "港元"),
        CurrencyInfo(code: "EUR", name: "euro", symbol: "€", chineseName: "欧元"),
        CurrencyInfo(code: "GBP", name: "pound sterling", symbol: "£", chineseName: "英镑"),
        CurrencyInfo(code: "JPY", name: "Japanese yen", symbol: "JP¥", chineseName: "日元"),
        CurrencyInfo(code: "SGD", name: "Singapore dollar", symbol: "S$", chineseName: "新加坡元"),
        CurrencyInfo(code: "TWD", name: "New Taiwan dollar", symbol: "NT$", chineseName: "新台币"),
        CurrencyInfo(code: "KRW", name: "South Korean won", symbol: "₩", chineseName: "韩元"),
        CurrencyInfo(code: "INR", name: "Indian rupee", symbol: "₹", chineseName: "印度卢比"),
        CurrencyInfo(code: "CAD", name: "Canadian dollar", symbol: "C$", chineseName: "加元"),
        CurrencyInfo(code: "AUD", name: "Australian dollar", symbol: "A$", chineseName: "澳元"),
        CurrencyInfo(code: "CHF", name: "Swiss franc", symbol: "CHF", chineseName: "瑞士法郎"),
        CurrencyInfo(code: "NZD", name: "New Zealand dollar", symbol: "NZ$", chineseName: "新西兰元"),
        CurrencyInfo(code: "SEK", name: "Swedish krona", symbol: "SEK", chineseName: "瑞典克朗"),
        CurrencyInfo(code: "NOK", name: "Norwegian krone", symbol: "NOK", chineseName: "挪威克朗"),
        CurrencyInfo(code: "DKK", name: "Danish krone", symbol: "DKK", chineseName: "丹麦克朗"),
        CurrencyInfo(code: "BRL", name: "Brazilian real", symbol: "R$", chineseName: "巴西雷亚尔"),
        CurrencyInfo(code: "MXN", name: "Mexican peso", symbol: "MXN", chineseName: "墨西哥比索"),
        CurrencyInfo(code: "RUB", name: "Russian ruble", symbol: "₽", chineseName: "卢布"),
        CurrencyInfo(code: "ZAR", name: "South African rand", symbol: "ZAR", chineseName: "南非兰特"),
        CurrencyInfo(code: "THB", name: "Thai baht", symbol: "฿", chineseName: "泰铢"),
        CurrencyInfo(code: "MYR", name: "Malaysian ringgit", symbol: "MYR", chineseName: "马来西亚林吉特"),
        CurrencyInfo(code: "IDR", name: "Indonesian rupiah", symbol: "IDR", chineseName: "印尼盾"),
        CurrencyInfo(code: "VND", name: "Vietnamese dong", symbol: "₫", chineseName: "越南盾"),
        CurrencyInfo(code: "PHP", name: "Philippine peso", symbol: "₱", chineseName: "菲律宾比索"),
        CurrencyInfo(code: "AED", name: "UAE dirham", symbol: "AED", chineseName: "阿联酋迪拉姆"),
        CurrencyInfo(code: "SAR", name: "Saudi riyal", symbol: "SAR", chineseName: "沙特里亚尔"),
        CurrencyInfo(code: "ILS", name: "Israeli shekel", symbol: "₪", chineseName: "以色列新谢克尔"),
        CurrencyInfo(code: "TRY", name: "Turkish lira", symbol: "₺", chineseName: "土耳其里拉"),
        CurrencyInfo(code: "PLN", name: "Polish zloty", symbol: "PLN", chineseName: "波兰兹罗提"),
    ]

    static let byCode: [String: CurrencyInfo] = Dictionary(
        uniqueKeysWithValues: table.map { ($0.code, $0) }
    )

    /// Currency symbols as editors write them, keyed upper-case: `$`, `US$`, `HK$`, `¥`, `CN¥`, `€` …
    static let symbols: [String: Currency] = [
        "$": .usd, "＄": .usd, "US$": .usd,
        "¥": .cny, "￥": .cny, "CN¥": .cny, "RMB¥": .cny,
        "HK$": .hkd,
        "€": .eur,
        "£": .gbp,
        "JP¥": .jpy,
        "S$": .sgd, "SG$": .sgd,
        "NT$": .twd,
        "₩": .krw,
        "₹": .inr,
        "C$": .cad, "CA$": .cad,
        "A$": .aud, "AU$": .aud,
        "NZ$": Currency(code: "NZD"),
        "R$": Currency(code: "BRL"),
        "₽": Currency(code: "RUB"),
        "฿": Currency(code: "THB"),
        "₫": Currency(code: "VND"),
        "₱": Currency(code: "PHP"),
        "₪": Currency(code: "ILS"),
        "₺": Currency(code: "TRY"),
    ]
}
