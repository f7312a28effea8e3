import Foundation

/// Tick positions and nice domains, computed exactly as d3 does.
///
/// This mirrors d3-array `tickIncrement`/`ticks`/`tickStep` and d3-scale's linear `nice`,
/// including their edge cases: ticks below 1 are produced by dividing by an integer
/// (the "inverse step"), so they print as `0.3`, never `0.30000000000000004`.
public enum Ticks {
    private static let e10 = 50.0.squareRoot()
    private static let e5 = 10.0.squareRoot()
    private static let e2 = 2.0.squareRoot()

    /// d3 `tickIncrement`: a positive step (1, 2 or 5 × 10^k), or a negative integer −1/step when the step is below 1.
    ///
    /// Like d3, degenerate input (equal ends, a count of 0, non-finite ends) gives a non-finite or meaningless
    /// increment; `ticks`, `nice` and `step` handle those cases themselves.
    public static func increment(from start: Double, to stop: Double, count: Int) -> Double {
        spec(start, stop, Double(count)).increment
    }

    /// d3 `ticks`: nice round values between `start` and `stop` inclusive, in the domain's direction.
    ///
    /// Returns `[]` when `count` ≤ 0 or an end is not finite, and `[start]` when `start == stop`.
    /// Each tick is `index × step` or `index ÷ inverseStep`, so it is the double nearest a short decimal.
    public static func ticks(from start: Double, to stop: Double, count: Int) -> [Double] {
        guard count > 0, start.isFinite, stop.isFinite else { return [] }
        if start == stop { return [start] }
        let reverse = stop < start
        let (i1, i2, inc) = reverse ? spec(stop, start, Double(count)) : spec(start, stop, Double(count))
        // The second bound only guards against absurd counts; d3 would try to allocate them.
        guard i2 >= i1, inc.isFinite, inc != 0, i2 - i1 < 1_000_000 else { return [] }
        let n = Int(i2 - i1) + 1
        var ticks: [Double] = []
        ticks.reserveCapacity(n)
        for k in 0..<n {
            let index = reverse ? i2 - Double(k) : i1 + Double(k)
            // `+ 0` turns a negative zero into zero.
            ticks.append((inc < 0 ? index / -inc : index * inc) + 0)
        }
        return ticks
    }

    /// d3-scale linear `nice`: the domain widened to whole steps, iterating at most 10 times until the step settles.
    ///
    /// The direction of the domain is kept. As in d3, a domain that never settles (or is degenerate,
    /// such as `start == stop`) is returned unchanged.
    public static func nice(from start: Double, to stop: Double, count: Int) -> (start: Double, stop: Double) {
        guard count > 0, start.isFinite, stop.isFinite else { return (start, stop) }
        let reverse = stop < start
        var low = reverse ? stop : start
        var high = reverse ? start : stop
        var previous: Double?
        for _ in 0..<10 {
            let step = increment(from: low, to: high, count: count)
            if step == previous {
                // `+ 0` turns a negative zero into zero.
                return reverse ? (high + 0, low + 0) : (low + 0, high + 0)
            } else if step > 0, step.isFinite {
                low = (low / step).rounded(.down) * step
                high = (high / step).rounded(.up) * step
            } else if step < 0, step.isFinite {
                low = (low * step).rounded(.up) / step
                high = (high * step).rounded(.down) / step
            } else {
                break
            }
            previous = step
        }
        return (start, stop)
    }

    /// The step between ticks as a positive number (for formatting decimals); 0 when there is no step.
    public static func step(from start: Double, to stop: Double, count: Int) -> Double {
        guard count > 0, start.isFinite, stop.isFinite, start != stop else { return 0 }
        let inc = stop < start ? increment(from: stop, to: start, count: count) : increment(from: start, to: stop, count: count)
        guard inc.isFinite, inc != 0 else { return 0 }
        return inc < 0 ? 1 / -inc : inc
    }

    /// d3 `tickSpec`: the first and last tick index and the increment.
    private static func spec(_ start: Double, _ stop: Double, _ count: Double) -> (Double, Double, increment: Double) {
        let step = (stop - start) / max(0, count)
        let power = log10(step).rounded(.down)
        let error = step / pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, inc: Double
        if power < 0 {
            inc = pow(10, -power) / factor
            i1 = jsRound(start * inc)
            i2 = jsRound(stop * inc)
            if i1 / inc < start { i1 += 1 }
            if i2 / inc > stop { i2 -= 1 }
            inc = -inc
        } else {
            inc = pow(10, power) * factor
            i1 = jsRound(start / inc)
            i2 = jsRound(stop / inc)
            if i1 * inc < start { i1 += 1 }
            if i2 * inc > stop { i2 -= 1 }
        }
        if i2 < i1, 0.5 <= count, count < 2 { return spec(start, stop, count * 2) }
        return (i1, i2, inc)
    }

    /// JavaScript's `Math.round`: halves round towards +∞ (−2.5 → −2), unlike Swift's `rounded()`.
    private static func jsRound(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        let down = x.rounded(.down)
        return x - down >= 0.5 ? down + 1 : down
    }
}
