import Foundation
import Report
@_implementationOnly import SwiftParser
@_implementationOnly import SwiftSyntax

/// The digest of an experiment's code as its cached stages see it: every token of every source file, except
/// comments, whitespace and the text of string literals that no stage can reach.
///
/// Why: a one-word edit of a handout's Swift prose must not retrain its networks, yet any edit that could
/// change a stage's result must. Editing a comment, the layout, or the words of a sentence changes no token
/// here; changing a number, a name, an operator or an interpolated expression (`\(epochs)`) does, anywhere in
/// the experiment. String text is kept wherever a stage might read it:
///
/// - inside every `….measure(…) { … }` call (the stage itself);
/// - in every declaration a kept region names, transitively: functions, properties, types (with all their
///   members and extensions, except the `Experiment` type itself, whose members are followed one by one),
///   enum cases, and local variables in scope (names are matched by spelling, so a shared name keeps both);
/// - for a function parameter in scope, its default value and every call of that function;
/// - for a closure parameter (`$0`, `size in`), the call the closure is passed to;
/// - for a stage inside a closure or a function, that closure's call or the function's calls;
/// - for a local, static or global `var` that is named, every statement that mentions it (it may be assigned
///   there).
///
/// So `("SGD", SGD(learningRate: 0.1))` in a list a stage trains from is kept (the name ends up in the
/// result), while `Prose("…")` and a `static let introduction = "…"` that only the document reads are not.
/// What this cannot see: a stage that reaches a string through something other than a name in the
/// experiment's source (reflection, a file path the library resolves, `#line`). Parsing is swift-syntax's
/// `SwiftParser`, the compiler's own grammar, so raw strings, multi-line literals, interpolations and nested
/// comments are read exactly as swiftc reads them.
public enum ExperimentCodeDigest {
    /// The digest of `sources` (file name → text); the order of the dictionary does not matter.
    public static func digest(of sources: [String: String]) -> String {
        ContentDigest.sha256(normalizedText(of: sources))
    }

    /// The text that is digested: per file (in name order) its name, then its tokens one per line, with
    /// string text that no stage reaches replaced by `…`.
    public static func normalizedText(of sources: [String: String]) -> String {
        let files = sources.keys.sorted().map { name in (name, Parser.parse(source: sources[name]!)) }
        let index = DeclarationIndex(files: files.map(\.1))
        let kept = index.stringTokensReachableFromStages()
        var text = "experiment code v1\n"
        for (name, tree) in files {
            text += "file \(name)\n"
            for token in tree.tokens(viewMode: .sourceAccurate) {
                if case .stringSegment = token.tokenKind, !kept.contains(token.id) {
                    text += "…\n"
                } else {
                    text += token.text + "\n"
                }
            }
        }
        return text
    }
}

/// Every declaration of an experiment by name, and the search from its stages.
private final class DeclarationIndex {
    /// Member and top-level declarations, visible by name everywhere.
    var global: [String: [Syntax]] = [:]
    /// Local bindings and parameters: name → the scope they are visible in, what to keep when reached, and
    /// for a function parameter the function whose calls pass its value.
    var local: [String: [(scope: Syntax, keep: [Syntax], callsOf: String?, isVariable: Bool)]] = [:]
    /// Functions by name, for their call sites.
    var callSites: [String: [Syntax]] = [:]
    /// `….measure(…)` calls.
    var stages: [Syntax] = []
    /// Static and global variables (their assignments anywhere matter; a local one's only in its scope).
    var globalVariableNames: Set<String> = []
    /// Every reference to a name, for the statements that may assign a `var`.
    var references: [String: [Syntax]] = [:]

    init(files: [SourceFileSyntax]) {
        let collector = Collector(index: self)
        for file in files { collector.walk(Syntax(file)) }
        collector.finish()
    }

    /// The string-segment tokens inside every region the stages can reach.
    func stringTokensReachableFromStages() -> Set<SyntaxIdentifier> {
        var visited: Set<SyntaxIdentifier> = []
        var queue: [Syntax] = []
        func mark(_ node: Syntax) {
            if visited.insert(node.id).inserted { queue.append(node) }
        }
        for stage in stages {
            mark(stage)
            // A stage inside a closure or a function sees what that closure or function is given.
            var ancestor = stage.parent
            while let node = ancestor {
                if node.is(ClosureExprSyntax.self), let call = Self.call(passing: node) { mark(call) }
                if let function = node.as(FunctionDeclSyntax.self) {
                    callSites[function.name.text, default: []].forEach(mark)
                }
                ancestor = node.parent
            }
        }
        var kept: Set<SyntaxIdentifier> = []
        while let node = queue.popLast() {
            for token in node.tokens(viewMode: .sourceAccurate) {
                switch token.tokenKind {
                case .stringSegment:
                    kept.insert(token.id)
                case .identifier(let name), .binaryOperator(let name), .prefixOperator(let name), .postfixOperator(let name):
                    global[name]?.forEach(mark)
                    for binding in local[name] ?? [] where Self.isAncestor(binding.scope, of: Syntax(token)) {
                        binding.keep.forEach(mark)
                        if let function = binding.callsOf { callSites[function]?.forEach(mark) }
                        if binding.isVariable {
                            references[name]?.filter { Self.isAncestor(binding.scope, of: $0) }
                                .compactMap(Self.statement(containing:)).forEach(mark)
                        }
                    }
                    if globalVariableNames.contains(name) {
                        references[name]?.compactMap(Self.statement(containing:)).forEach(mark)
                    }
                case .dollarIdentifier:
                    var ancestor = token.parent
                    while let current = ancestor, !current.is(ClosureExprSyntax.self) { ancestor = current.parent }
                    if let closure = ancestor, let call = Self.call(passing: closure) { mark(call) }
                default:
                    break
                }
            }
        }
        return kept
    }

