import FuzzSupport
import Diagnostics
import Model
import Money
import Rendering

let facts: [Fact] = {
    let location = SourceLocation(path: "Content/articles/fuzz.md")
    guard let amount = try? Quantity(parsing: "$600M"), let share = try? Quantity(parsing: "40%") else { return [] }
    return [
        Fact(id: "round", detail: .funding(FundingRound(company: "MiniMax", round: "A", amount: amount)), source: nil, location: location),
        Fact(id: "share", detail: .figure(Figure(label: "Share", value: share, group: "g")), source: nil, location: location),
    ]
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let markdown = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let body = Body(markdown: markdown, origin: SourceLocation(path: "Content/articles/fuzz.md", line: 5))
    let renderer = BodyRenderer(config: SiteConfig(title: "Fuzz"))
    let links = LinkCheck(paths: ["articles/a/index.html", "articles/b/index.html"], pageFolder: "articles/a/")
    _ = renderer.render(body, facts: facts, links: links)
    return 0
}

/// SwiftPM links an executable target's entry point under this name; libFuzzer's driver takes over from it.
@_cdecl("FuzzMarkdown_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in data.map { fuzz(UnsafeRawPointer($0), size) } ?? 0 }
}
