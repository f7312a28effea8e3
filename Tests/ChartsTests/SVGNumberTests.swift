import Testing
import Charts

@Suite("SVG numbers")
struct SVGNumberTests {
    @Test(arguments: [
        (12.0, "12"), (12.5, "12.5"), (12.3456, "12.35"), (12.35, "12.35"), (0, "0"), (-0.0, "0"), (-0.001, "0"),
        (-0.004, "0"), (-0.006, "-0.01"), (0.07, "0.07"), (0.1, "0.1"), (100.1, "100.1"), (-3.5, "-3.5"), (640, "640"),
        (123456789.125, "123456789.13"), (1e-7, "0"), (1e20, "90000000000000"), (-1e20, "-90000000000000"),
        (Double.nan, "0"), (Double.infinity, "0"), (0.999, "1"), (-0.995, "-1"),
    ])
    func format(value: Double, expected: String) {
        #expect(SVGNumber.format(value) == expected)
    }

    @Test func neverExponentOrLongFractions() {
        for exponent in -12...13 {
            for mantissa in [1.0, 2.5, -7.125, 3.3333333] {
                let text = SVGNumber.format(mantissa * pow10(exponent))
                #expect(!text.contains("e"), "\(text)")
                #expect(text != "-0")
                if let point = text.firstIndex(of: ".") {
                    #expect(text[text.index(after: point)...].count <= 2, "\(text)")
                    #expect(!text.hasSuffix("0"), "\(text)")
                }
            }
        }
    }

    @Test(arguments: [(100.0, 100.5), (99.9, 99.5), (100.7, 100.5), (0, 0.5), (-0.2, -0.5)])
    func halfPixel(value: Double, expected: Double) {
        #expect(SVGNumber.halfPixel(value) == expected)
    }

    private func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
