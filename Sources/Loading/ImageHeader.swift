import Foundation
import Model

/// The pixel size of a PNG, JPEG, GIF, WebP or SVG image, read from the first bytes of its file:
/// enough to write `width` and `height` on an `<img>`, with no image library.
public enum ImageHeader {
    /// How much of a file is read; a JPEG whose size comes later (after very large metadata) gets none.
    static let prefixLength = 256 << 10

    /// The size of the image at `path`, or `nil` when it is not an image of a known kind or gives no size.
    public static func size(atPath path: String) -> ImageSize? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: prefixLength) else { return nil }
        return size(of: [UInt8](data))
    }

    /// The size of the image whose file starts with `bytes`.
    public static func size(of bytes: [UInt8]) -> ImageSize? {
        let size: ImageSize?
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            size = bytes.count >= 24 && bytes[12..<16].elementsEqual("IHDR".utf8) ? ImageSize(width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4)) : nil
        } else if bytes.starts(with: "GIF87a".utf8) || bytes.starts(with: "GIF89a".utf8) {
            size = bytes.count >= 10 ? ImageSize(width: littleEndian(bytes, 6, 2), height: littleEndian(bytes, 8, 2)) : nil
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            size = jpeg(bytes)
        } else if bytes.count >= 30, bytes.starts(with: "RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) {
            size = webP(bytes)
        } else {
            size = svg(bytes)
        }
        guard let size, size.width > 0, size.height > 0 else { return nil }
        return size
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<offset + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// Walks the segments to the first start-of-frame marker, which holds the height and width. A photo
    /// whose Exif orientation turns it a quarter (5–8) is shown turned by browsers: its sides swap.
    private static func jpeg(_ bytes: [UInt8]) -> ImageSize? {
        var index = 2
        var turned = false
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF {
                index += 1
                continue
            }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {
                index += 2
                continue
            }
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame {
                let (width, height) = (bigEndian(bytes, index + 7, 2), bigEndian(bytes, index + 5, 2))
                return turned ? ImageSize(width: height, height: width) : ImageSize(width: width, height: height)
            }
            let length = bigEndian(bytes, index + 2, 2)
            if marker == 0xE1, let orientation = exifOrientation(bytes, from: index + 4, to: min(bytes.count, index + 2 + length)) {
                turned = (5...8).contains(orientation)
            }
            index += 2 + length
        }
        return nil
    }

    /// The orientation tag of an Exif segment's first image directory.
    private static func exifOrientation(_ bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        let tiff = start + 6
        guard tiff + 8 <= end, bytes[start..<start + 6].elementsEqual(Array("Exif".utf8) + [0, 0]) else { return nil }
        let little = bytes[tiff] == 0x49
        func number(_ offset: Int, _ count: Int) -> Int? {
            guard offset >= 0, offset + count <= end else { return nil }
            return little ? littleEndian(bytes, offset, count) : bigEndian(bytes, offset, count)
        }
        guard let directory = number(tiff + 4, 4).map({ tiff + $0 }), let entries = number(directory, 2) else { return nil }
        for entry in 0..<min(entries, 256) {
            let offset = directory + 2 + entry * 12
            guard let tag = number(offset, 2) else { return nil }
            if tag == 0x0112 { return number(offset + 8, 2) }
        }
        return nil
    }

    /// Lossy (`VP8 `), lossless (`VP8L`) and extended (`VP8X`) WebP.
    private static func webP(_ bytes: [UInt8]) -> ImageSize? {
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8X":
            return ImageSize(width: littleEndian(bytes, 24, 3) + 1, height: littleEndian(bytes, 27, 3) + 1)
        case "VP8 ":
            guard bytes[23..<26].elementsEqual([0x9D, 0x01, 0x2A]) else { return nil }
            return ImageSize(width: littleEndian(bytes, 26, 2) & 0x3FFF, height: littleEndian(bytes, 28, 2) & 0x3FFF)
        case "VP8L":
            guard bytes[20] == 0x2F else { return nil }
            let bits = littleEndian(bytes, 21, 4)
            return ImageSize(width: (bits & 0x3FFF) + 1, height: (bits >> 14 & 0x3FFF) + 1)
        default:
            return nil
        }
    }

    /// The root element's `width` and `height` in pixels, or else its `viewBox`.
    private static func svg(_ bytes: [UInt8]) -> ImageSize? {
        let text = String(decoding: bytes.prefix(16 << 10), as: UTF8.self)
        guard let start = text.range(of: "<svg"), let end = text[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = text[start.upperBound..<end]
        func attribute(_ name: String) -> String? {
            var searchStart = tag.startIndex
            while let found = tag.range(of: name + "=", range: searchStart..<tag.endIndex) {
                searchStart = found.upperBound
                guard found.lowerBound == tag.startIndex || tag[tag.index(before: found.lowerBound)].isWhitespace,
                    let quote = tag[found.upperBound...].first, quote == "\"" || quote == "'"
                else { continue }
                let valueStart = tag.index(after: found.upperBound)
                guard let valueEnd = tag[valueStart...].firstIndex(of: quote) else { return nil }
                return String(tag[valueStart..<valueEnd])
            }
            return nil
        }
        func pixels(_ value: String?) -> Int? {
            guard var value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value).flatMap { $0 > 0 && $0 < 1e6 ? Int($0.rounded()) : nil }
        }
        if let width = pixels(attribute("width")), let height = pixels(attribute("height")) { return ImageSize(width: width, height: height) }
        let box = attribute("viewBox")?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) } ?? []
        guard box.count == 4, box[2] > 0, box[3] > 0, box[2] < 1e6, box[3] < 1e6 else { return nil }
        return ImageSize(width: Int(box[2].rounded()), height: Int(box[3].rounded()))
    }
}
