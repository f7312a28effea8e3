import Testing
import Charts

@Suite("Text metrics")
struct TextMetricsTests {
    @Test func chineseTitleIsOneEmPerCharacter() {
        #expect(TextMetrics.width(of: "产品经理", fontSize: 14) == 56)
        #expect(abs(TextMetrics.paddedWidth(of: "产品经理", fontSize: 14) - 61.6) < 1e-9)
        #expect(abs(TextMetrics.width(of: "产品经理", fontSize: 14, bold: true) - 59.36) < 1e-9)
    }

    @Test(arguments: [
        ("1", 4.8), ("M", 8.9), ("W", 9.8), (" ", 2.9), ("i", 2.6), ("l", 2.6), ("e", 5.8), ("0123456789", 62),
        ("%", 5.8), ("$", 5.8), ("…", 8.2), ("“”", 9.4), ("é", 5.8), ("e\u{301}", 5.8), ("¥", 5.8), ("\u{2212}", 5.8),
        ("％", 10), ("한", 10), ("カ", 10), ("　", 10), ("👍", 12), ("👍🏽", 12), ("👨‍👩‍👧", 12), ("🇨🇳", 12), ("", 0),
        ("\u{200B}", 0),
    ])
    func widthAtTenPixels(text: String, expected: Double) {
        #expect(abs(TextMetrics.width(of: text, fontSize: 10) - expected) < 1e-9)
    }

    @Test func asciiAndMixedPathsAgree() {
        let ascii = TextMetrics.width(of: "Salary 30M", fontSize: 14)
        let mixed = TextMetrics.width(of: "Salary 30M产", fontSize: 14)
        #expect(abs(mixed - ascii - 14) < 1e-9)
    }

    struct WrapCase: Sendable, CustomTestStringConvertible {
        let text: String, maxWidth: Double, expected: [String]
        var maxLines: Int? = nil
        var testDescription: String { "\(text) @\(maxWidth)" }
    }

    // At 14 px a line of `maxWidth` holds maxWidth / 15.4 em (10% slack).
    @Test(arguments: [
        WrapCase(text: "Senior Product Manager", maxWidth: 100, expected: ["Senior", "Product", "Manager"]),
        WrapCase(text: "Senior Product Manager", maxWidth: 130, expected: ["Senior Product", "Manager"]),
        WrapCase(text: "Senior Product Manager", maxWidth: 1000, expected: ["Senior Product Manager"]),
        WrapCase(text: "  Senior   Product  ", maxWidth: 1000, expected: ["Senior Product"]),
        WrapCase(text: "高级产品经理", maxWidth: 50, expected: ["高级产", "品经理"]),
        WrapCase(text: "年薪¥3000万–4000万", maxWidth: 40, expected: ["年薪", "¥3000万–4000万"]),
        WrapCase(text: "年薪3000万元", maxWidth: 20, expected: ["年", "薪", "3000万元"]),
        WrapCase(text: "规模1.2万亿元", maxWidth: 20, expected: ["规", "模", "1.2万亿元"]),
        WrapCase(text: "Salary CN¥30M–40M", maxWidth: 40, expected: ["Salary", "CN¥30M–40M"]),
        WrapCase(text: "32.45% of engineers", maxWidth: 20, expected: ["32.45%", "of", "engineers"]),
        WrapCase(text: "e-commerce platform", maxWidth: 40, expected: ["e-", "commerce", "platform"]),
        WrapCase(text: "e-commerce platform", maxWidth: 1000, expected: ["e-commerce platform"]),
        WrapCase(text: "2020-2024 growth", maxWidth: 20, expected: ["2020-2024", "growth"]),
        WrapCase(text: "COVID-19 cases", maxWidth: 20, expected: ["COVID-19", "cases"]),
        WrapCase(text: "你好，世界", maxWidth: 32, expected: ["你", "好，", "世界"]),
        WrapCase(text: "（全职）岗位", maxWidth: 32, expected: ["（全", "职）", "岗位"]),
        WrapCase(text: "使用AI工具", maxWidth: 20, expected: ["使", "用", "AI", "工", "具"]),
        WrapCase(text: "a\nb c", maxWidth: 1000, expected: ["a", "b c"]),
        WrapCase(text: "", maxWidth: 100, expected: []),
        WrapCase(text: "Senior Product Manager", maxWidth: 100, expected: ["Senior", "Product Ma…"], maxLines: 2),
        WrapCase(text: "Senior Product Manager", maxWidth: 100, expected: ["Senior Prod…"], maxLines: 1),
        WrapCase(text: "Senior Product", maxWidth: 100, expected: ["Senior", "Product"], maxLines: 2),
    ])
    func wrap(_ example: WrapCase) {
        #expect(TextMetrics.wrap(example.text, maxWidth: example.maxWidth, fontSize: 14, maxLines: example.maxLines) == example.expected)
    }

    @Test func wrappedLinesFitWhenTheyCan() {
        let text = "The share of engineers using AI coding tools rose to 32.45% in 2024 from 18.17% a year before"
        for maxWidth in stride(from: 120.0, through: 400, by: 40) {
            for line in TextMetrics.wrap(text, maxWidth: maxWidth, fontSize: 14) {
                #expect(TextMetrics.paddedWidth(of: line, fontSize: 14) <= maxWidth, "\(line) @\(maxWidth)")
            }
        }
    }

    @Test(arguments: [
        ("Senior Product Manager", 1000.0, "Senior Product Manager"),
        ("Salary ¥30M–40M", 107.8, "Salary…"),
        ("产品经理", 38.5, "产…"),
        ("产品经理", 5, "…"),
        ("¥30M–40M", 60, "…"),
        ("Senior Product Manager", 100, "Senior Prod…"),
    ])
    func truncate(text: String, maxWidth: Double, expected: String) {
        #expect(TextMetrics.truncate(text, maxWidth: maxWidth, fontSize: 14) == expected)
    }

    @Test func truncatedTextFits() {
        let text = "Chief Executive Officer and Co-founder 首席执行官"
        for maxWidth in stride(from: 20.0, through: 300, by: 10) {
            let cut = TextMetrics.truncate(text, maxWidth: maxWidth, fontSize: 14, bold: true)
            #expect(cut == "…" || TextMetrics.paddedWidth(of: cut, fontSize: 14, bold: true) <= maxWidth, "\(cut) @\(maxWidth)")
        }
    }
}
