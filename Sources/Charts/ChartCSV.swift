/// The data behind a chart as CSV (RFC 4180): each row drawn, with its exact values, unit, bound, the
/// text as written and the source; linked under the chart as a `data:` URL, so it travels with the page.
struct ChartCSV {
    let spec: ChartSpec
    let values: ValueText

    /// The CSV text, header first, lines ended by CRLF.
    var text: String {
        var lines: [[String]] = []
        let unit: String
        switch spec.unit {
        case .percent: unit = "%"
        case .money(let code): unit = code
        case .number(let label): unit = label ?? ""
        }
        let source = spec.source ?? ""
        if spec.kind == .timeline {
            lines.append(["company", "round", "date", "amount", "valuation", "currency", "as written", "source"])
            for (index, row) in spec.rows.enumerated() {
                let exact = values.exactDecimals(row: index)
                lines.append([
                    row.series ?? row.label, row.detail ?? "", row.dateLabel ?? "", exact.low, exact.secondary ?? "", unit, row.written, source,
                ])
            }
        } else {
            lines.append(["item", "value", "high", "unit", "period", "bound", "as written", "source"])
            for (index, row) in spec.rows.enumerated() {
                let exact = values.exactDecimals(row: index)
                lines.append([
                    row.label, exact.low, exact.high ?? "", unit, spec.period ?? "", row.qualifier ?? "", row.written, source,
                ])
            }
        }
        return lines.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// `text` as a `data:` URL, every byte but unreserved ASCII percent-encoded.
    var dataURL: String {
        var bytes: [UInt8] = Array("data:text/csv;charset=utf-8,".utf8)
        let csv = text.utf8
        bytes.reserveCapacity(bytes.count + csv.count * 2)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in csv {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A field quoted when it holds a comma, a quote or a line break; quotes doubled.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
