/// A raster of colours covering a data rectangle: heat maps, decision regions, and filled contours on pixels.
struct ImageArtist: Artist {
    /// Premultiplied ARGB32 pixels, row-major, first row at the top (largest y).
    var pixels: [UInt32]
    var columns: Int
    var rows: Int
    var xRange: ClosedRange<Double>
    var yRange: ClosedRange<Double>
    /// Bilinear filtering for smooth fields; nearest keeps cells crisp.
    var smooth: Bool

    func dataBounds(xScale: Scale, yScale: Scale) -> DataBounds {
        var bounds = DataBounds()
        bounds.include(x: xRange.lowerBound, y: yRange.lowerBound, xScale: xScale, yScale: yScale)
        bounds.include(x: xRange.upperBound, y: yRange.upperBound, xScale: xScale, yScale: yScale)
        return bounds
    }

    var wantsTightLimits: Bool { true }

    func draw(on canvas: Canvas, transform: DataTransform, clipRect: PageRect, theme: Theme) {
        guard let topLeft = transform.point(xRange.lowerBound, yRange.upperBound),
              let bottomRight = transform.point(xRange.upperBound, yRange.lowerBound) else { return }
        let rect = PageRect(x: min(topLeft.x, bottomRight.x), y: min(topLeft.y, bottomRight.y),
                            width: abs(bottomRight.x - topLeft.x), height: abs(bottomRight.y - topLeft.y))
        canvas.drawImage(pixels: pixels, width: columns, height: rows, in: rect, smooth: smooth)
    }

    /// A colour as one premultiplied ARGB32 word, Cairo's native pixel format.
    static func premultipliedPixel(_ color: Color) -> UInt32 {
        func channel(_ value: Double) -> UInt32 { UInt32((min(max(value, 0), 1) * 255).rounded()) }
        let alpha = min(max(color.alpha, 0), 1)
        return channel(alpha) << 24 | channel(color.red * alpha) << 16 | channel(color.green * alpha) << 8
            | channel(color.blue * alpha)
    }
}
