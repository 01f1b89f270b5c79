internal import CCairo

extension Canvas {
    /// Whether the canvas draws into a vector document (SVG, PDF or PostScript) rather than into pixels, so
    /// that an artist can prefer exact paths to a raster it would draw on an image surface.
    var drawsVectors: Bool {
        let type = cairo_surface_get_type(cairo_get_target(context))
        return type == CAIRO_SURFACE_TYPE_SVG || type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_PS
    }

    /// Fills the current path by the even–odd rule (a point is inside when a ray from it crosses the path an
    /// odd number of times), so that loops inside loops are holes whatever their direction.
    func fillEvenOdd() {
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_EVEN_ODD)
        cairo_fill(context)
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_WINDING)
    }

    /// Starts drawing into a transparency group, composited as a whole by ``endGroup(opacity:)``: shapes
    /// painted over each other inside it then fade together instead of showing through one another.
    func beginGroup() { cairo_push_group(context) }

    /// Ends the group ``beginGroup()`` started and paints it with the given opacity.
    func endGroup(opacity: Double) {
        cairo_pop_group_to_source(context)
        cairo_paint_with_alpha(context, opacity)
    }

    /// Fills `rect` with a linear gradient through `colors`, equally spaced from the bottom edge (the first
    /// colour) to the top edge (the last), interpolated linearly in sRGB as ``Colormap/color(at:)`` does.
    func fillVerticalGradient(_ rect: PageRect, colors: [Color]) {
        guard let pattern = cairo_pattern_create_linear(rect.x, rect.maxY, rect.x, rect.minY) else { return }
        defer { cairo_pattern_destroy(pattern) }
        for (index, color) in colors.enumerated() {
            let offset = colors.count > 1 ? Double(index) / Double(colors.count - 1) : 0
            cairo_pattern_add_color_stop_rgba(pattern, offset, color.red, color.green, color.blue, color.alpha)
        }
        newPath()
        rectangle(rect)
        cairo_set_source(context, pattern)
        fill()
    }
}
