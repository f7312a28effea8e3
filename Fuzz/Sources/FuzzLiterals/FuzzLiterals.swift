import FuzzSupport
import Money

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if let quantity = try? Quantity(parsing: text) {
        _ = quantity.normalized
        _ = quantity.annualized()
    }
    _ = LiteralScanner.quantities(in: text)
    return 0
}

/// SwiftPM links an executable target's entry point under this name; libFuzzer's driver takes over from it.
@_cdecl("FuzzLiterals_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in data.map { fuzz(UnsafeRawPointer($0), size) } ?? 0 }
}
