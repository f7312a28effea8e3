import FuzzSupport
import Loading
import Model

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    guard let source = try? SourceText(path: "Content/articles/fuzz.md", bytes: bytes) else { return 0 }
    _ = Article.load(from: source)
    _ = Page.load(from: source)
    _ = Entity.loadAll(from: source)
    _ = SiteConfig.load(from: source)
    return 0
}

/// SwiftPM links an executable target's entry point under this name; libFuzzer's driver takes over from it.
@_cdecl("FuzzFrontMatter_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in data.map { fuzz(UnsafeRawPointer($0), size) } ?? 0 }
}
