/// One row of a legend: a sample symbol and its label.
struct LegendEntry {
    enum Symbol {
        case line(color: Color, width: Double, style: LineStyle, marker: Marker, markerSize: Double)
        case marker(Marker, color: Color, size: Double, edge: Color?)
        /// A line sample ending in a black-edged marker, as an optimizer path ends.
        case lineWithEndMarker(color: Color, width: Double, style: LineStyle, marker: Marker)
        case patch(color: Color, edge: Color?)
    }

    var label: String
    var symbol: Symbol
}
