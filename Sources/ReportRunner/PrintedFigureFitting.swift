import Foundation

/// Where one element landed in a printed PDF: its page (1-based) and the distance of its top edge below the
/// top of the page's text block, in PDF points.
public struct PrintedPosition: Equatable, Sendable {
    public var page: Int
    public var offset: Double
    public init(page: Int, offset: Double) {
        self.page = page
        self.offset = offset
    }
}

/// One `<figure>` with an id as printed: the zero-height markers the measuring copy puts right before and
/// right after it, its own top, and for a picture figure its image's and caption's tops and the image's
/// aspect ratio (from the `width` and `height` attributes). Tables carry no image and are never scaled; they
/// take part because a table moved to the next page leaves a gap that shrinking a picture above can close.
public struct PrintedFigure: Equatable, Sendable {
    public var id: String
    public var before: PrintedPosition
    public var top: PrintedPosition
    public var after: PrintedPosition
    public var image: PrintedPosition?
    public var caption: PrintedPosition?
    /// Width over height of the picture, nil for a table or a picture without size attributes.
    public var aspectRatio: Double?

    public init(id: String, before: PrintedPosition, top: PrintedPosition, after: PrintedPosition,
                image: PrintedPosition? = nil, caption: PrintedPosition? = nil, aspectRatio: Double? = nil) {
        self.id = id
        self.before = before
        self.top = top
        self.after = after
        self.image = image
        self.caption = caption
        self.aspectRatio = aspectRatio
    }

    /// The printed image height: from the image's top to the caption's, so it includes the few points of line
    /// box under an inline image, which makes every shrink computed from it slightly generous.
    var imageHeight: Double? {
        guard let image, let caption, aspectRatio != nil, image.page == caption.page else { return nil }
        return caption.offset - image.offset
    }

    /// True when the figure starts a page while its "before" marker, the end of what precedes it, stayed on
    /// the previous page: the figure did not fit the rest of that page and moved whole.
    var movedToNextPage: Bool { top.page == before.page + 1 && top.offset < 1 }
}

/// The decision of the fitting pass: which picture figures to give a smaller printed height so that a figure
/// or table that moved whole to the next page fits the gap it left.
///
/// For the first figure F that moved, leaving a gap `g = contentHeight − before.offset` on page p, the shrink
/// needed is `need = (after.offset − top.offset) − g + slack`: F's height including its bottom margin, less the
/// gap. The pictures that can give it are F itself (if a picture) and every picture wholly on page p above F;
/// each can lose at most `current − floor`, where `floor = max(minimumScale · original, minimumWidthShare ·
/// textWidth / aspectRatio)` keeps it at least 75 % of its first printed height and at least 55 % of the text
/// width wide. When their room covers `need`, each gives the same share `need / room` of its room; otherwise
/// nothing changes for this gap. Only the first actionable gap is acted on per pass, since closing it reflows
/// every later page.
public struct PrintedFigureFitting: Sendable {
    /// Height of the page's text block (page height less the top and bottom `@page` margins), points.
    public var contentHeight: Double
    /// Width of the text block, points.
    public var textWidth: Double
    /// A picture is never printed smaller than this share of its first printed height.
    public static let minimumScale = 0.75
    /// A picture is never printed narrower than this share of the text width.
    public static let minimumWidthShare = 0.55
    /// Extra points shrunk beyond the measured shortfall, for the margins that collapse differently once the
    /// figure follows text instead of starting a page.
    public static let slack = 4.0

    public init(contentHeight: Double, textWidth: Double) {
        self.contentHeight = contentHeight
        self.textWidth = textWidth
    }

    /// Blank points at the ends of pages before figures that moved to the next page: the gaps to close, used to
    /// compare passes with the same page count.
    public func movedFigureGaps(_ figures: [PrintedFigure]) -> Double {
        figures.filter(\.movedToNextPage).reduce(0) { $0 + max(0, contentHeight - $1.before.offset) }
    }

    /// New printed image heights (points, by figure id), starting from `heights` (the heights given so far) and
    /// `original` (each picture's first printed height), or nil when no gap can be closed.
    public func nextHeights(_ figures: [PrintedFigure], heights: [String: Double],
                            original: [String: Double]) -> [String: Double]? {
        func current(_ id: String) -> Double? { heights[id] ?? original[id] }
        func floor(_ figure: PrintedFigure) -> Double? {
            guard let first = original[figure.id], let aspect = figure.aspectRatio, aspect > 0 else { return nil }
            return max(Self.minimumScale * first, Self.minimumWidthShare * textWidth / aspect)
        }
        func room(_ figure: PrintedFigure) -> Double {
            guard let now = current(figure.id), let lowest = floor(figure) else { return 0 }
            return max(0, now - lowest)
        }
        for (index, figure) in figures.enumerated() where figure.movedToNextPage && figure.after.page == figure.top.page {
            let gap = contentHeight - figure.before.offset
            let need = figure.after.offset - figure.top.offset - gap + Self.slack
            guard need > 0 else { continue }
            let page = figure.before.page
            let donors = figures[...index].enumerated().filter { other in
                other.offset == index || (other.element.top.page == page && other.element.after.page == page)
            }.map(\.element).filter { room($0) > 0 }
            let available = donors.reduce(0) { $0 + room($1) }
            guard available >= need else { continue }
            var next = heights
            for donor in donors {
                next[donor.id] = current(donor.id)! - need / available * room(donor)
            }
            return next
        }
        return nil
    }
}
