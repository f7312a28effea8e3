import Testing
@testable import Charts

@Suite("Ticks")
struct TicksTests {
    struct TickCase: Sendable, CustomTestStringConvertible {
        let start: Double, stop: Double, count: Int, expected: [Double]
        var testDescription: String { "ticks(\(start), \(stop), \(count))" }
    }

    @Test(arguments: [
        // Steps of 1, 2 or 5 times a power of ten, as d3 picks them.
        TickCase(start: 1, stop: 9, count: 5, expected: [2, 4, 6, 8]),
        TickCase(start: 0, stop: 2.5e9, count: 5, expected: [0, 0.5e9, 1e9, 1.5e9, 2e9, 2.5e9]),
        TickCase(start: 0, stop: 3, count: 5, expected: [0, 0.5, 1, 1.5, 2, 2.5, 3]),
        // d3-array's own tests
        TickCase(start: 0, stop: 1, count: 10, expected: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]),
        TickCase(start: 0, stop: 1, count: 5, expected: [0, 0.2, 0.4, 0.6, 0.8, 1]),
        TickCase(start: 0, stop: 1, count: 3, expected: [0, 0.5, 1]),
        TickCase(start: 0, stop: 1, count: 2, expected: [0, 0.5, 1]),
        TickCase(start: 0, stop: 1, count: 1, expected: [0, 1]),
        TickCase(start: 0, stop: 10, count: 5, expected: [0, 2, 4, 6, 8, 10]),
        TickCase(start: 0, stop: 10, count: 3, expected: [0, 5, 10]),
        TickCase(start: 0, stop: 10, count: 1, expected: [0, 10]),
        TickCase(start: -10, stop: 10, count: 5, expected: [-10, -5, 0, 5, 10]),
        TickCase(start: -10, stop: 10, count: 2, expected: [-10, 0, 10]),
        TickCase(start: -10, stop: 10, count: 1, expected: [0]),
        TickCase(start: 0.98, stop: 1.14, count: 10, expected: [0.98, 1, 1.02, 1.04, 1.06, 1.08, 1.1, 1.12, 1.14]),
        // reversed, negative, equal and empty
        TickCase(start: 9, stop: 1, count: 5, expected: [8, 6, 4, 2]),
        TickCase(start: 1, stop: 0, count: 5, expected: [1, 0.8, 0.6, 0.4, 0.2, 0]),
        TickCase(start: -9, stop: -1, count: 5, expected: [-8, -6, -4, -2]),
        TickCase(start: -0.085, stop: 0.173, count: 5, expected: [-0.05, 0, 0.05, 0.1, 0.15]),
        TickCase(start: 5, stop: 5, count: 3, expected: [5]),
        TickCase(start: 0, stop: 1, count: 0, expected: []),
        TickCase(start: 0, stop: 1, count: -1, expected: []),
        TickCase(start: .nan, stop: 1, count: 5, expected: []),
        TickCase(start: 0, stop: .infinity, count: 5, expected: []),
    ])
    func ticks(_ example: TickCase) {
        #expect(Ticks.ticks(from: example.start, to: example.stop, count: example.count) == example.expected)
    }

    @Test func subUnitTicksAreExactDecimals() {
        let ticks = Ticks.ticks(from: 0, to: 0.3, count: 3)
        #expect(ticks == [0, 0.1, 0.2, 0.3])
        #expect(ticks.map { String($0) } == ["0.0", "0.1", "0.2", "0.3"])
        #expect(!Ticks.ticks(from: 0, to: 1, count: 10).contains { String($0).count > 4 })
    }

    @Test func thirdTickOfZeroToThreePrintsOne() {
        let ticks = Ticks.ticks(from: 0, to: 3, count: 5)
        #expect(CompactFormat(language: .en).axisLabels(ticks)[2] == "1")
    }

    @Test func ticksNeverIncludeNegativeZero() {
        for tick in Ticks.ticks(from: 1, to: -1, count: 4) + Ticks.ticks(from: -1, to: 1, count: 4) where tick == 0 {
            #expect(tick.sign == .plus)
        }
    }

    struct NiceCase: Sendable, CustomTestStringConvertible {
        let start: Double, stop: Double, count: Int, expected: (Double, Double)
        var testDescription: String { "nice(\(start), \(stop), \(count))" }
    }

    @Test(arguments: [
        // Steps of 1, 2 or 5 times a power of ten, as d3 picks them.
        NiceCase(start: 0, stop: 37.5e6, count: 5, expected: (0, 40e6)),
        NiceCase(start: 0, stop: 0.3245, count: 4, expected: (0, 0.4)),
        NiceCase(start: -0.085, stop: 0.173, count: 5, expected: (-0.1, 0.2)),
        // d3-scale's linear.nice tests
        NiceCase(start: 1.1, stop: 10.9, count: 10, expected: (1, 11)),
        NiceCase(start: 10.9, stop: 1.1, count: 10, expected: (11, 1)),
        NiceCase(start: 0.7, stop: 11.001, count: 10, expected: (0, 12)),
        NiceCase(start: 123.1, stop: 6.7, count: 10, expected: (130, 0)),
        NiceCase(start: 0, stop: 0.49, count: 10, expected: (0, 0.5)),
        NiceCase(start: 0, stop: 14.1, count: 5, expected: (0, 20)),
        NiceCase(start: 0, stop: 15, count: 5, expected: (0, 20)),
        NiceCase(start: -0.1, stop: 51.1, count: 8, expected: (-10, 60)),
        NiceCase(start: 12, stop: 87, count: 5, expected: (0, 100)),
        NiceCase(start: 12, stop: 87, count: 10, expected: (10, 90)),
        NiceCase(start: 12, stop: 87, count: 100, expected: (12, 87)),
        // degenerate and negative
        NiceCase(start: 0, stop: 0, count: 10, expected: (0, 0)),
        NiceCase(start: 0.5, stop: 0.5, count: 10, expected: (0.5, 0.5)),
        NiceCase(start: 37.5e6, stop: 0, count: 5, expected: (40e6, 0)),
        NiceCase(start: -37.5e6, stop: -1e6, count: 5, expected: (-40e6, 0)),
        NiceCase(start: 0, stop: 1.5, count: 0, expected: (0, 1.5)),
    ])
    func nice(_ example: NiceCase) {
        let nice = Ticks.nice(from: example.start, to: example.stop, count: example.count)
        #expect(nice.start == example.expected.0)
        #expect(nice.stop == example.expected.1)
        #expect(nice.start.sign == .plus || nice.start != 0)
        #expect(nice.stop.sign == .plus || nice.stop != 0)
    }

    @Test(arguments: [
        (0.0, 1.0, 10, -10.0), (0, 1, 5, -5), (0, 1, 2, -2), (0, 1, 1, 1), (0, 10, 10, 1), (0, 10, 5, 2), (0, 10, 2, 5),
        (0, 10, 1, 10), (-10, 10, 10, 2), (-10, 10, 5, 5), (-10, 10, 2, 10), (-10, 10, 1, 20), (0, 40e6, 5, 10e6),
    ])
    func increment(start: Double, stop: Double, count: Int, expected: Double) {
        #expect(Ticks.increment(from: start, to: stop, count: count) == expected)
    }

    @Test(arguments: [
        (0.0, 40e6, 5, 10e6), (40e6, 0, 5, 10e6), (0, 1, 10, 0.1), (1, 0, 10, 0.1), (0, 0.4, 4, 0.1), (0, 2.5e9, 5, 0.5e9),
        (0, 1, 0, 0), (3, 3, 5, 0),
    ])
    func step(start: Double, stop: Double, count: Int, expected: Double) {
        #expect(Ticks.step(from: start, to: stop, count: count) == expected)
    }
}
