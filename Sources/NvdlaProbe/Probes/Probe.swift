/// What a probe reads from: the root and its device tree.
public struct ProbeContext: Sendable {
    public let root: SystemRoot
    public let deviceTree: DeviceTree
    /// The kernel-log signals of the rule set, counted by `KernelLogProbe`.
    public let signals: [LogSignal]

    /// `signals` defaults to the shipped ones (`Rules/*.yaml` compiled in).
    public init(root: SystemRoot, signals: [LogSignal]? = nil) {
        self.root = root
        self.deviceTree = DeviceTree(root: root)
        self.signals = signals ?? ProbeContext.shippedSignals
    }

    /// The signals of the shipped rule files (decoded at build time).
    public static let shippedSignals: [LogSignal] = EmbeddedFiles.compiledSignals
}

/// Collects the facts of one area from a root. A probe never throws over hardware state and never writes.
public protocol Probe: Sendable {
    /// The area this probe fills (Docs/architecture.md, "Where each area lives").
    var area: Area { get }
    /// Reads what it needs through `context.root` and records facts; may read facts of earlier probes.
    func collect(_ context: ProbeContext, into facts: inout FactTable)
}

/// The probes of a `check`, in the order they run: later probes read earlier probes' facts.
public enum ProbeSuite {
    public static let all: [any Probe] = [
        PlatformProbe(),
        VersionsProbe(),
        DeviceTreeProbe(),
        KernelLogProbe(),
        PlatformDeviceProbe(),
        ModuleProbe(),
        ContainerProbe(),
        DevnodesProbe(),
        UdevProbe(),
        MemoryProbe(),
        SmmuProbe(),
        ClocksProbe(),
        PowerDomainProbe(),
        FirmwareProbe(),
    ]

    /// Runs every probe against `root`.
    public static func collect(_ root: SystemRoot, signals: [LogSignal]? = nil) -> FactTable {
        let context = ProbeContext(root: root, signals: signals)
        var facts = FactTable()
        for probe in all { probe.collect(context, into: &facts) }
        markProcAbsence(root, into: &facts)
        return facts
    }

    /// A root without `/proc` (procfs not mounted, a snapshot that did not keep it) cannot say which modules are
    /// loaded, how much CMA is free or which kernel arguments were given: every fact read there that came out
    /// `missing` becomes `unreadable (unsupported)`, so the rules reading them are inconclusive (not passed, not
    /// fired on a guessed "absent"), and `root.proc.present` says why.
    static func markProcAbsence(_ root: SystemRoot, into facts: inout FactTable) {
        let present = root.exists("/proc")
        guard let present else { return }
        facts.set("root.proc.present", .bool(present), source: "/proc")
        guard !present else { return }
        for key in facts.states.keys {
            guard case .missing(let source)? = facts[key], source.hasPrefix("/proc/") else { continue }
            facts.set(key, state: .unreadable(.unsupported, source: source))
        }
    }
}
