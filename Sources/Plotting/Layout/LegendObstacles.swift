/// What a legend must not cover, in page space, gathered from an axes' artists.
///
/// - `lines`: data polylines and single markers (one-point polylines): lines, scatter points, bands.
/// - `areas`: rectangles of data or text: bars, value labels, annotations.
/// - `soft`: context the legend should rather not cover but may: contour lines of the background field.
///   They decide between places that cover no data, never against one that covers data.
struct LegendObstacles {
    var lines: [[PagePoint]] = []
    var areas: [PageRect] = []
    var soft: [[PagePoint]] = []

    /// The data an axes' artists show, mapped to the page.
    init(artists: [Artist], transform: DataTransform, canvas: Canvas, theme: Theme) {
        for artist in artists {
            lines += artist.obstacles(transform: transform)
            areas += artist.obstacleAreas(transform: transform, canvas: canvas, theme: theme)
            soft += artist.softObstacles(transform: transform)
        }
    }

    init(lines: [[PagePoint]] = [], areas: [PageRect] = [], soft: [[PagePoint]] = []) {
        self.lines = lines
        self.areas = areas
        self.soft = soft
    }

    /// How much data `box` covers, as matplotlib's `_find_best_position` counts it, with markers and areas
    /// weighted up:
    ///
    ///     badness = (line vertices inside) + (line segments crossing the box)
    ///             + 3 · (single markers inside) + 3 · (areas overlapping the box)
    ///
    /// Single markers and text are usually what a figure is about (start, end, minimum, a value label), so
    /// hiding one costs more than hiding a stretch of line.
    func badness(of box: PageRect) -> Int {
        var badness = Self.count(lines, in: box, markerWeight: 3)
        for area in areas where area.intersects(box) { badness += 3 }
        return badness
    }

    /// How much context `box` covers (vertices and crossing segments of the soft lines).
    func softBadness(of box: PageRect) -> Int {
        Self.count(soft, in: box, markerWeight: 1)
    }

    private static func count(_ polylines: [[PagePoint]], in box: PageRect, markerWeight: Int) -> Int {
        var badness = 0
        for polyline in polylines {
            for point in polyline where box.contains(point) { badness += polyline.count == 1 ? markerWeight : 1 }
            if polyline.count >= 2 {
                for index in 1..<polyline.count
                where Geometry.segmentIntersects(polyline[index - 1], polyline[index], box) {
                    badness += 1
                }
            }
        }
        return badness
    }
}
