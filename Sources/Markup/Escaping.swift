/// The one escape function for HTML, XML and SVG text and attribute values.
///
/// Escapes `& < > " '` and drops characters that XML 1.0 does not allow
/// (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF).
/// Works on UTF-8 bytes: text without special characters is returned as is, and runs
/// between special characters are copied whole.
public func escape(_ text: some StringProtocol) -> String {
    var string = String(text)
    return string.withUTF8 { bytes in
        guard let base = bytes.baseAddress else { return nil }
        let first = firstNeedingAttention(base, from: 0, count: bytes.count)
        guard first < bytes.count else { return nil }
        var result = [UInt8]()
        result.reserveCapacity(bytes.count + 32)
        escapeUTF8(bytes, into: &result)
        return String(decoding: result, as: UTF8.self)
    } ?? string
}

/// Appends to `output` exactly the UTF-8 bytes that `escape(text)` returns, without building a `String`.
@inlinable
public func escape(_ text: some StringProtocol, into output: inout [UInt8]) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { escapeUTF8($0, into: &output) }
    if done == nil {
        var string = String(text)
        string.withUTF8 { escapeUTF8($0, into: &output) }
    }
}

/// The escaping core both `escape` functions share: appends `bytes`, escaped, to `output`.
///
/// Text without special characters is appended in one piece. Otherwise the escaped bytes are
/// gathered in a small buffer on the stack and appended a buffer at a time.
@usableFromInline
func escapeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    guard let base = bytes.baseAddress else { return }
    let count = bytes.count
    var index = firstNeedingAttention(base, from: 0, count: count)
    guard index < count else {
        output.append(contentsOf: bytes)
        return
    }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
        guard let scratch = buffer.baseAddress else { return }
        var used = 0
        func flush() {
            output.append(contentsOf: UnsafeBufferPointer(start: scratch, count: used))
            used = 0
        }
        func put(_ source: UnsafePointer<UInt8>, _ length: Int) {
            if used + length > buffer.count {
                flush()
                if length > buffer.count {
                    output.append(contentsOf: UnsafeBufferPointer(start: source, count: length))
                    return
                }
            }
            (scratch + used).update(from: source, count: length)
            used += length
        }
        func put(_ entity: StaticString) {
            put(entity.utf8Start, entity.utf8CodeUnitCount)
        }
        var runStart = 0
        while index < count {
            put(base + runStart, index - runStart)
            let byte = base[index]
            var skip = 1
            switch byte {
            case UInt8(ascii: "&"): put("&amp;")
            case UInt8(ascii: "<"): put("&lt;")
            case UInt8(ascii: ">"): put("&gt;")
            case UInt8(ascii: "\""): put("&quot;")
            case UInt8(ascii: "'"): put("&#39;")
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE / EF BF BF; other EF sequences are kept.
                if index + 2 < count, base[index + 1] == 0xBF, base[index + 2] >= 0xBE {
                    skip = 3
                } else {
                    put(base + index, 1)
                }
            default:
                break  // a C0 control character: dropped
            }
            index += skip
            runStart = index
            index = firstNeedingAttention(base, from: index, count: count)
        }
        put(base + runStart, count - runStart)
        flush()
    }
}

/// The index of the first byte at or after `start` that needs attention, or `count`. Looks at eight
/// bytes at a time, since most text has nothing to escape.
@inline(__always)
private func firstNeedingAttention(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
    var index = start
    while index + 8 <= count {
        if mayNeedAttention(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
            for candidate in index..<index + 8 where needsAttention(base[candidate]) {
                return candidate
            }
        }
        index += 8
    }
    while index < count {
        if needsAttention(base[index]) { return index }
        index += 1
    }
    return count
}

/// Whether any of eight bytes may need attention: one of `& < > " '`, 0xEF or a byte below 0x20
/// (tab, newline and carriage return included, which the byte check then lets through).
@inline(__always)
private func mayNeedAttention(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    // (x - 1) & ~x sets a byte's high bit where that byte of x is zero, and sets none when no byte
    // is; (x - 0x20) & ~x does the same for bytes below 0x20.
    func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
    let found =
        (word &- ones &* 0x20) & ~word
        | zeroBytes(word ^ (ones &* 0x26)) | zeroBytes(word ^ (ones &* 0x3C)) | zeroBytes(word ^ (ones &* 0x3E))
        | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x27)) | zeroBytes(word ^ (ones &* 0xEF))
    return found & (ones &* 0x80) != 0
}

@inline(__always)
private func needsAttention(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
    case 0xEF: true  // lead byte of U+FFFE / U+FFFF
    case 0x09, 0x0A, 0x0D: false
    default: byte < 0x20
    }
}
