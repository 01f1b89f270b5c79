import Foundation

extension Axes {
    /// Draws contour lines of `grid`, coloured by level through a colour map.
    ///
    /// - Parameters:
    ///   - grid: The sampled function.
    ///   - levels: Which values get a line; logarithmic levels also colour in log₁₀.
    ///   - colormap: Colour map over the levels; nil uses the theme's.
    ///   - color: One colour for all lines (overrides the colour map).
    ///   - lineWidth: Line width.
    ///   - label: Legend text.
    ///   - showColorBar: Adds a colour bar for the levels.
    /// - Returns: The levels drawn.
    @discardableResult
    public func contour(_ grid: ScalarGrid, levels: ContourLevels = .automatic(count: 10), colormap: Colormap? = nil,
                        color: Color? = nil, lineWidth: Double = 1.1, label: String? = nil,
                        showColorBar: Bool = false, colorBarLabel: String? = nil) -> [Double] {
        let values = levels.resolve(for: grid)
        guard let first = values.first, let last = values.last else { return [] }
        let normalization = ColorNormalization(lower: first, upper: last, scale: levels.isLogarithmic ? .log10 : .linear)
        let map = colormap ?? theme.colormap
        let lines = MarchingSquares.contourLines(in: grid, levels: values)
        let drawn = values.indices.map { index in
            (value: values[index], color: color ?? map.color(at: normalization.fraction(values[index])),
             lines: lines[index])
        }
        add(ContourArtist(levels: drawn, lineWidth: lineWidth,
                          bounds: (grid.x.first!...grid.x.last!, grid.y.first!...grid.y.last!), label: label))
        if showColorBar {
            colorBar = ColorBarSpecification(colormap: map, lower: first, upper: last, scale: normalization.scale,
                                             label: colorBarLabel)
        }
        return values
    }

    /// Fills the bands between contour levels with the colours of a colour map.
    ///
    /// In SVG and PDF the bands are paths traced by marching squares (see
    /// `MarchingSquares.superlevelBoundaries(in:levels:)`), so they stay sharp at any zoom. In PNG the band of
    /// each pixel is found from the bilinearly interpolated grid value, on a raster of `resolution` cells
    /// along the longer side, so band edges are smooth at any grid size.
    ///
    /// - Parameters:
    ///   - grid: The sampled function.
    ///   - levels: Band boundaries.
    ///   - colormap: Colour map over the bands; nil uses the theme's.
    ///   - opacity: Opacity of the fill (below 1 lets contour lines or points show through).
    ///   - resolution: Raster cells along the longer side (PNG only).
    ///   - showColorBar: Adds a colour bar.
    /// - Returns: The levels used.
    @discardableResult
    public func contourFilled(_ grid: ScalarGrid, levels: ContourLevels = .automatic(count: 10),
                              colormap: Colormap? = nil, opacity: Double = 1, resolution: Int = 600,
                              showColorBar: Bool = false, colorBarLabel: String? = nil) -> [Double] {
        var values = levels.resolve(for: grid)
        guard let range = grid.finiteRange, !values.isEmpty else { return [] }
        let logarithmic = levels.isLogarithmic
        let boundaries = [min(range.lowerBound, values[0])] + values + [max(range.upperBound, values.last!)]
        let map = colormap ?? theme.colormap
        let bandCount = boundaries.count - 1
        let bandColors = (0..<bandCount).map { band in
            map.color(at: bandCount == 1 ? 0.5 : Double(band) / Double(bandCount - 1))
        }
        let bandPixels = bandColors.map { ImageArtist.premultipliedPixel($0.withAlpha(opacity)) }
        let (columns, rows) = Self.rasterSize(grid: grid, resolution: resolution)
        var pixels = [UInt32](repeating: 0, count: columns * rows)
        for row in 0..<rows {
            let gridRow = (1 - (Double(row) + 0.5) / Double(rows)) * Double(grid.y.count - 1)
            for column in 0..<columns {
                let gridColumn = (Double(column) + 0.5) / Double(columns) * Double(grid.x.count - 1)
                let value = grid.interpolate(column: gridColumn, row: gridRow)
                guard value.isFinite else { continue }
                var band = 0
                while band < bandCount - 1 && value >= boundaries[band + 1] { band += 1 }
                pixels[row * columns + column] = bandPixels[band]
            }
        }
        let raster = ImageArtist(pixels: pixels, columns: columns, rows: rows, xRange: grid.x.first!...grid.x.last!,
                                 yRange: grid.y.first!...grid.y.last!, smooth: true)
        add(FilledContourArtist(grid: grid, lowerBoundaries: Array(boundaries.dropLast()), colors: bandColors,
                                opacity: opacity, raster: raster))
        if showColorBar {
            values = boundaries
            colorBar = ColorBarSpecification(colormap: map.composited(opacity: opacity, over: theme.axesBackground), lower: boundaries.first!, upper: boundaries.last!,
                                             scale: logarithmic && boundaries.first! > 0 ? .log10 : .linear,
                                             label: colorBarLabel)
        }
        return values
    }

