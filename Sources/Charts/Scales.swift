import Foundation

/// Maps data values to pixel positions along one axis and proposes tick values.
public protocol Scale: Sendable {
    /// The pixel position of `value` along the range.
    func position(of value: Double) -> Double
    /// Tick values for about `count` ticks, in the domain's direction.
    func ticks(count: Int) -> [Double]
}

/// A linear scale, as d3-scale `scaleLinear` without clamping.
public struct LinearScale: Scale, Equatable {
    /// The data interval, in the order it maps onto `range`.
    public var domain: (Double, Double)
    /// The pixel interval; `range.0` is where `domain.0` is drawn.
    public var range: (Double, Double)

    /// Creates a scale mapping `domain.0` to `range.0` and `domain.1` to `range.1`.
    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain
        self.range = range
    }

    /// The pixel position of `value`; a degenerate domain maps everything to the middle of the range (as d3).
    public func position(of value: Double) -> Double {
        let span = domain.1 - domain.0
        let t = span != 0 && span.isFinite ? (value - domain.0) / span : 0.5
        // d3's interpolateNumber form, exact at both ends.
        return range.0 * (1 - t) + range.1 * t
    }

    /// d3 ticks over the domain.
    public func ticks(count: Int) -> [Double] {
        Ticks.ticks(from: domain.0, to: domain.1, count: count)
    }

    /// The same scale with its domain widened to whole tick steps (d3 `nice`).
    public func niced(count: Int) -> LinearScale {
        let nice = Ticks.nice(from: domain.0, to: domain.1, count: count)
        return LinearScale(domain: (nice.start, nice.stop), range: range)
    }

    /// Whether both scales have the same domain and range.
    public static func == (lhs: LinearScale, rhs: LinearScale) -> Bool {
        lhs.domain == rhs.domain && lhs.range == rhs.range
    }
}

/// A base-10 logarithmic scale with ticks at powers of ten.
///
/// Both domain ends must be positive (`ScaleChoice.prefersLog` guarantees it for data domains).
/// Values ≤ 0 are drawn at the lower domain end; a domain with a non-positive end maps
/// everything to the middle of the range, so no NaN ever reaches the SVG.
public struct LogScale: Scale, Equatable {
    /// The data interval (both ends positive), in the order it maps onto `range`.
    public var domain: (Double, Double)
    /// The pixel interval; `range.0` is where `domain.0` is drawn.
    public var range: (Double, Double)

    /// Creates a scale mapping `domain.0` to `range.0` and `domain.1` to `range.1`, logarithmically.
    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain
        self.range = range
    }

    /// The pixel position of `value` on a log10 axis.
    public func position(of value: Double) -> Double {
        guard domain.0 > 0, domain.1 > 0, domain.0.isFinite, domain.1.isFinite else {
            return (range.0 + range.1) / 2
        }
        let low = log10(domain.0), high = log10(domain.1)
        let clamped = value > 0 ? value : min(domain.0, domain.1)
        let span = high - low
        let t = span != 0 ? (log10(clamped) - low) / span : 0.5
        return range.0 * (1 - t) + range.1 * t
    }

    /// Powers of ten inside the domain, every k-th power when there are more than `count`;
    /// d3 linear ticks when the domain holds fewer than two powers.
    public func ticks(count: Int) -> [Double] {
        guard count > 0, domain.0 > 0, domain.1 > 0, domain.0.isFinite, domain.1.isFinite else { return [] }
        let low = min(domain.0, domain.1), high = max(domain.0, domain.1)
        var first = Int(log10(low).rounded(.up))
        if LogScale.power(first - 1) >= low { first -= 1 }
        var last = Int(log10(high).rounded(.down))
        if LogScale.power(last + 1) <= high { last += 1 }
        guard last > first else { return Ticks.ticks(from: domain.0, to: domain.1, count: count) }
        let stride = max(1, (last - first + count) / count)
        var ticks = Swift.stride(from: first, through: last, by: stride).map(LogScale.power)
        if domain.1 < domain.0 { ticks.reverse() }
        return ticks
    }

    /// The same scale with its domain widened to powers of ten (d3 log `nice`).
    public func niced() -> LogScale {
        guard domain.0 > 0, domain.1 > 0, domain.0.isFinite, domain.1.isFinite else { return self }
        let low = min(domain.0, domain.1), high = max(domain.0, domain.1)
        var lowPower = Int(log10(low).rounded(.down))
        if LogScale.power(lowPower) > low { lowPower -= 1 }
        var highPower = Int(log10(high).rounded(.up))
        if LogScale.power(highPower) < high { highPower += 1 }
        let nice = (LogScale.power(lowPower), LogScale.power(highPower))
        return LogScale(domain: domain.1 < domain.0 ? (nice.1, nice.0) : nice, range: range)
    }

    /// Whether both scales have the same domain and range.
    public static func == (lhs: LogScale, rhs: LogScale) -> Bool {
        lhs.domain == rhs.domain && lhs.range == rhs.range
    }

    /// 10^k as the double nearest the decimal (1e-2 is 1 ÷ 100, not an inexact `pow`).
    private static func power(_ exponent: Int) -> Double {
        exponent >= 0 ? pow(10, Double(exponent)) : 1 / pow(10, Double(-exponent))
    }
}

