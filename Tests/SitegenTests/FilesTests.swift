import Foundation
import Loading
import Model
import SitegenKit
import Testing

/// A PNG of `width` × `height` pixels: the signature and an IHDR chunk are all a size reader needs.
func pngBytes(width: UInt32, height: UInt32) -> Data {
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
    for value in [width, height] { bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
    bytes += [8, 2, 0, 0, 0, 0, 0, 0, 0]
    return Data(bytes)
}

@Suite("Files beside articles, and static files")
struct FilesTests {
    static let bundleArticle = article(
        title: "Pay by band", extra: "slug: pay\n",
        body: "The bands:\n\n![Pay by band](pay.png)\n\nRead [the report](report.pdf) or get [the data](/downloads/data.csv).")

    func bundleSite() throws -> TemporarySite {
        let site = try TemporarySite(articles: ["pay/index.md": Self.bundleArticle])
        try pngBytes(width: 640, height: 360).write(to: site.root.appendingPathComponent("Content/articles/pay/pay.png"))
        try site.write("Content/articles/pay/report.pdf", "%PDF-1.4\n")
        try site.write("Content/static/downloads/data.csv", "band,share\n")
        return site
    }

    @Test func anArticleFolderPublishesItsFilesBesideThePage() throws {
        let site = try bundleSite()
        defer { site.delete() }
        let report = site.build()
        #expect(report.diagnostics.isEmpty)
        let page = try site.read("Output/articles/pay/index.html")
        #expect(page.contains("<img src=\"pay.png\" alt=\"Pay by band\" width=\"640\" height=\"360\" loading=\"lazy\" decoding=\"async\">"))
        #expect(page.contains("<a href=\"report.pdf\">the report</a>"))
        #expect(page.contains("<a href=\"../../downloads/data.csv\">the data</a>"), "a root-relative link to a static file is written relative")
        #expect(try site.read("Output/articles/pay/report.pdf") == "%PDF-1.4\n")
        #expect(!site.exists("Output/articles/pay/index.md"), "the article's source is not published")
    }

    @Test func aPageFolderPublishesItsFilesToo() throws {
        let site = try bundleSite()
        defer { site.delete() }
        try site.write("Content/pages/about/index.md", "---\ntitle: About\n---\n![The desk](desk.svg)\n")
        try site.write("Content/pages/about/desk.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 80\"></svg>\n")
        #expect(site.build().diagnostics.isEmpty)
        #expect(try site.read("Output/pages/about/index.html").contains("<img src=\"desk.svg\" alt=\"The desk\" width=\"120\" height=\"80\" loading=\"lazy\" decoding=\"async\">"))
        #expect(site.exists("Output/pages/about/desk.svg"))
    }

    @Test func aFolderWithoutIndexIsAWarning() throws {
        let site = try bundleSite()
        defer { site.delete() }
        try site.write("Content/articles/notes/README.md", "Notes.\n")
        let report = site.build()
        #expect(report.published)
        #expect(report.diagnostics.map(\.description) == [
            "Content/articles/notes:1:1: warning: this folder has no index.md, so it is not published; an article or page in a folder is written in NAME/index.md, with its images and files beside it"
        ])
    }

    @Test func aMissingImageOrFileFailsTheBuildAtItsLine() throws {
        let site = try bundleSite()
        defer { site.delete() }
        try site.write(
            "Content/articles/pay/index.md",
            Self.bundleArticle.replacingOccurrences(of: "(pay.png)", with: "(pays.png)").replacingOccurrences(of: "(report.pdf)", with: "(report-2025.pdf)"))
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.map(\.description) == [
            "Content/articles/pay/index.md:8:1: error: missing image: \"pays.png\" is not a file of this site (did you mean \"pay.png\"?)",
            "Content/articles/pay/index.md:10:6: error: broken link: \"report-2025.pdf\" is not a file of this site; the files there are pay.png, report.pdf",
        ])
    }

    @Test func anImageWithoutAltTextIsAWarning() throws {
        let site = try bundleSite()
        defer { site.delete() }
        try site.write("Content/articles/pay/index.md", Self.bundleArticle.replacingOccurrences(of: "![Pay by band]", with: "![]"))
        let report = site.build()
        #expect(report.published)
        #expect(report.diagnostics.map(\.description) == [
            "Content/articles/pay/index.md:8:1: warning: this image has no alt text; describe what it shows between the brackets, ![…](pay.png), for readers who cannot see it"
        ])
    }

    @Test func staticFilesLandAtTheRootOfOutput() throws {
        let site = try bundleSite()
        defer { site.delete() }
        try site.write("Content/static/CNAME", "briefing.example.org\n")
        try site.write("Content/static/.well-known/security.txt", "Contact: mailto:desk@example.org\n")
        #expect(site.build().published)
        #expect(try site.read("Output/CNAME") == "briefing.example.org\n")
        #expect(try site.read("Output/.well-known/security.txt") == "Contact: mailto:desk@example.org\n")
        #expect(try site.read("Output/downloads/data.csv") == "band,share\n")
    }

    @Test func aStaticFileMayNotOverwriteAGeneratedPage() throws {
        let site = try bundleSite()
        defer { site.delete() }
        try site.write("Content/static/articles/pay/index.html", "<p>mine</p>\n")
        try site.write("Content/static/feed.xml", "<feed/>\n")
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.map(\.description) == [
            "Content/static/articles/pay/index.html:1:1: error: this file would overwrite articles/pay/index.html, which sitegen generates; rename or remove Content/static/articles/pay/index.html",
            "Content/static/feed.xml:1:1: error: this file would overwrite feed.xml, which sitegen generates; rename or remove Content/static/feed.xml",
        ])
    }

    @Test func aLinkLeadingOutOfTheSiteIsNotPublished() throws {
        let site = try bundleSite()
        defer { site.delete() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/articles/pay/passwd").path, withDestinationPath: "/etc/passwd")
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.map(\.description) == [
            "Content/articles/pay/passwd:1:1: error: this is a link to a file outside the site; it is not published"
        ])
    }

    @Test func aNameOutputCannotHoldIsAnError() throws {
        let site = try bundleSite()
        defer { site.delete() }
        try site.write("Content/articles/pay/chart\\2025.png", "not really a picture\n")
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.map(\.description) == [
            "Content/articles/pay/chart\\2025.png:1:1: error: this file's name cannot be published (articles/pay/chart\\2025.png); rename it with plain letters, digits, dots and hyphens"
        ])
    }

    @Test func anUnchangedFileKeepsItsInodeAndTime() throws {
        let site = try bundleSite()
        defer { site.delete() }
        #expect(site.build().published)
        let path = site.root.appendingPathComponent("Output/articles/pay/pay.png").path
        let before = try FileManager.default.attributesOfItem(atPath: path)
        try site.write("Content/articles/pay/index.md", Self.bundleArticle + "\nOne more line.\n")
        #expect(site.build().published)
        let after = try FileManager.default.attributesOfItem(atPath: path)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
    }

    @Test func aLargeFileIsPublishedWholeAndKeptAsItIs() throws {
        let site = try bundleSite()
        defer { site.delete() }
        let bytes = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 >> 3) })
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content/static/data"), withIntermediateDirectories: true)
        try bytes.write(to: site.root.appendingPathComponent("Content/static/data/big.bin"))
        #expect(site.build().published)
        let published = site.root.appendingPathComponent("Output/data/big.bin")
        #expect(try Data(contentsOf: published) == bytes)
        let inode = try FileManager.default.attributesOfItem(atPath: published.path)[.systemFileNumber] as? Int
        #expect(site.build().published)
        #expect(try FileManager.default.attributesOfItem(atPath: published.path)[.systemFileNumber] as? Int == inode)
    }

    /// A JPEG of 640 × 480 whose Exif orientation (6) turns it a quarter: browsers show it 480 × 640.
    static let turnedJPEG: [UInt8] = {
        let exif: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0, 0, 0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01]
        let orientation: [UInt8] = [0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
        let frame: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, 0x00, 0x00]
        return [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x22] + exif + orientation + frame
    }()

    @Test(arguments: [
        ("png", [UInt8](pngBytes(width: 640, height: 360)), ImageSize(width: 640, height: 360)),
        ("gif", Array("GIF89a".utf8) + [0x20, 0x03, 0x58, 0x02], ImageSize(width: 800, height: 600)),
        ("jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, 0x00, 0x00],
         ImageSize(width: 640, height: 480)),
        ("jpeg turned by Exif", turnedJPEG, ImageSize(width: 480, height: 640)),
        ("webp", Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0, 0x7F, 0x02, 0x00, 0xDF, 0x01, 0x00, 0, 0],
         ImageSize(width: 640, height: 480)),
        ("svg", Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 320 180\">".utf8), ImageSize(width: 320, height: 180)),
        ("svg", Array("<svg width=\"48px\" height='24' viewBox=\"0 0 1 1\">".utf8), ImageSize(width: 48, height: 24)),
    ])
    func imageSizesComeFromTheHeader(_ kind: String, _ bytes: [UInt8], _ size: ImageSize) {
        #expect(ImageHeader.size(of: bytes) == size, "\(kind)")
    }
}
