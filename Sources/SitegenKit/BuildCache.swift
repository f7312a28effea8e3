import Diagnostics
import Foundation
import Loading

/// What the last published `sitegen build` of a site was made from, kept in `.sitegen-cache/` beside
/// Content: the stamp (size, times, inode) of every source file and of every file in Output, the
/// binary and the options that built it, and what the build reported. When all of it is unchanged,
/// Output is already what a build would write, and the build has nothing to do.
///
/// The manifest ends with a checksum of everything before it; a manifest that is truncated, corrupt,
/// written by another version or for another site is not used, and the build says so in one line.
struct BuildCache {
    static let folderName = ".sitegen-cache"
    static let format = "sitegen build cache 1"

    let layout: SiteLayout
    /// The binary and the options of this build: a manifest written by another is not used.
    let key: String

    init(options: BuildOptions) {
        layout = options.layout
        let executable = Self.stampText(atPath: "/proc/self/exe") ?? CommandLine.arguments.first.flatMap(Self.stampText) ?? "unknown"
        key = [
            "binary \(executable)", "output \(options.layout.output.path)", "drafts \(options.includeDrafts)",
            "base-url \(options.baseURL ?? "")", "strict \(options.strict)",
        ].joined(separator: "\n")
    }

    var manifestURL: URL { layout.root.appendingPathComponent(Self.folderName).appendingPathComponent("manifest") }

    /// The sources as they are now; `nil` when a file changed so recently that its stamp cannot be
    /// trusted (a second write within the file system's clock tick could leave the same stamp).
    func sourceStamps() -> [String]? {
        var stamps: [String] = []
        for folder in [layout.content, layout.templates] {
            let prefix = layout.relativePath(of: folder) + "/"
            for (path, stamp) in FileStamp.walk(folder.path) {
                guard stamp.isSettled else { return nil }
                stamps.append(prefix + path + " " + stamp.text)
            }
        }
        return stamps.sorted()
    }

    /// Every file and folder in Output with its stamp.
    func outputStamps() -> [String] {
        let output = layout.output.path
        let stamps = FileStamp(path: output).map { [". " + $0.text] } ?? []
        return (stamps + FileStamp.walk(output).map { $0.path + " " + $0.stamp.text }).sorted()
    }

    private static func stampText(atPath path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }

    /// What reading the manifest found.
    enum Lookup {
        /// Output is what a build would write; the last build's report, to print again.
        case upToDate(BuildReport)
        /// Something changed, or there is no manifest yet.
        case stale
        /// The manifest cannot be used, with the reason.
        case unusable(String)
    }

    func lookup(sources: [String]) -> Lookup {
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else { return .stale }
        let bytes = [UInt8](data)
        let marker = Array("\nchecksum ".utf8)
        guard let checksumStart = Self.lastRange(of: marker, in: bytes) else { return .unusable("it is truncated or not a manifest") }
        let body = bytes[..<checksumStart]
        let stored = bytes[(checksumStart + marker.count)...].prefix { $0 != UInt8(ascii: "\n") }
        guard Array(stored) == Array(Self.checksum(body).utf8) else { return .unusable("its checksum does not match") }
        let sections = Self.split(body, on: Array("\n--\n".utf8))
        guard sections.count == 5, sections[0].elementsEqual(Self.format.utf8) else { return .unusable("it was written by another version of sitegen") }
        // Another binary, other options, changed sources or a changed Output: just build.
        guard sections[1].elementsEqual(key.utf8), sections[2].elementsEqual(sources.joined(separator: "\n").utf8),
            sections[3].elementsEqual(outputStamps().joined(separator: "\n").utf8)
        else { return .stale }
        guard let report = Self.report(from: String(decoding: sections[4], as: UTF8.self)) else { return .unusable("its report cannot be read") }
        return .upToDate(report)
    }

    private static func lastRange(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return stride(from: bytes.count - needle.count, through: 0, by: -1).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func split(_ bytes: ArraySlice<UInt8>, on separator: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index + separator.count <= bytes.endIndex {
            if bytes[index] == separator[0], bytes[index..<(index + separator.count)].elementsEqual(separator) {
                parts.append(bytes[start..<index])
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(bytes[start...])
        return parts
    }

    /// Records a published build; `sources` are the stamps taken before it started.
    func store(sources: [String], report: BuildReport) throws {
        let body = [Self.format, key, sources.joined(separator: "\n"), outputStamps().joined(separator: "\n"), Self.text(of: report)]
            .joined(separator: "\n--\n")
        let folder = manifestURL.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent("manifest.\(getpid())")
        try Data((body + "\nchecksum " + Self.checksum(Array(body.utf8)[...]) + "\n").utf8).write(to: temporary)
        guard rename(temporary.path, manifestURL.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func remove() {
        try? FileManager.default.removeItem(at: manifestURL)
    }

    /// FNV-1a, 64 bits: enough to tell a damaged manifest from a whole one.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    // MARK: The report, as lines

    private static func text(of report: BuildReport) -> String {
        var lines = ["counts \(report.pages) \(report.articles) \(report.files) \(report.charts) \(report.facts)"]
        for diagnostic in report.diagnostics {
            let fields = [
                diagnostic.severity.rawValue, diagnostic.location.path, String(diagnostic.location.line), String(diagnostic.location.column),
                diagnostic.field, diagnostic.message, diagnostic.sourceLine,
            ]
            lines.append(fields.map(escape).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n")
    }

    private static func report(from text: String) -> BuildReport? {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first.map({ String(decoding: $0, as: UTF8.self) }), first.hasPrefix("counts ") else { return nil }
        let counts = first.dropFirst("counts ".count).split(separator: " ").compactMap { Int($0) }
        guard counts.count == 5 else { return nil }
        var report = BuildReport()
        (report.pages, report.articles, report.files, report.charts, report.facts) = (counts[0], counts[1], counts[2], counts[3], counts[4])
        lines.removeFirst()
        report.diagnostics.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { unescape(String(decoding: $0, as: UTF8.self)) }
            guard fields.count == 7, let severity = Severity(rawValue: fields[0]), let row = Int(fields[2]), let column = Int(fields[3]) else { return nil }
            report.diagnostics.append(
                Diagnostic(severity, at: SourceLocation(path: fields[1], line: row, column: column), field: fields[4], fields[5], sourceLine: fields[6]))
        }
        report.published = true
        report.upToDate = true
        return report
    }

    private static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
    }

    private static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension SiteBuilder {
    /// `sitegen build`: when nothing changed since the last published build (the sources, Output,
    /// the binary and the options), Output is left as it is and the last report is returned, marked
    /// `upToDate`. Otherwise a whole build, recorded for next time. `note` is one line to print when
    /// a cache was there but could not be used.
    public func buildUsingCache(_ useCache: Bool) -> (report: BuildReport, note: String?) {
        let cache = BuildCache(options: options)
        guard useCache else {
            cache.remove()
            return (build(publish: true), nil)
        }
        let sources = cache.sourceStamps()
        var note: String?
        if let sources {
            switch cache.lookup(sources: sources) {
            case .upToDate(let report): return (report, nil)
            case .stale: break
            case .unusable(let reason):
                note = "the build cache in \(BuildCache.folderName)/ was not used (\(reason)); building everything"
                cache.remove()
            }
        }
        let report = build(publish: true)
        if report.published, let sources {
            do {
                try cache.store(sources: sources, report: report)
            } catch {
                cache.remove()
            }
        } else {
            cache.remove()
        }
        return (report, note)
    }
}
