import Testing
import Charts

@Suite("Scales and scale choice")
struct ScalesTests {
    @Test(arguments: [(0.0, 0.0), (50, 250), (100, 500), (-10, -50), (110, 550)])
    func linearPosition(value: Double, expected: Double) {
        #expect(LinearScale(domain: (0, 100), range: (0, 500)).position(of: value) == expected)
    }

    @Test func linearWithInvertedRangeForY() {
        let scale = LinearScale(domain: (0, 100), range: (300, 0))
        #expect(scale.position(of: 0) == 300)
        #expect(scale.position(of: 25) == 225)
        #expect(scale.position(of: 100) == 0)
    }

    @Test func degenerateLinearDomainMapsToMiddle() {
        #expect(LinearScale(domain: (5, 5), range: (0, 200)).position(of: 5) == 100)
        #expect(LinearScale(domain: (5, 5), range: (0, 200)).position(of: 7) == 100)
    }

    @Test func linearNicedAndTicks() {
        let scale = LinearScale(domain: (0, 37.5e6), range: (0, 400)).niced(count: 5)
        #expect(scale == LinearScale(domain: (0, 40e6), range: (0, 400)))
        #expect(scale.ticks(count: 5) == [0, 10e6, 20e6, 30e6, 40e6])
        #expect(scale.position(of: 20e6) == 200)
    }

    @Test func logPositionsAndTicks() {
        let scale = LogScale(domain: (1, 1e4), range: (0, 400))
        #expect(abs(scale.position(of: 10) - 100) < 1e-9)
        #expect(abs(scale.position(of: 1000) - 300) < 1e-9)
        #expect(scale.position(of: 1e4) == 400)
        #expect(scale.position(of: 0) == 0)
        #expect(scale.position(of: -5) == 0)
        #expect(scale.ticks(count: 10) == [1, 10, 100, 1000, 10000])
    }

    @Test(arguments: [
        ((3.0, 5e5), 10, [10.0, 100, 1000, 1e4, 1e5]),
        ((0.01, 10), 10, [0.01, 0.1, 1, 10]),
        ((1e6, 1), 10, [1e6, 1e5, 1e4, 1000, 100, 10, 1]),
        ((1, 1e6), 2, [1, 1e4]),
        ((1, 1e6), 3, [1, 1e3, 1e6]),
        ((2, 9), 5, [2, 3, 4, 5, 6, 7, 8, 9]),
        ((0, 100), 5, []),
    ])
    func logTicks(domain: (Double, Double), count: Int, expected: [Double]) {
        #expect(LogScale(domain: domain, range: (0, 1)).ticks(count: count) == expected)
    }

    @Test func logNiced() {
        #expect(LogScale(domain: (3, 5e5), range: (0, 1)).niced() == LogScale(domain: (1, 1e6), range: (0, 1)))
        #expect(LogScale(domain: (5e5, 0.03), range: (0, 1)).niced() == LogScale(domain: (1e6, 0.01), range: (0, 1)))
        #expect(LogScale(domain: (100, 1000), range: (0, 1)).niced() == LogScale(domain: (100, 1000), range: (0, 1)))
    }

    @Test func logScaleWithBadDomainNeverGivesNaN() {
        let scale = LogScale(domain: (0, 100), range: (0, 200))
        #expect(scale.position(of: 10) == 100)
        #expect(scale.ticks(count: 5).isEmpty)
    }

    @Test(arguments: [
        ([12.0, 87], 5, (0.0, 100.0)),
        ([30e6, 37.5e6], 5, (0, 40e6)),
        ([-5, 30], 5, (-5, 30)),
        ([-7, 30], 5, (-10, 30)),
        ([-3, -12], 5, (-12, 0)),
        ([0.3245, 0.1817], 4, (0, 0.4)),
        ([], 5, (0, 1)),
        ([0, 0], 5, (0, 1)),
        ([.nan, 8], 5, (0, 8)),
    ])
    func barDomain(values: [Double], count: Int, expected: (Double, Double)) {
        let domain = ScaleChoice.barDomain(values, count: count)
        #expect(domain == expected)
    }