    static func isAncestor(_ scope: Syntax, of node: Syntax) -> Bool {
        var current: Syntax? = node
        while let candidate = current {
            if candidate.id == scope.id { return true }
            current = candidate.parent
        }
        return false
    }

    /// The call a closure is an argument (or trailing closure) of, or the closure itself when it stands alone.
    static func call(passing closure: Syntax) -> Syntax? {
        var current = closure.parent
        while let node = current {
            if node.is(FunctionCallExprSyntax.self) || node.is(MacroExpansionExprSyntax.self) { return node }
            if node.is(CodeBlockItemSyntax.self) || node.is(MemberBlockItemSyntax.self) { return node }
            current = node.parent
        }
        return closure
    }

    /// The innermost statement or member around `node`.
    static func statement(containing node: Syntax) -> Syntax? {
        var current = node.parent
        while let candidate = current {
            if candidate.is(CodeBlockItemSyntax.self) || candidate.is(MemberBlockItemSyntax.self) { return candidate }
            current = candidate.parent
        }
        return nil
    }
}

/// Fills a ``DeclarationIndex`` in one pass over each file.
private final class Collector: SyntaxVisitor {
    let index: DeclarationIndex
    /// Names of types that conform to `Experiment`: their members are followed one by one, not all at once.
    var experimentTypes: Set<String> = []
    /// Type bodies and extensions by type name, added to `global` at the end (minus experiment types).
    var typeParts: [String: [Syntax]] = [:]

    init(index: DeclarationIndex) {
        self.index = index
        super.init(viewMode: .sourceAccurate)
    }

    /// Adds whole types to the index, once every file is read (an extension may come before its type).
    func finish() {
        for (name, parts) in typeParts where !experimentTypes.contains(name) {
            index.global[name, default: []] += parts
        }
    }

    /// Whether `node` sits in a function, closure or accessor body (a local declaration).
    private func isLocal(_ node: some SyntaxProtocol) -> Bool {
        var current = node.parent
        while let candidate = current {
            if candidate.is(MemberBlockSyntax.self) || candidate.is(SourceFileSyntax.self) { return false }
            if candidate.is(CodeBlockSyntax.self) || candidate.is(ClosureExprSyntax.self) || candidate.is(AccessorBlockSyntax.self) {
                return true
            }
            current = candidate.parent
        }
        return false
    }

    private func scope(of node: some SyntaxProtocol) -> Syntax {
        var current = node.parent
        while let candidate = current {
            if candidate.is(CodeBlockSyntax.self) || candidate.is(ClosureExprSyntax.self) || candidate.is(AccessorBlockSyntax.self) {
                return candidate
            }
            current = candidate.parent
        }
        return Syntax(node)
    }

    private func declare(_ name: String, _ node: some SyntaxProtocol, isVariable: Bool = false) {
        if isLocal(node) {
            index.local[name, default: []].append((scope(of: node), [Syntax(node)], nil, isVariable))
        } else {
            index.global[name, default: []].append(Syntax(node))
            if isVariable { index.globalVariableNames.insert(name) }
        }
    }

    private func declareType(_ name: String, _ node: some SyntaxProtocol, inheritance: InheritanceClauseSyntax?) {
        if inheritance?.inheritedTypes.contains(where: { $0.type.trimmedDescription == "Experiment" }) == true {
            experimentTypes.insert(name)
            // The header (conformances, attributes) is still code the stages run under.
            index.global[name, default: []].append(Syntax(inheritance!))
        }
        typeParts[name, default: []].append(Syntax(node))
    }

    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind {
        declareType(node.name.text, node, inheritance: node.inheritanceClause)
        return .visitChildren
    }

    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind {
        declareType(node.name.text, node, inheritance: node.inheritanceClause)
        return .visitChildren
    }

    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind {
        declareType(node.name.text, node, inheritance: node.inheritanceClause)
        return .visitChildren
    }

    override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind {
        declareType(node.name.text, node, inheritance: node.inheritanceClause)
        return .visitChildren
    }

    override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind {
        declareType(node.name.text, node, inheritance: node.inheritanceClause)
        return .visitChildren
    }

