internal import CCairo
import Foundation

/// The drawing surface of one render: a thin wrapper over a Cairo context, in logical units.
///
/// All Cairo calls of the package go through here or through the output code in `Figure+Output.swift`.
final class Canvas {
    let context: OpaquePointer
    let fontFamily: String
    let fallbackFontFamily: String
    /// The font for math runs of ``RichText`` (`$…$`), so figure math matches the handout's MathML.
    let mathFontFamily: String
    /// The kind of surface drawn on, part of every ``FontCache`` key (it decides the merged font options).
    private let surfaceType: UInt32
    private var currentFont = FontRole.main
    /// The part of the page this canvas's surface shows when it shows only a band of it (see
    /// `Figure.withRenderedSurface`), so that artists with many sub-paths can leave out those wholly outside.
    var visibleRect: PageRect?
    private var currentFontSize = -1.0

    /// - Parameters:
    ///   - context: A Cairo context whose user space is logical units.
    ///   - fontFamily: The family passed to Cairo's toy font API.
    ///   - fallbackFontFamily: The family for characters the main font lacks.
    ///   - mathFontFamily: The family for math runs (characters it lacks go to the other two).
    ///   - fastAntialiasing: Use Cairo's 4 × 4-sample rasteriser for shapes (text keeps its own setting).
    ///     At a device scale of 2 it is indistinguishable from the default 256-level one and about twice as
    ///     fast on dense line plots.
    init(context: OpaquePointer, fontFamily: String, fallbackFontFamily: String,
         mathFontFamily: String = Theme().mathFontFamily, fastAntialiasing: Bool = false) {
        self.context = context
        self.fontFamily = fontFamily
        self.fallbackFontFamily = fallbackFontFamily
        self.mathFontFamily = mathFontFamily
        surfaceType = cairo_surface_get_type(cairo_get_target(context)).rawValue
        // Unhinted metrics make text measure the same at every device scale and in SVG and PDF,
        // so a figure lays out identically in all three outputs.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
        cairo_select_font_face(context, fontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_BEVEL)
        if fastAntialiasing { cairo_set_antialias(context, CAIRO_ANTIALIAS_FAST) }
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
    }

    // MARK: - State

    func save() { cairo_save(context) }
    func restore() { cairo_restore(context) }

