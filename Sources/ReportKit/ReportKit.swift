// The one module an experiment imports: `import ReportKit` brings the training engine, the figures, the math
// converter, the document model and Foundation, so an experiment never needs to know how the package is split.
@_exported import Foundation
@_exported import MathML
@_exported import NeuralNetworks
@_exported import Plotting
@_exported import Report
