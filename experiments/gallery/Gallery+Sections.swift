import ReportKit

extension Gallery {
    static func activationSection() -> Section {
        Section("Functions and their derivatives") {
            Prose("""
                Backpropagation multiplies by the activation's derivative in every layer, so its shape matters as \
                much as the function's: $\\sigma'(x) = \\sigma(x)(1-\\sigma(x)) \\le \\tfrac14$ and \
                $\\tanh'(x) = 1 - \\tanh^2 x \\le 1$ fade for large $|x|$, while ReLU passes 1 for every positive \
                input and the leaky ReLU keeps a slope of \(leakySlope) below zero (@fig:activations).
                """)
            FigureBlock(name: "activations",
                        caption: "Four activations (top) and their derivatives (bottom), as the training engine computes them.",
                        activationFigure())
            Prose("""
                Drawn on one axis, function and derivative show where learning is fast: tanh's derivative peaks at \
                1, four times the sigmoid's ¼, which is one reason tanh trains faster as a hidden unit \
                (@fig:overlaid).
                """)
            FigureBlock(name: "overlaid", caption: "The sigmoid and tanh with their derivatives on shared axes.",
                        overlaidFigure())
            Prose("""
                In $\\sigma(wx + b)$ the weight sets the steepness (slope $w/4$ at the centre) and the bias moves the \
                centre to $x = -b/w$; a steep sigmoid approaches a step, which is how a network builds sharp \
                boundaries from smooth units (@fig:sigmoid-family, notes 004).
                """)
            FigureBlock(name: "sigmoid-family", caption: "The sigmoid for several $(w, b)$; the dashed line marks $\\sigma = \\tfrac12$.",
                        sigmoidFamilyFigure())
        }
    }

    static func trajectorySection(_ paths: OptimizerPaths) -> Section {
        Section("Optimizer paths over contours") {
            Prose(rosenbrockSentence(paths.rosenbrock))
            FigureBlock(name: "rosenbrock-paths",
                        caption: "\(OptimizerPaths.rosenbrockSteps) steps of five optimizers from \(pointText(OptimizerPaths.rosenbrockStart)); circles mark starts, a shape per optimizer its end (see the legend), ★ the minimum.",
                        rosenbrockFigure(paths.rosenbrock))
            Prose(quadraticSentence(paths.quadratic))
            FigureBlock(name: "quadratic-paths",
                        caption: "\(OptimizerPaths.quadraticSteps) steps on $\\tfrac12(x^2 + 20y^2)$ over filled contours.",
                        quadraticFigure(paths.quadratic))
            Prose(himmelblauSentence(paths.himmelblau))
            FigureBlock(name: "himmelblau-panels",
                        caption: "\(OptimizerPaths.himmelblauSteps) steps of six optimizers on Himmelblau's function, one panel each, from \(pointText(OptimizerPaths.himmelblauStart)).",
                        himmelblauFigure(paths.himmelblau))
            Prose(saddleSentence(paths.saddle))
            FigureBlock(name: "saddle-paths",
                        caption: "\(OptimizerPaths.saddleSteps) steps on $x^2 - y^2$ from \(pointText(OptimizerPaths.saddleStart)); ★ marks the saddle point.",
                        saddleFigure(paths.saddle))
            Snippet("optimizer-paths", file: "OptimizerPaths.swift", caption: "Starts, step counts and step sizes")
        }
    }

    static func surfaceSection(neuron: NeuronDescent, paths: OptimizerPaths) -> Section {
        let last = neuron.path.last ?? SIMD2(.nan, .nan)
        let startLoss = neuron.loss(weight: neuron.path[0].x, bias: neuron.path[0].y)
        let endLoss = neuron.loss(weight: last.x, bias: last.y)
        let momentum = paths.himmelblau[1]
        return Section("Loss surfaces in 3-D") {
            Prose("""
                One sigmoid neuron $\\hat y = \\sigma(wx + b)$ fitted to 40 noisy samples of \
                $\\sigma(\(neuronTrueWeight)x \(neuronTrueBias))$ has a loss surface with a flat plateau where the \
                sigmoid saturates; full-batch gradient descent with step \(neuronLearningRate) crawls across it and \
                then drops into the valley, from MSE \(numbers.text(startLoss, .fixed(3))) at \
                $(w, b) = (\(neuronStart.weight), \(neuronStart.bias))$ to \(numbers.text(endLoss, .fixed(4))) at \
                $\(numbers.math(last, .fixed(2)))$ after \(neuronSteps) steps \
                (@fig:neuron-surface).
                """)
            FigureBlock(name: "neuron-surface",
                        caption: "Mean squared error of one neuron over $(w, b)$, with the gradient-descent path (circle: start, star: end).",
                        neuronSurfaceFigure(neuron))
            Prose("""
                The same function in 3-D shows the valleys as basins: Momentum's path from @fig:himmelblau-panels \
                comes down from near the central peak, runs past the bottom of its basin, climbs the far wall and \
                loops back to $\(numbers.math(momentum.points.last!, .fixed(2)))$ \
                (@fig:himmelblau-surface).
                """)
            FigureBlock(name: "himmelblau-surface",
                        caption: "Himmelblau's function in 3-D with Momentum's \(OptimizerPaths.himmelblauSteps) steps from \(pointText(OptimizerPaths.himmelblauStart)).",
                        himmelblauSurfaceFigure(momentum))
        }
    }

