import Diagnostics
import Money

/// One typed fact from an article's front matter.
public struct Fact: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case funding, salary, distribution, figure

        /// The front-matter block that holds facts of this kind.
        public var block: String {
            switch self {
            case .funding: "funding"
            case .salary: "salaries"
            case .distribution: "distributions"
            case .figure: "figures"
            }
        }

        public static func < (a: Kind, b: Kind) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public enum Detail: Sendable, Equatable {
        case funding(FundingRound)
        case salary(Salary)
        case distribution(Distribution)
        case figure(Figure)
    }

    /// Unique within its article; explicit or derived from the fact's fields.
    public var id: String
    public var detail: Detail
    /// The fact's own source, or the article's.
    public var source: SourceReference?
    public var note: String?
    /// Where the fact's entry starts in its file.
    public var location: SourceLocation
    /// Where each amount of money in the fact is written, for problems found once every article is read.
    public var amounts: [WrittenAmount] = []

    /// An amount of money and where it is written (`funding[0].amount` at its line and column).
    public struct WrittenAmount: Sendable, Equatable {
        public var field: String
        public var location: SourceLocation
        public var quantity: Quantity

        public init(field: String, location: SourceLocation, quantity: Quantity) {
            self.field = field
            self.location = location
            self.quantity = quantity
        }
    }

    public init(id: String, detail: Detail, source: SourceReference?, note: String? = nil, location: SourceLocation) {
        self.id = id
        self.detail = detail
        self.source = source
        self.note = note
        self.location = location
    }

    public var kind: Kind {
        switch detail {
        case .funding: .funding
        case .salary: .salary
        case .distribution: .distribution
        case .figure: .figure
        }
    }

    /// The company or employer the fact is about, as written; `nil` when it names none.
    public var entityName: String? {
        switch detail {
        case .funding(let round): round.company
        case .salary(let salary): salary.employer
        case .figure(let figure): figure.company
        case .distribution: nil
        }
    }

    /// The values a reader could quote from this fact, for checking link text.
    public var quotableValues: [Quantity] {
        switch detail {
        case .funding(let round): [round.amount] + (round.valuation.map { [$0] } ?? [])
        case .salary(let salary): [salary.pay]
        case .distribution(let distribution): distribution.buckets.map(\.share)
        case .figure(let figure): [figure.value]
        }
    }

    /// The fact's headline value as written.
    public var written: String {
        switch detail {
        case .funding(let round): round.amount.written
        case .salary(let salary): salary.pay.written
        case .distribution(let distribution):
            distribution.buckets.map { "\($0.label): \($0.share.written)" }.joined(separator: "; ")
        case .figure(let figure): figure.value.written
        }
    }

    /// What the fact is about, in a few words.
    public var label: String {
        switch detail {
        case .funding(let round): "\(round.company), \(round.round)"
        case .salary(let salary): salary.employer.map { "\(salary.role), \($0)" } ?? salary.role
        case .distribution(let distribution): distribution.title
        case .figure(let figure): figure.label
        }
    }
}

/// A funding round: `company`, `round`, `amount` and what is known besides.
public struct FundingRound: Sendable, Equatable {
    public struct Investor: Sendable, Equatable {
        public var name: String
        public var isLead: Bool

        public init(name: String, isLead: Bool) {
            self.name = name
            self.isLead = isLead
        }
    }

    public var company: String
    public var round: String
    public var amount: Quantity
    public var date: CalendarDate?
    public var valuation: Quantity?
    public var investors: [Investor]

    public init(company: String, round: String, amount: Quantity, date: CalendarDate? = nil, valuation: Quantity? = nil, investors: [Investor] = []) {
        self.company = company
        self.round = round
        self.amount = amount
        self.date = date
        self.valuation = valuation
        self.investors = investors
    }
}

/// Pay for a role: always money with a period.
public struct Salary: Sendable, Equatable {
    public var role: String
    public var employer: String?
    public var pay: Quantity

    public init(role: String, employer: String? = nil, pay: Quantity) {
        self.role = role
        self.employer = employer
        self.pay = pay
    }
}

/// Shares of one whole, such as pay bands.
public struct Distribution: Sendable, Equatable {
    public struct Bucket: Sendable, Equatable {
        public var label: String
        /// A percentage; for the `rest` bucket, what the others leave of 100%.
        public var share: Quantity
        public var isRest: Bool

        public init(label: String, share: Quantity, isRest: Bool = false) {
            self.label = label
            self.share = share
            self.isRest = isRest
        }
    }

    public var title: String
    public var buckets: [Bucket]
    public var basis: String?

    public init(title: String, buckets: [Bucket], basis: String? = nil) {
        self.title = title
        self.buckets = buckets
        self.basis = basis
    }
}

/// A single number with its context; figures sharing a `group` are charted together.
public struct Figure: Sendable, Equatable {
    public var label: String
    public var value: Quantity
    public var unit: String?
    public var group: String?
    public var of: String?
    public var date: CalendarDate?
    /// The company the figure is about, as written (resolved through entities like funding's).
    public var company: String?

    public init(
        label: String, value: Quantity, unit: String? = nil, group: String? = nil, of: String? = nil, date: CalendarDate? = nil, company: String? = nil
    ) {
        self.company = company
        self.label = label
        self.value = value
        self.unit = unit
        self.group = group
        self.of = of
        self.date = date
    }
}

/// A company or organisation, from `Content/entities.yaml` or named by a fact.
public struct Entity: Sendable, Equatable, Hashable {
    public var name: String
    public var slug: String
    public var aliases: [String]
    public var url: String?
    public var about: String?
    /// Whether entities.yaml describes it (rather than a fact merely naming it).
    public var isListed: Bool

    public init(name: String, slug: String, aliases: [String] = [], url: String? = nil, about: String? = nil, isListed: Bool = true) {
        self.name = name
        self.slug = slug
        self.aliases = aliases
        self.url = url
        self.about = about
        self.isListed = isListed
    }
}

/// How names are compared: case, spacing and punctuation do not matter.
public enum EntityName {
    /// The name without case, spaces, commas or full stops: `Moonshot AI`, `moonshot ai` and `MoonshotAI`
    /// are one name.
    public static func normalize(_ name: String) -> String {
        String(name.lowercased().filter { !($0.isWhitespace || $0 == "," || $0 == ".") })
    }
}
