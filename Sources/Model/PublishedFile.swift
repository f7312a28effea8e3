/// The pixel size of an image, read from its file's header.
public struct ImageSize: Sendable, Equatable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// A file published as it is: beside an article or page in its folder (a page bundle), or from
/// `Content/static/`.
public struct PublishedFile: Sendable, Equatable, Hashable {
    /// Where it is read, relative to the site: `Content/articles/pay/chart.png`.
    public var source: String
    /// Its path inside the bundle or the static folder: `chart.png`, `downloads/data.csv`.
    public var name: String
    /// Size, modification time and inode: a changed file changes it, without being read.
    public var stamp: String
    /// For PNG, JPEG, GIF, WebP and SVG files whose header gives it.
    public var image: ImageSize?

    public init(source: String, name: String, stamp: String, image: ImageSize? = nil) {
        self.source = source
        self.name = name
        self.stamp = stamp
        self.image = image
    }
}