    @Test(arguments: [
        ([12.0, 87], 5, (0.0, 100.0)),
        ([30e6, 40e6], 5, (30e6, 40e6)),
        ([32e6, 47e6], 5, (30e6, 50e6)),
        ([-0.085, 0.173], 5, (-0.1, 0.2)),
        ([5], 5, (4.4, 5.6)),
        ([30e6], 5, (27e6, 33e6)),
        ([-20], 5, (-22, -18)),
        ([0], 5, (-1, 1)),
        ([], 5, (0, 1)),
    ])
    func dotDomain(values: [Double], count: Int, expected: (Double, Double)) {
        #expect(ScaleChoice.dotDomain(values, count: count) == expected)
    }

    @Test(arguments: [
        ([1.0, 100], false, true), ([1, 99], false, false), ([2e6, 5e8], false, true), ([2e6, 5e8], true, false),
        ([0, 1000], false, false), ([-1, 1000], false, false), ([], false, false), ([5], false, false),
        ([.infinity, 1], false, false),
    ])
    func prefersLog(values: [Double], marksAreBars: Bool, expected: Bool) {
        #expect(ScaleChoice.prefersLog(values, marksAreBars: marksAreBars) == expected)
    }

    @Test(arguments: [
        (640.0, ScaleChoice.Axis.x, 8), (360, .x, 4), (100, .x, 2), (2000, .x, 10), (300, .y, 8), (35, .y, 2),
        (1000, .y, 10), (0, .x, 2), (-50, .y, 2), (.nan, .x, 2),
    ])
    func targetTickCount(length: Double, axis: ScaleChoice.Axis, expected: Int) {
        #expect(ScaleChoice.targetTickCount(length: length, axis: axis) == expected)
    }

    @Test func ticksThatFitKeepTheTargetWhenLabelsFit() {
        let scale = LinearScale(domain: (0, 2.5e9), range: (0, 400))
        let format = CompactFormat(language: .en)
        let fit = ScaleChoice.ticksThatFit(scale, length: 400, axis: .x, fontSize: 14) { format.axisLabels($0, currency: "USD") }
        #expect(fit.ticks == [0, 0.5e9, 1e9, 1.5e9, 2e9, 2.5e9])
        #expect(fit.labels == ["0", "$0.5B", "$1B", "$1.5B", "$2B", "$2.5B"])
    }

    @Test func ticksThatFitRetryWithFewerTicksWhenLabelsCollide() {
        let scale = LinearScale(domain: (0, 2.5e9), range: (0, 400))
        let format = CompactFormat(language: .en)
        let fit = ScaleChoice.ticksThatFit(scale, length: 400, axis: .x, fontSize: 30) { format.axisLabels($0, currency: "USD") }
        #expect(fit.ticks == [0, 1e9, 2e9])
        #expect(fit.labels == ["0", "$1B", "$2B"])
    }

    @Test func ticksThatFitOnYNeedRowsOfFontSizePlusGap() {
        // 200 px on y targets 5 ticks: 0, 0.2 … 1 sit 40 px apart, too close for 36 px text plus an 8 px gap.
        let scale = LinearScale(domain: (0, 1), range: (200, 0))
        let format = CompactFormat(language: .en)
        let roomy = ScaleChoice.ticksThatFit(scale, length: 200, axis: .y, fontSize: 14) { format.axisLabels($0) }
        #expect(roomy.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        let crowded = ScaleChoice.ticksThatFit(scale, length: 200, axis: .y, fontSize: 36) { format.axisLabels($0) }
        #expect(crowded.ticks == [0, 0.5, 1])
        #expect(crowded.labels == ["0", "0.5", "1"])
    }
}
