import Foundation
import Model
import Money

/// `facts.json` and `facts.csv`: every fact with its article, entity, exact values and source.
public enum FactExport {
    /// The CSV columns, in order.
    public static let csvColumns = [
        "article", "id", "kind", "entity", "label", "written", "low", "high", "unit", "currency", "period", "bound",
        "annual_low", "annual_high", "date", "round", "valuation", "investors", "group", "of", "note",
        "source_name", "source_url", "source_date",
    ]

    // MARK: JSON

    public static func json(_ records: [FactRecord], site: SiteConfig) -> String {
        String(decoding: jsonBytes(records, site: site), as: UTF8.self)
    }

    /// `facts.json` as UTF-8, one fact at a time, without building the whole document first.
    public static func jsonBytes(_ records: [FactRecord], site: SiteConfig) -> [UInt8] {
        var output = Array("{\n".utf8)
        output.reserveCapacity(records.count * 900)
        for (key, value) in [
            ("site", JSONValue.string(site.title)), ("annualisation", .string(AnnualizationConvention.standard.summary)),
            ("count", .number(String(records.count))),
        ] {
            output.append(contentsOf: JSONValue.object([(key, value)]).bytes().dropFirst(2).dropLast(2))
            output.append(contentsOf: Array(",\n".utf8))
        }
        output.append(contentsOf: Array("  \"facts\": [".utf8))
        for (index, record) in records.enumerated() {
            output.append(contentsOf: Array((index == 0 ? "\n    " : ",\n    ").utf8))
            json(record).write(into: &output, indent: 2)
        }
        output.append(contentsOf: Array((records.isEmpty ? "]\n}\n" : "\n  ]\n}\n").utf8))
        return output
    }

    static func json(_ record: FactRecord) -> JSONValue {
        let fact = record.fact
        var members: [(String, JSONValue)] = [
            ("article", .string(record.article.slug)),
            ("article_title", .string(record.article.title)),
            ("id", .string(fact.id)),
            ("kind", .string(fact.kind.rawValue)),
            ("entity", record.entity.map { .string($0.name) } ?? .null),
            ("entity_slug", record.entity.map { .string($0.slug) } ?? .null),
            ("label", .string(fact.label)),
        ]
        switch fact.detail {
        case .funding(let round):
            members += [("round", .string(round.round)), ("date", date(round.date))]
            members += [("amount", json(round.amount)), ("valuation", round.valuation.map(json) ?? .null)]
            members.append(("investors", .array(round.investors.map {
                .object([("name", .string($0.name)), ("lead", .bool($0.isLead))])
            })))
        case .salary(let salary):
            members += [("role", .string(salary.role)), ("employer", salary.employer.map(JSONValue.string) ?? .null)]
            members.append(("pay", json(salary.pay)))
        case .distribution(let distribution):
            members += [("title", .string(distribution.title)), ("basis", distribution.basis.map(JSONValue.string) ?? .null)]
            members.append(("buckets", .array(distribution.buckets.map { bucket in
                .object([
                    ("label", .string(bucket.label)), ("share", .number(DecimalText.plain(bucket.share.low))),
                    ("written", .string(bucket.share.written)), ("rest", .bool(bucket.isRest)),
                ])
            })))
        case .figure(let figure):
            members += [("value", json(figure.value)), ("unit_label", figure.unit.map(JSONValue.string) ?? .null)]
            members += [("group", figure.group.map(JSONValue.string) ?? .null), ("of", figure.of.map(JSONValue.string) ?? .null)]
            members.append(("date", date(figure.date)))
        }
        members.append(("note", fact.note.map(JSONValue.string) ?? .null))
        members.append(("source", fact.source.map { source in
            .object([
                ("name", .string(source.name)), ("url", source.url.map(JSONValue.string) ?? .null), ("date", date(source.date)),
            ])
        } ?? .null))
        return .object(members)
    }

