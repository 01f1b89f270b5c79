internal import CCairo
import Foundation

extension Figure {
    /// The figure as a PNG of (width × deviceScale) × (height × deviceScale) pixels.
    ///
    /// The same input gives byte-identical output: the encoder writes no time, software or version chunks.
    /// - Parameter compression: Every pixel exactly (the default), or a palette where it is visually lossless.
    /// - Throws: ``PlottingError`` when Cairo fails.
    public func pngData(compression: PNGCompression) throws -> Data {
        // Smooth 3-D shading is the one thing a palette visibly bands (measured: blotches at 2× zoom on the
        // gallery's loss surfaces, where every other figure kind looked the same), so those stay truecolour.
        let compression = compression == .palette && holdsShadedSurface ? .losslessSmall : compression
        return try withRenderedSurface { surface in
            guard let pixels = cairo_image_surface_get_data(surface) else { throw PlottingError.cairo("no image data") }
            return PNGEncoder.encode(xrgbPixels: UnsafeRawPointer(pixels),
                                     width: Int(cairo_image_surface_get_width(surface)),
                                     height: Int(cairo_image_surface_get_height(surface)),
                                     stride: Int(cairo_image_surface_get_stride(surface)), compression: compression)
        }
    }

    /// Whether some panel draws a shaded 3-D surface.
    var holdsShadedSurface: Bool {
        allAxes.contains { axes in axes.artists.contains { $0 is SurfaceArtist } }
    }

    /// The figure as a lossless PNG (``pngData(compression:)`` with ``PNGCompression/lossless``).
    /// - Throws: ``PlottingError`` when Cairo fails.
    public func pngData() throws -> Data {
        try pngData(compression: .lossless)
    }

    /// The figure as pixels: (width × deviceScale) × (height × deviceScale), opaque.
    /// - Throws: ``PlottingError`` when Cairo fails.
    public func rasterize() throws -> RasterImage {
        try withRenderedSurface { RasterImage(surface: $0) }
    }