/// Which domain, scale type and tick count a chart should use.
public enum ScaleChoice {
    /// The axis a tick count is for: x ticks need more room than y ticks.
    public enum Axis: Sendable {
        /// Horizontal: about one tick per 80 px.
        case x
        /// Vertical: about one tick per 35 px.
        case y
    }

    /// A bar domain always includes zero, `nice([min(0, dmin), max(0, dmax)])`.
    ///
    /// Non-finite values are ignored; no values, or only zeros, give `(0, 1)`.
    public static func barDomain(_ values: [Double], count: Int) -> (Double, Double) {
        guard let (low, high) = extent(values) else { return (0, 1) }
        let start = min(0, low), stop = max(0, high)
        guard start != stop else { return (0, 1) }
        let nice = Ticks.nice(from: start, to: stop, count: count)
        return (nice.start, nice.stop)
    }

    /// Dots, ranges and timelines use `nice([dmin, dmax])`.
    ///
    /// A single distinct value v is padded by 10% of |v| on each side (±1 around zero) before `nice`,
    /// so the dot sits inside the plot. No finite values give `(0, 1)`.
    public static func dotDomain(_ values: [Double], count: Int) -> (Double, Double) {
        guard var (low, high) = extent(values) else { return (0, 1) }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) / 10
            low -= pad
            high += pad
        }
        let nice = Ticks.nice(from: low, to: high, count: count)
        return (nice.start, nice.stop)
    }

    /// Log10 only for dots or lines (never bars) when every value is positive and max/min ≥ 100.
    public static func prefersLog(_ values: [Double], marksAreBars: Bool) -> Bool {
        guard !marksAreBars, !values.isEmpty, values.allSatisfy({ $0 > 0 && $0.isFinite }),
              let (low, high) = extent(values) else { return false }
        return high / low >= 100
    }

    /// The target tick count, clamp(⌊length/80⌋, 2, 10) for x and clamp(⌊length/35⌋, 2, 10) for y.
    public static func targetTickCount(length: Double, axis: Axis) -> Int {
        guard length.isFinite, length > 0 else { return 2 }
        let perTick: Double = axis == .x ? 80 : 35
        return Int(min(10, max(2, (length / perTick).rounded(.down))))
    }

    /// Ticks and their labels, retrying with one tick fewer while estimated labels overlap or sit closer than 8 px.
    ///
    /// Starts at `targetTickCount(length:axis:)` and stops at a count of 1. On x, labels are centred on
    /// their ticks and measured with `TextMetrics.paddedWidth`; on y, each label is one line of `fontSize` high.
    public static func ticksThatFit(
        _ scale: some Scale, length: Double, axis: Axis, fontSize: Double, labels: ([Double]) -> [String]
    ) -> (ticks: [Double], labels: [String]) {
        var count = targetTickCount(length: length, axis: axis)
        while true {
            let ticks = scale.ticks(count: count)
            let texts = labels(ticks)
            if count <= 1 || fits(ticks, texts, scale: scale, axis: axis, fontSize: fontSize) {
                return (ticks, texts)
            }
            count -= 1
        }
    }

    /// The smallest gap between neighbouring labels that the tick choice accepts, in px.
    public static let minimumLabelGap = 8.0

    private static func fits(_ ticks: [Double], _ texts: [String], scale: some Scale, axis: Axis, fontSize: Double) -> Bool {
        guard ticks.count > 1, texts.count == ticks.count else { return true }
        for index in 1..<ticks.count {
            let distance = abs(scale.position(of: ticks[index]) - scale.position(of: ticks[index - 1]))
            let occupied: Double = switch axis {
            case .x:
                (TextMetrics.paddedWidth(of: texts[index - 1], fontSize: fontSize)
                    + TextMetrics.paddedWidth(of: texts[index], fontSize: fontSize)) / 2
            case .y:
                fontSize
            }
            if distance - occupied < minimumLabelGap { return false }
        }
        return true
    }

    /// The smallest and largest finite value, or `nil` when there is none.
    private static func extent(_ values: [Double]) -> (Double, Double)? {
        var low = Double.infinity, high = -Double.infinity
        for value in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        return low <= high ? (low, high) : nil
    }
}
