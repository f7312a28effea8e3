import Diagnostics
import Model

extension ChartRequest {
    static let fields = ["of", "title", "note", "type"]
    /// Chart types a fence may ask for.
    public static let types = ["bars", "ranges", "timeline", "stacked", "comparison"]

    /// Reads the YAML inside a chart fence whose first content line is `firstLine` of `path`.
    public static func parse(_ yaml: String, path: String, firstLine: Int) -> (ChartRequest?, [Diagnostic]) {
        let padded = String(repeating: "\n", count: firstLine - 1) + yaml
        var reader = FieldReader(source: SourceText(path: path, text: padded), lineOffset: firstLine - 1)
        let fenceLocation = SourceLocation(path: path, line: firstLine - 1)
        guard let root = reader.parse(yaml) else {
            if reader.diagnostics.isEmpty {
                reader.append(.error(at: fenceLocation, field: "chart", "an empty chart; say what to draw, such as \"of: funding\""))
            }
            return (nil, reader.diagnostics)
        }
        guard let object = reader.object(root, field: "chart", allowed: fields) else { return (nil, reader.diagnostics) }
        let title = object["title"].flatMap { reader.string($0, field: "chart.title") }
        let note = object["note"].flatMap { reader.string($0, field: "chart.note") }
        var type: String?
        if let node = object["type"], let name = reader.string(node, field: "chart.type") {
            if types.contains(name) {
                type = name
            } else {
                reader.error(at: node, field: "chart.type", "unknown chart type \"\(name)\"\(Suggestion.hint(for: name, in: types)); use one of: \(types.joined(separator: ", "))")
            }
        }
        guard let ofNode = reader.require(object, "of"), let of = reader.string(ofNode, field: "chart.of") else {
            return (nil, reader.diagnostics)
        }
        guard let subject = Subject(parsing: of) else {
            reader.error(at: ofNode, field: "chart.of", "cannot chart \"\(of)\"; use funding, salaries, distribution:ID or figures:GROUP")
            return (nil, reader.diagnostics)
        }
        return (ChartRequest(subject: subject, title: title, note: note, type: type, location: reader.location(of: ofNode)), reader.diagnostics)
    }
}