    override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
        let name = node.extendedType.trimmedDescription.split(separator: ".").last.map(String.init) ?? ""
        declareType(name, node, inheritance: node.inheritanceClause)
        return .visitChildren
    }

    override func visit(_ node: TypeAliasDeclSyntax) -> SyntaxVisitorContinueKind {
        declare(node.name.text, node)
        return .visitChildren
    }

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        declare(node.name.text, node)
        return .visitChildren
    }

    override func visit(_ node: EnumCaseElementSyntax) -> SyntaxVisitorContinueKind {
        index.global[node.name.text, default: []].append(Syntax(node))
        return .visitChildren
    }

    override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
        // An instance property is changed through the variable that holds its value, which this rule covers;
        // local, static and global variables can be assigned anywhere they are visible.
        let isInstanceProperty = !isLocal(node) && node.parent?.is(MemberBlockItemSyntax.self) == true
            && !node.modifiers.contains { $0.name.tokenKind == .keyword(.static) || $0.name.tokenKind == .keyword(.class) }
        let isVariable = node.bindingSpecifier.tokenKind == .keyword(.var) && !isInstanceProperty
        for binding in node.bindings {
            for pattern in binding.pattern.tokens(viewMode: .sourceAccurate) {
                guard case .identifier(let name) = pattern.tokenKind else { continue }
                // A `let` declared without a value is assigned later, like a `var`.
                declare(name, node, isVariable: isVariable
                        || !isInstanceProperty && binding.initializer == nil && binding.accessorBlock == nil)
            }
        }
        return .visitChildren
    }

    override func visit(_ node: FunctionParameterSyntax) -> SyntaxVisitorContinueKind {
        let name = (node.secondName ?? node.firstName).text
        // A parameter's value comes from its default and from every call of its function.
        var function: Syntax? = node.parent
        while let candidate = function, !candidate.is(FunctionDeclSyntax.self), !candidate.is(InitializerDeclSyntax.self),
              !candidate.is(SubscriptDeclSyntax.self) {
            function = candidate.parent
        }
        guard let function else { return .visitChildren }
        var keep: [Syntax] = node.defaultValue.map { [Syntax($0)] } ?? []
        let declaration = function.as(FunctionDeclSyntax.self)
        if declaration == nil {
            // An initialiser's or subscript's calls are spelled with the type's name: keep the whole type.
            keep.append(function)
        }
        index.local[name, default: []].append((function, keep, declaration?.name.text, false))
        return .visitChildren
    }

    override func visit(_ node: ClosureShorthandParameterSyntax) -> SyntaxVisitorContinueKind {
        closureParameter(node.name.text, node)
        return .visitChildren
    }

    override func visit(_ node: ClosureParameterSyntax) -> SyntaxVisitorContinueKind {
        closureParameter((node.secondName ?? node.firstName).text, node)
        return .visitChildren
    }

    private func closureParameter(_ name: String, _ node: some SyntaxProtocol) {
        var closure: Syntax? = node.parent
        while let candidate = closure, !candidate.is(ClosureExprSyntax.self) { closure = candidate.parent }
        guard let closure else { return }
        index.local[name, default: []].append((closure, [DeclarationIndex.call(passing: closure) ?? closure], nil, false))
    }

    override func visit(_ node: ForStmtSyntax) -> SyntaxVisitorContinueKind {
        // The loop variable is whatever the sequence yields.
        for token in node.pattern.tokens(viewMode: .sourceAccurate) {
            if case .identifier(let name) = token.tokenKind {
                index.local[name, default: []].append((Syntax(node), [Syntax(node.sequence)] + (node.whereClause.map { [Syntax($0)] } ?? []), nil, false))
            }
        }
        return .visitChildren
    }

    override func visit(_ node: OptionalBindingConditionSyntax) -> SyntaxVisitorContinueKind {
        for token in node.pattern.tokens(viewMode: .sourceAccurate) {
            if case .identifier(let name) = token.tokenKind {
                index.local[name, default: []].append((scope(of: node), [Syntax(node)], nil, false))
            }
        }
        return .visitChildren
    }

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        if let member = node.calledExpression.as(MemberAccessExprSyntax.self), member.declName.baseName.text == "measure" {
            index.stages.append(Syntax(node))
        }
        let callee = node.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text
            ?? node.calledExpression.as(MemberAccessExprSyntax.self)?.declName.baseName.text
        if let callee { index.callSites[callee, default: []].append(Syntax(node)) }
        return .visitChildren
    }

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        index.references[node.baseName.text, default: []].append(Syntax(node))
        return .visitChildren
    }
}

extension ExperimentCodeDigest {
    /// The digest of `experiment`'s sources, remembered under their raw digest (parsing is the slow part).
    public static func digest(of experiment: ExperimentEntry, cacheDirectory: URL) throws -> String {
        var sources: [String: String] = [:]
        for file in experiment.sourceFiles {
            sources[file.lastPathComponent] = try String(contentsOf: file, encoding: .utf8)
        }
        let raw = ContentDigest.sha256(sources.keys.sorted().map { "\($0)\u{1F}\(sources[$0]!)" }.joined(separator: "\u{1E}"))
        let memo = cacheDirectory.appendingPathComponent("code/\(raw)")
        if let known = try? String(contentsOf: memo, encoding: .utf8), known.count == 64 {
            return known
        }
        let value = digest(of: sources)
        try? AtomicFile.write(Data(value.utf8), to: memo)
        return value
    }
}