    static func classifierSection(_ runs: ClassifierRuns) -> Section {
        Section("Decision boundaries: under- and over-fitting") {
            Prose(classifierSentence(runs))
            FigureBlock(name: "decision-boundaries",
                        caption: "P(class 1) of each network after \(classifierEpochs) epochs of Adam, with the training points; the black line is P = 0.5.",
                        decisionBoundaryFigure(runs))
            FigureBlock(name: "accuracy-bars",
                        caption: "Accuracy on the \(runs.training.count) training and \(runs.validation.count) validation points; the dashed line is chance.",
                        accuracyBarFigure(runs))
            Table(name: "classifiers", caption: "The three classifiers after training.", rows: runs.fits, columns: [
                TableColumn("network") { $0.name },
                TableColumn("parameters") { $0.parameterCount },
                TableColumn("training loss", format: .fixed(3)) { $0.trainingLoss },
                TableColumn("validation loss", format: .fixed(3)) { $0.validationLoss },
                TableColumn("training accuracy", format: .percent(0)) { $0.trainingAccuracy },
                TableColumn("validation accuracy", format: .percent(0)) { $0.validationAccuracy },
            ])
        }
    }

    static func gradientSection(_ runs: GradientRuns) -> Section {
        let limits = gradientLimits(runs)
        return Section("Vanishing gradients") {
            Prose(gradientSentence(runs))
            FigureBlock(name: "gradients-sigmoid",
                        caption: "Gradient norm of each weight matrix per epoch, \(deepSizes.map(String.init).joined(separator: "-")) with sigmoid units; layer 1 is next to the input.",
                        gradientFigure(runs.sigmoid, activation: "sigmoid", yLimits: limits))
            FigureBlock(name: "gradients-relu", caption: "The same network, data and seed with ReLU units; same y range.",
                        gradientFigure(runs.relu, activation: "ReLU", yLimits: limits))
        }
    }

    static func diagramSection() -> Section {
        Section("Network diagrams") {
            Prose("""
                A diagram says what a layer-size list like 3-2-2-1 means: every neuron of one layer feeds every \
                neuron of the next, so a layer of $m$ after a layer of $n$ holds an $m \\times n$ weight matrix \
                (@fig:network-222, @fig:network-3221); wide layers are drawn with their middle elided \
                (@fig:network-wide).
                """)
            FigureBlock(name: "network-222", caption: "The 2-2-2 sigmoid network of the worked example in notes 002.",
                        twoTwoTwoDiagram())
            FigureBlock(name: "network-3221", caption: "The 3-2-2-1 ReLU network that predicts a house price in notes 003.",
                        houseDiagram())
            FigureBlock(name: "network-wide", caption: "The over-fitting classifier above; ⋮ stands for the neurons not drawn.",
                        wideDiagram())
        }
    }

    static func curveSection(seeds: SeedRuns, sweep: Sweep, sine: SineFit) -> Section {
        Section("Loss curves, heat maps and scatter plots") {
            Prose(seedSentence(seeds))
            FigureBlock(name: "seed-curves",
                        caption: "Validation loss over \(seedCount) seeds: mean as a line, ± one standard deviation as a band (log scale).",
                        seedCurveFigure(seeds))
            Prose(sweepSentence(sweep))
            FigureBlock(name: "learning-rate-sweep",
                        caption: "Validation loss of \(curveSizes.map(String.init).joined(separator: "-")) after \(sweepEpochs) epochs of SGD for each learning rate and batch size (colour on a log scale).",
                        sweepFigure(sweep))
            Prose("""
                A network is a function fitted to samples: the tanh network follows the sine through \
                \(sineSampleCount) samples with noise of standard deviation \(sineNoise), ending at training MSE \
                \(numbers.text(sine.trainingLoss, .fixed(4))) against a noise variance of \
                \(numbers.text(sineNoise * sineNoise, .fixed(2))); a fit far below that would be fitting the noise \
                (@fig:sine-fit).
                """)
            FigureBlock(name: "sine-fit", caption: "Samples (points), the true sine (dashed) and the network's fit (solid).",
                        sineFigure(sine))
        }
    }
}
