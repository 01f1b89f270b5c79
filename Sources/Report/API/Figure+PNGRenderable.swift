import Plotting

/// A plotting figure goes straight into a ``FigureBlock``: `FigureBlock(name:caption:figure)`.
extension Figure: PNGRenderable {}