    /// Shows a grid of values as colours (a heat map); with `smooth` the cells blend (for decision regions).
    ///
    /// - Note: The cells are an image in every format, SVG and PDF included, as matplotlib's `imshow` draws
    ///   them: a grid of colours has no outline to trace, and one path per cell would make large, slow
    ///   documents with hairline seams between the cells.
    /// - Parameters:
    ///   - grid: The values; each grid point is the centre of a cell.
    ///   - colormap: Colour map; nil uses the theme's.
    ///   - range: Values mapped to the ends of the colour map; nil uses the grid's finite range.
    ///   - scale: Linear or log₁₀ mapping of values to colours.
    ///   - opacity: Opacity of the cells.
    ///   - smooth: Bilinear blending between cells instead of crisp squares.
    ///   - showColorBar: Adds a colour bar.
    ///   - colorBarLabel: Label of the colour bar.
    public func heatmap(_ grid: ScalarGrid, colormap: Colormap? = nil, range: ClosedRange<Double>? = nil,
                        scale: Scale = .linear, opacity: Double = 1, smooth: Bool = false,
                        showColorBar: Bool = true, colorBarLabel: String? = nil) {
        let map = colormap ?? theme.colormap
        let limits = range ?? grid.finiteRange ?? 0...1
        let (low, high) = scale == .log10 && limits.lowerBound <= 0
            ? (grid.smallestPositive ?? 1, max(limits.upperBound, (grid.smallestPositive ?? 1) * 10))
            : nonsingular(limits.lowerBound, limits.upperBound)
        let normalization = ColorNormalization(lower: low, upper: high, scale: scale)
        let columns = grid.x.count
        let rows = grid.y.count
        var pixels = [UInt32](repeating: 0, count: columns * rows)
        for row in 0..<rows {
            for column in 0..<columns {
                let value = grid[column, rows - 1 - row]
                let fraction = normalization.fraction(value)
                guard fraction.isFinite else { continue }
                pixels[row * columns + column] = ImageArtist.premultipliedPixel(map.color(at: fraction).withAlpha(opacity))
            }
        }
        // Each grid point is a cell centre, so the image extends half a cell beyond the outer points.
        let halfWidth = (grid.x.last! - grid.x.first!) / Double(columns - 1) / 2
        let halfHeight = (grid.y.last! - grid.y.first!) / Double(rows - 1) / 2
        add(ImageArtist(pixels: pixels, columns: columns, rows: rows,
                        xRange: (grid.x.first! - halfWidth)...(grid.x.last! + halfWidth),
                        yRange: (grid.y.first! - halfHeight)...(grid.y.last! + halfHeight), smooth: smooth))
        if showColorBar {
            // The bar shows the colours as they appear on the page, faded by the opacity as the field is.
            colorBar = ColorBarSpecification(colormap: map.composited(opacity: opacity, over: theme.axesBackground),
                                             lower: low, upper: high, scale: scale, label: colorBarLabel)
        }
    }

    /// Adds a colour bar for an explicit value range (when the colours were chosen outside `heatmap`/`contour`).
    public func colorBar(colormap: Colormap? = nil, range: ClosedRange<Double>, scale: Scale = .linear,
                         label: String? = nil) {
        colorBar = ColorBarSpecification(colormap: colormap ?? theme.colormap, lower: range.lowerBound,
                                         upper: range.upperBound, scale: scale, label: label)
    }

    static func rasterSize(grid: ScalarGrid, resolution: Int) -> (columns: Int, rows: Int) {
        let width = grid.x.last! - grid.x.first!
        let height = grid.y.last! - grid.y.first!
        let longer = max(width, height)
        guard longer > 0 else { return (2, 2) }
        return (max(2, Int(Double(resolution) * width / longer)), max(2, Int(Double(resolution) * height / longer)))
    }
}
