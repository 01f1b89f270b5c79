/// Tick positions and their labels for one axis.
struct AxisTicks {
    var major: [Double] = []
    var minor: [Double] = []
    var labels: [RichText] = []
    /// A common factor such as ×10⁻³, shown once at the end of the axis.
    var multiplier: RichText?
}