    func setColor(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    func setLineWidth(_ width: Double) { cairo_set_line_width(context, width) }

    func setDash(_ lengths: [Double]) {
        lengths.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
    }

    func setRoundCaps(_ round: Bool) {
        cairo_set_line_cap(context, round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
    }

    func clip(to rect: PageRect) {
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
    }

    // MARK: - Paths

    func move(to point: PagePoint) { cairo_move_to(context, point.x, point.y) }
    func line(to point: PagePoint) { cairo_line_to(context, point.x, point.y) }
    func closePath() { cairo_close_path(context) }
    func newPath() { cairo_new_path(context) }

    func rectangle(_ rect: PageRect) { cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height) }

    func circle(center: PagePoint, radius: Double) {
        cairo_new_sub_path(context)
        cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
        cairo_close_path(context)
    }

    func stroke() { cairo_stroke(context) }
    func fill() { cairo_fill(context) }
    func fillPreserve() { cairo_fill_preserve(context) }

    /// Fills then strokes the current path in two colours.
    func fillAndStroke(fill: Color, stroke: Color?, lineWidth: Double) {
        setColor(fill)
        if let stroke {
            fillPreserve()
            setColor(stroke)
            setLineWidth(lineWidth)
            self.stroke()
        } else {
            self.fill()
        }
    }

    /// Draws an ARGB32 image (premultiplied, native-endian words, row-major) into `rect`.
    ///
    /// - Parameter smooth: Bilinear filtering for smooth fields; nearest-neighbour keeps cells crisp.
    func drawImage(pixels: [UInt32], width: Int, height: Int, in rect: PageRect, smooth: Bool) {
        guard width > 0, height > 0 else { return }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return }
        pixels.withUnsafeBufferPointer { source in
            for row in 0..<height {
                let destination = UnsafeMutableRawPointer(data + row * stride)
                destination.copyMemory(from: source.baseAddress! + row * width, byteCount: width * 4)
            }
        }
        cairo_surface_mark_dirty(surface)
        save()
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / Double(width), rect.height / Double(height))
        cairo_set_source_surface(context, surface, 0, 0)
        let pattern = cairo_get_source(context)
        cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_paint(context)
        restore()
    }

    // MARK: - Text

    private func useFontSize(_ size: Double) {
        if size != currentFontSize {
            cairo_set_font_size(context, size)
            currentFontSize = size
        }
    }

    /// Ascent and descent (positive numbers) of the ink of "Hg国" at `size`, each character in the font that draws it.
    ///
    /// - Note: CJK fonts declare a line height near 1.45 em for vertical layout, which would leave wide gaps
    ///   around every label; the ink of a tall Latin letter, a descender and a Han character is what a label
    ///   actually covers.
    func fontMetrics(size: Double) -> (ascent: Double, descent: Double) {
        FontCache.shared.metrics(font: fontKey(size: size, font: .main), fallbackFamily: fallbackFontFamily) {
            var metrics = (ascent: 0.0, descent: 0.0)
            for segment in fontSegments("Hg国", math: false) {
                var extents = cairo_text_extents_t()
                cairo_scaled_font_text_extents(scaledFont(size: size, font: segment.font), segment.text,
                                               &extents)
                metrics.ascent = max(metrics.ascent, -extents.y_bearing)
                metrics.descent = max(metrics.descent, extents.height + extents.y_bearing)
            }
            return metrics
        }
    }

    /// Advance width of plain text at `size` (math text when `math` is set).
    func advance(_ text: String, size: Double, math: Bool = false) -> Double {
        var total = 0.0
        for segment in fontSegments(text, math: math) {
            total += advance(ofSegment: segment.text, size: size, font: segment.font)
        }
        return total
    }

    /// Advance width of text drawn in one font.
    private func advance(ofSegment text: String, size: Double, font: FontRole) -> Double {
        FontCache.shared.advance(of: text, font: fontKey(size: size, font: font)) {
            var extents = cairo_text_extents_t()
            cairo_scaled_font_text_extents(scaledFont(size: size, font: font), text, &extents)
            return extents.x_advance
        }
    }

    /// Which of the canvas's three fonts draws a piece of text.
    enum FontRole {
        case main, math, fallback
    }

    private func family(_ font: FontRole) -> String {
        switch font {
        case .main: return fontFamily
        case .math: return mathFontFamily
        case .fallback: return fallbackFontFamily
        }
    }

    private func fontKey(size: Double, font: FontRole) -> FontCache.FontKey {
        FontCache.FontKey(surfaceType: surfaceType, family: family(font), size: size)
    }

    /// The scaled font for a size, made once per process and kind of surface (see ``FontCache``).
    ///
    /// - Note: Measuring through cached scaled fonts leaves the context's font state alone; switching the
    ///   context's font size for every measurement made Cairo look up a scaled font each time, which cost
    ///   more than the rest of the layout.
    private func scaledFont(size: Double, font: FontRole) -> OpaquePointer {
        FontCache.shared.scaledFont(fontKey(size: size, font: font)) {
            cairo_save(context)
            cairo_identity_matrix(context)
            cairo_select_font_face(context, family(font), CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
            cairo_set_font_size(context, size)
            let font = cairo_scaled_font_reference(cairo_get_scaled_font(context))!
            cairo_restore(context)
            // cairo_restore puts back the font the state had, which the caches may not know.
            currentFontSize = -1
            currentFont = .main
            return font
        }
    }

    /// Splits text into runs the main font can draw and runs it cannot (drawn with the fallback font).
    ///
    /// - Note: Cairo's toy text API does not fall back per glyph, so a character missing from the main font
    ///   (glyph index 0, drawn as a box) is found here and given to the fallback font instead: with the
    ///   default theme, DejaVu Sans draws Latin, Greek and mathematical symbols and Noto Sans CJK SC the Han
    ///   characters DejaVu Sans lacks. Math text goes to the math font first, so that its italic letters,
    ///   digits and operators all come from one font, as in the handout's MathML.
    private func fontSegments(_ text: String, math: Bool) -> [(text: String, font: FontRole)] {
        var segments: [(text: String, font: FontRole)] = []
        for character in text {
            let font: FontRole = math && covers(character, font: .math) ? .math
                : covers(character, font: .main) ? .main : .fallback
            if font == .fallback && !covers(character, font: .fallback) {
                MissingGlyphs.shared.record(character, family: fallbackFontFamily)
            }
            if let last = segments.last, last.font == font {
                segments[segments.count - 1].text.append(character)
            } else {
                segments.append((String(character), font))
            }
        }
        return segments
    }

    private func covers(_ character: Character, font role: FontRole) -> Bool {
        guard !character.isWhitespace else { return true }
        return FontCache.shared.covers(character, family: family(role)) {
            let font = scaledFont(size: 10, font: role)
            var glyphs: UnsafeMutablePointer<cairo_glyph_t>?
            var count: Int32 = 0
            let text = String(character)
            let status = cairo_scaled_font_text_to_glyphs(font, 0, 0, text, Int32(text.utf8.count), &glyphs, &count,
                                                          nil, nil, nil)
            var covered = status == CAIRO_STATUS_SUCCESS && count > 0
            if let glyphs {
                for index in 0..<Int(count) where glyphs[index].index == 0 { covered = false }
                cairo_glyph_free(glyphs)
            }
            return covered
        }
    }

    private func useFont(_ font: FontRole) {
        guard font != currentFont else { return }
        cairo_select_font_face(context, family(font), CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        currentFont = font
    }

    /// Width of marked-up text at `size`.
    func width(of text: RichText, size: Double) -> Double {
        runPositions(text, size: size).width
    }

    /// Where each run of marked-up text starts, relative to the text's left end, and the text's width.
    ///
    /// - Note: A superscript directly followed by a subscript, or the reverse (`a^{[1]}_{1}`), is stacked as
    ///   in TeX: the second starts where the first did, and the text continues after the wider of the two.
    ///   Stacked scripts move apart by 0.06 em each (TeX's sup/sub shifts grow likewise when both are present),
    ///   so a superscript's brackets clear the subscript below.
    private func runPositions(_ text: RichText, size: Double) -> (starts: [Double], stacked: [Bool], width: Double) {
        var starts: [Double] = []
        var stacked = [Bool](repeating: false, count: text.runs.count)
        var x = 0.0
        var previous: (position: RichText.Position, start: Double, end: Double)?
        for (index, run) in text.runs.enumerated() {
            let advance = advance(run.text, size: size * RichText.metrics(of: run.position).scale, math: run.isMath)
            if let last = previous, last.position != .normal, run.position != .normal, run.position != last.position {
                stacked[index - 1] = true
                stacked[index] = true
                starts.append(last.start)
                x = max(last.end, last.start + advance)
                // A third script run after a stacked pair starts afresh.
                previous = (.normal, x, x)
            } else {
                starts.append(x)
                previous = (run.position, x, x + advance)
                x += advance
            }
        }
        return (starts, stacked, x)
    }

    /// Height of one line of text (ascent + descent), plus the rise of any superscript.
    func height(of text: RichText, size: Double) -> Double {
        let metrics = fontMetrics(size: size)
        let raised = text.runs.contains { $0.position == .superscript } ? size * 0.25 : 0
        return metrics.ascent + metrics.descent + raised
    }

    /// The page rectangle that `text` covers when drawn with the given anchor and alignment (unrotated).
    func bounds(of text: RichText, size: Double, at anchor: PagePoint,
                horizontal: HorizontalAlignment, vertical: VerticalAlignment) -> PageRect {
        let width = width(of: text, size: size)
        let metrics = fontMetrics(size: size)
        let raised = text.runs.contains { $0.position == .superscript } ? size * 0.25 : 0
        let origin = textOrigin(width: width, metrics: metrics, raised: raised, anchor: anchor,
                                horizontal: horizontal, vertical: vertical)
        return PageRect(x: origin.x, y: origin.y - metrics.ascent - raised,
                        width: width, height: metrics.ascent + metrics.descent + raised)
    }

    private func textOrigin(width: Double, metrics: (ascent: Double, descent: Double), raised: Double,
                            anchor: PagePoint, horizontal: HorizontalAlignment,
                            vertical: VerticalAlignment) -> PagePoint {
        let x: Double
        switch horizontal {
        case .left: x = anchor.x
        case .center: x = anchor.x - width / 2
        case .right: x = anchor.x - width
        }
        let y: Double
        switch vertical {
        case .top: y = anchor.y + metrics.ascent + raised
        case .center: y = anchor.y + (metrics.ascent + raised - metrics.descent) / 2
        case .baseline: y = anchor.y
        case .bottom: y = anchor.y - metrics.descent
        }
        return PagePoint(x: x, y: y)
    }

    /// Draws marked-up text anchored at `anchor`, optionally rotated about the anchor (radians, counter-clockwise).
    func draw(_ text: RichText, size: Double, color: Color, at anchor: PagePoint,
              horizontal: HorizontalAlignment = .left, vertical: VerticalAlignment = .baseline,
              rotation: Double = 0) {
        guard !text.isEmpty else { return }
        let width = width(of: text, size: size)
        let metrics = fontMetrics(size: size)
        let raised = text.runs.contains { $0.position == .superscript } ? size * 0.25 : 0
        save()
        cairo_translate(context, anchor.x, anchor.y)
        if rotation != 0 { cairo_rotate(context, -rotation) }
        let origin = textOrigin(width: width, metrics: metrics, raised: raised, anchor: PagePoint(x: 0, y: 0),
                                horizontal: horizontal, vertical: vertical)
        setColor(color)
        let layout = runPositions(text, size: size)
        for (index, run) in text.runs.enumerated() {
            var x = origin.x + layout.starts[index]
            let (scale, unstackedRise) = RichText.metrics(of: run.position)
            let rise = unstackedRise + (layout.stacked[index] ? (run.position == .superscript ? 0.06 : -0.06) : 0)
            // Measure first: making a scaled font resets the context's font state.
            let segments = fontSegments(run.text, math: run.isMath).map { segment in
                (segment: segment, advance: advance(ofSegment: segment.text, size: size * scale, font: segment.font))
            }
            for (segment, advance) in segments {
                useFontSize(size * scale)
                useFont(segment.font)
                cairo_move_to(context, x, origin.y - rise * size)
                cairo_show_text(context, segment.text)
                x += advance
            }
            useFont(.main)
        }
        restore()
        // cairo_restore resets the font, so the caches must forget it.
        currentFontSize = -1
        currentFont = .main
    }
}
