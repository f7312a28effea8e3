import Foundation

/// `Content/site.yaml`: what the whole site shares.
public struct SiteConfig: Sendable, Equatable {
    public enum Language: String, Sendable, CaseIterable {
        case en, zh
    }

    /// How mixed currencies are shown in charts: converted to one display currency.
    public struct CurrencySettings: Sendable, Equatable {
        /// ISO 4217 code of the currency charts convert to.
        public var display: String
        /// The day the rates were read.
        public var asOf: CalendarDate?
        /// 1 unit of the key currency = rate × display currency.
        public var rates: [String: Decimal]

        public init(display: String = "USD", asOf: CalendarDate? = nil, rates: [String: Decimal] = [:]) {
            self.display = display
            self.asOf = asOf
            self.rates = rates
        }
    }

    public struct MarkdownSettings: Sendable, Equatable {
        public var smart: Bool
        public var unsafeHTML: Bool

        public init(smart: Bool = true, unsafeHTML: Bool = false) {
            self.smart = smart
            self.unsafeHTML = unsafeHTML
        }
    }

    public var title: String
    public var description: String
    /// Absolute URL with a trailing slash; used only in the feed, sitemap and canonical links.
    public var baseURL: String
    public var language: Language
    public var author: String
    public var currency: CurrencySettings
    public var markdown: MarkdownSettings
    /// Full-text search over the articles, from a box in the header (`search: true`); indexed by Pagefind.
    public var search = false

    public init(
        title: String, description: String = "", baseURL: String = "https://example.org/", language: Language = .en,
        author: String = "", currency: CurrencySettings = CurrencySettings(), markdown: MarkdownSettings = MarkdownSettings()
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.author = author
        self.currency = currency
        self.markdown = markdown
    }
}
