import Foundation

/// How often an amount of pay is earned: `/hour`, `/day`, `/week`, `/month` or `/year`.
public enum PayPeriod: String, Sendable, CaseIterable {
    case hour, day, week, month, year
}

/// How many of each period make a year when pay is annualised.
public struct AnnualizationConvention: Sendable, Equatable {
    /// Working hours in a year; 2,000 by default (40 hours × 50 weeks).
    public var hoursPerYear: Decimal
    /// Working days in a year; 250 by default (5 days × 50 weeks).
    public var daysPerYear: Decimal
    /// Weeks in a year; 52 by default.
    public var weeksPerYear: Decimal
    /// Months in a year; 12 by default.
    public var monthsPerYear: Decimal

    /// Creates a convention; every argument defaults to the standard value.
    public init(
        hoursPerYear: Decimal = 2000,
        daysPerYear: Decimal = 250,
        weeksPerYear: Decimal = 52,
        monthsPerYear: Decimal = 12
    ) {
        self.hoursPerYear = hoursPerYear
        self.daysPerYear = daysPerYear
        self.weeksPerYear = weeksPerYear
        self.monthsPerYear = monthsPerYear
    }

    /// 2,000 working hours, 250 working days, 52 weeks or 12 months make a year.
    public static let standard = AnnualizationConvention()

    /// How many of `period` make a year under this convention.
    public func periods(of period: PayPeriod) -> Decimal {
        switch period {
        case .hour: hoursPerYear
        case .day: daysPerYear
        case .week: weeksPerYear
        case .month: monthsPerYear
        case .year: 1
        }
    }

    /// One English sentence documenting the convention, for methodology pages and chart notes.
    public var summary: String {
        "Pay is annualised assuming \(DecimalText.grouped(hoursPerYear)) working hours, "
            + "\(DecimalText.grouped(daysPerYear)) working days, \(DecimalText.grouped(weeksPerYear)) weeks "
            + "or \(DecimalText.grouped(monthsPerYear)) months in a year."
    }
}