    /// Renders into an opaque image surface at the device scale and hands it to `body`.
    ///
    /// Large images are drawn in two horizontal bands on two threads, each band a Cairo surface over its rows
    /// of the same pixels, with the layout measured once beforehand. Each band draws the whole figure and Cairo
    /// rasterises only the rows inside it; rasterising the contour lines is most of the drawing time, and
    /// paths, text and layout are cheap to repeat. The bands are shifted by whole device pixels, so every pixel
    /// comes out as a single pass would draw it.
    ///
    /// The pixels live in a buffer reused from earlier renders (see ``ScratchMemory``): a fresh 6.4 MB surface
    /// cost 1,600 page faults per render. The buffer is cleared first unless the background, opaque and
    /// covering whole device pixels, paints every pixel anyway.
    private func withRenderedSurface<Result>(_ body: (OpaquePointer?) throws -> Result) throws -> Result {
        try validateData()
        let pixelWidth = Int((width * deviceScale).rounded())
        let pixelHeight = Int((height * deviceScale).rounded())
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, Int32(pixelWidth)))
        guard stride > 0, pixelHeight > 0 else { throw PlottingError.cairo("invalid size") }
        return try ScratchMemory.shared.withBuffer(byteCount: stride * pixelHeight) { buffer in
            let pixels = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let backgroundCoversEveryPixel = theme.background.alpha >= 1
                && width * deviceScale == Double(pixelWidth) && height * deviceScale == Double(pixelHeight)
            if !backgroundCoversEveryPixel { buffer.initializeMemory(as: UInt8.self, repeating: 0) }
            let surface = cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_RGB24, Int32(pixelWidth),
                                                              Int32(pixelHeight), Int32(stride))
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface))
            let bandCount = pixelWidth * pixelHeight >= 1 << 18 && pixelHeight >= 2 ? 2 : 1
            let bandTops = (0...bandCount).map { pixelHeight * $0 / bandCount }

            let bands = (0..<bandCount).map { band -> RenderBand in
                let top = bandTops[band]
                let bandSurface = cairo_image_surface_create_for_data(
                    pixels + top * stride, CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(bandTops[band + 1] - top),
                    Int32(stride))
                let context = cairo_create(bandSurface)!
                cairo_translate(context, 0, -Double(top))
                cairo_scale(context, deviceScale, deviceScale)
                let canvas = Canvas(context: context, fontFamily: theme.fontFamily,
                                    fallbackFontFamily: theme.fallbackFontFamily, mathFontFamily: theme.mathFontFamily,
                                    fastAntialiasing: deviceScale >= 1.5)
                if bandCount > 1 {
                    canvas.visibleRect = PageRect(x: 0, y: Double(top) / deviceScale, width: width,
                                                  height: Double(bandTops[band + 1] - top) / deviceScale)
                }
                return RenderBand(surface: bandSurface, context: context, canvas: canvas)
            }
            defer {
                for band in bands {
                    cairo_destroy(band.context)
                    cairo_surface_destroy(band.surface)
                }
            }
            let layout = layout(measuringWith: bands[0].canvas)
            DispatchQueue.concurrentPerform(iterations: bandCount) { band in
                draw(layout, on: bands[band].canvas)
                cairo_surface_flush(bands[band].surface)
            }
            for band in bands {
                try check(cairo_surface_status(band.surface))
                try check(cairo_status(band.context))
            }
            cairo_surface_mark_dirty(surface)
            return try body(surface)
        }
    }

    /// The figure as SVG (text drawn as glyph outlines, so it looks the same without the font installed).
    public func svgData() throws -> Data {
        let sink = ByteSink()
        let surface = cairo_svg_surface_create_for_stream(
            appendToByteSink, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        try drawVector(on: surface)
        return Self.renumberingSurfaceIdentifiers(in: sink.data)
    }

    /// The figure as a one-page PDF, with no creation date or producer version inside.
    public func pdfData() throws -> Data {
        let sink = ByteSink()
        let surface = cairo_pdf_surface_create_for_stream(
            appendToByteSink, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        // Without these Cairo stamps the current time into the document information dictionary.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "")
        try drawVector(on: surface)
        return Self.removingProducerVersion(from: sink.data)
    }

    /// Writes ``pngData()`` to `url`.
    public func writePNG(to url: URL) throws { try pngData().write(to: url, options: .atomic) }
    /// Writes ``svgData()`` to `url`.
    public func writeSVG(to url: URL) throws { try svgData().write(to: url, options: .atomic) }
    /// Writes ``pdfData()`` to `url`.
    public func writePDF(to url: URL) throws { try pdfData().write(to: url, options: .atomic) }

    /// Throws the problems the axes recorded while data was added, all at once.
    func validateData() throws {
        let problems = allAxes.flatMap(\.inputProblems)
        guard problems.isEmpty else { throw PlottingError.invalidData(problems.joined(separator: "; ")) }
    }

    private func drawVector(on surface: OpaquePointer?) throws {
        try validateData()
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))
        let context = cairo_create(surface)!
        render(on: Canvas(context: context, fontFamily: theme.fontFamily, fallbackFontFamily: theme.fallbackFontFamily,
                          mathFontFamily: theme.mathFontFamily))
        let status = cairo_status(context)
        cairo_destroy(context)
        try check(status)
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface))
    }

    private func check(_ status: cairo_status_t) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlottingError.cairo(String(cString: cairo_status_to_string(status)))
        }
    }

    /// Renumbers Cairo's `surfaceN` and `imageN` SVG identifiers 1, 2, … in order of first appearance.
    ///
    /// Cairo derives them from a process-wide counter of surfaces, so the second figure drawn in a process
    /// would otherwise differ from the first in its identifiers alone.
    static func renumberingSurfaceIdentifiers(in svg: Data) -> Data {
        let text = String(decoding: svg, as: UTF8.self)
        var numbers: [String: Int] = [:]
        let pattern = try! Regex("(surface|image)([0-9]+)")
        let result = text.replacing(pattern) { match in
            let prefix = match.output[1].substring.map(String.init) ?? ""
            let key = prefix + (match.output[2].substring.map(String.init) ?? "")
            let number = numbers[key] ?? {
                let next = numbers.count + 1
                numbers[key] = next
                return next
            }()
            return prefix + String(number)
        }
        return Data(result.utf8)
    }

    /// Blanks the text of the PDF's `/Producer (cairo x.y.z (https://cairographics.org))` entry with spaces of
    /// the same length, so the document does not change with the installed Cairo version. Keeping the length
    /// keeps every byte offset in the cross-reference table valid.
    static func removingProducerVersion(from pdf: Data) -> Data {
        var bytes = [UInt8](pdf)
        let key = Array("/Producer (".utf8)
        guard let start = bytes.firstRange(of: key)?.upperBound else { return pdf }
        // PDF literal strings may hold balanced parentheses, as the producer's URL does.
        var depth = 1
        var end = start
        while end < bytes.count {
            if bytes[end] == UInt8(ascii: "(") { depth += 1 }
            if bytes[end] == UInt8(ascii: ")") { depth -= 1 }
            if depth == 0 { break }
            end += 1
        }
        guard depth == 0 else { return pdf }
        for index in start..<end { bytes[index] = UInt8(ascii: " ") }
        return Data(bytes)
    }
}