    /// A literal's exact value: `low`/`high` as JSON numbers, with its unit, currency, period and bound.
    static func json(_ quantity: Quantity) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("written", .string(quantity.written)),
            ("low", .number(DecimalText.plain(quantity.low))),
            ("high", quantity.high.map { .number(DecimalText.plain($0)) } ?? .null),
            ("unit", .string(unitName(quantity.unit))),
            ("currency", quantity.currency.map { .string($0.code) } ?? .null),
            ("period", quantity.period.map { .string($0.rawValue) } ?? .null),
            ("bound", .string(quantity.bound.rawValue)),
        ]
        if let annual = quantity.annualized() {
            members.append(("annual_low", .number(DecimalText.plain(annual.low))))
            members.append(("annual_high", .number(DecimalText.plain(annual.high))))
        }
        return .object(members)
    }

    private static func date(_ date: CalendarDate?) -> JSONValue {
        date.map { .string($0.description) } ?? .null
    }

    static func unitName(_ unit: QuantityUnit) -> String {
        switch unit {
        case .number: "number"
        case .percent: "percent"
        case .money: "money"
        }
    }

    // MARK: CSV

    /// RFC 4180 CSV; distributions give one row per bucket. Text that a spreadsheet would
    /// run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
    public static func csv(_ records: [FactRecord]) -> String {
        String(decoding: csvBytes(records), as: UTF8.self)
    }

    /// `facts.csv` as UTF-8, written field by field.
    public static func csvBytes(_ records: [FactRecord]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(records.count * 400)
        output.append(contentsOf: csvColumns.joined(separator: ",").utf8)
        output.append(contentsOf: crlf)
        for record in records {
            for row in rows(record) {
                for (index, field) in row.fields.enumerated() {
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    writeCSVField(field, isNumber: CSVRow.numericColumns.contains(index), into: &output)
                }
                output.append(contentsOf: crlf)
            }
        }
        return output
    }

    private static let crlf: [UInt8] = [0x0D, 0x0A]

    /// One line of facts.csv, its fields in the order of `csvColumns`.
    private struct CSVRow {
        var fields = [String](repeating: "", count: csvColumns.count)

        /// Positions of `low`, `high`, `annual_low` and `annual_high`: numbers, never formula-guarded.
        static let numericColumns: Set<Int> = Set(["low", "high", "annual_low", "annual_high"].compactMap(column))

        static func column(_ name: String) -> Int? { csvColumns.firstIndex(of: name) }

        subscript(_ name: String) -> String {
            get { Self.column(name).map { fields[$0] } ?? "" }
            set { if let index = Self.column(name) { fields[index] = newValue } }
        }
    }

    private static func rows(_ record: FactRecord) -> [CSVRow] {
        let fact = record.fact
        var base = CSVRow()
        base["article"] = record.article.slug
        base["id"] = fact.id
        base["kind"] = fact.kind.rawValue
        base["entity"] = record.entity?.name ?? ""
        base["label"] = fact.label
        base["note"] = fact.note ?? ""
        base["source_name"] = fact.source?.name ?? ""
        base["source_url"] = fact.source?.url ?? ""
        base["source_date"] = fact.source?.date?.description ?? ""
        func with(_ quantity: Quantity, in row: CSVRow) -> CSVRow {
            var row = row
            let annual = quantity.annualized()
            row["written"] = quantity.written
            row["low"] = DecimalText.plain(quantity.low)
            row["high"] = quantity.high.map(DecimalText.plain) ?? ""
            row["unit"] = unitName(quantity.unit)
            row["currency"] = quantity.currency?.code ?? ""
            row["period"] = quantity.period?.rawValue ?? ""
            row["bound"] = quantity.bound.rawValue
            row["annual_low"] = annual.map { DecimalText.plain($0.low) } ?? ""
            row["annual_high"] = annual.map { DecimalText.plain($0.high) } ?? ""
            return row
        }
        switch fact.detail {
        case .funding(let round):
            base["round"] = round.round
            base["date"] = round.date?.description ?? ""
            base["valuation"] = round.valuation?.normalized ?? ""
            base["investors"] = round.investors.map { $0.isLead ? "\($0.name) (lead)" : $0.name }.joined(separator: "; ")
            return [with(round.amount, in: base)]
        case .salary(let salary):
            return [with(salary.pay, in: base)]
        case .figure(let figure):
            base["group"] = figure.group ?? ""
            base["of"] = figure.of ?? ""
            base["date"] = figure.date?.description ?? ""
            return [with(figure.value, in: base)]
        case .distribution(let distribution):
            return distribution.buckets.map { bucket in
                var row = with(bucket.share, in: base)
                row["label"] = "\(distribution.title): \(bucket.label)"
                return row
            }
        }
    }

    /// One CSV field: formula-guarded unless a number, quoted when it holds `,` `"` or a line break.
    public static func csvField(_ text: String, isNumber: Bool) -> String {
        var output: [UInt8] = []
        writeCSVField(text, isNumber: isNumber, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func writeCSVField(_ text: String, isNumber: Bool, into output: inout [UInt8]) {
        let bytes = text.utf8
        let guarded = !isNumber && bytes.first.map { "=+-@\t\r".utf8.contains($0) } == true
        let quoted = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if quoted { output.append(UInt8(ascii: "\"")) }
        if guarded { output.append(UInt8(ascii: "'")) }
        for byte in bytes {
            output.append(byte)
            if byte == UInt8(ascii: "\"") { output.append(byte) }
        }
        if quoted { output.append(UInt8(ascii: "\"")) }
    }
}
