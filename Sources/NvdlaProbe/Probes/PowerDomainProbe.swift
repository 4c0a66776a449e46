/// The generic power domain of each DLA from `/sys/kernel/debug/pm_genpd/pm_genpd_summary`, when present.
///
/// BPMP names the domains on Tegra, so a DLA's domain is found by the device line that ends in its platform
/// device name (`…/15880000.nvdla0`), not by a domain name (Docs/platform.md §9.3 [GUESS] for the names).
public struct PowerDomainProbe: Probe {
    public var area: Area { .power }

    public init() {}

    static let summaryPath = "/sys/kernel/debug/pm_genpd/pm_genpd_summary"

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let dlas = (facts.instances["dla"] ?? []).filter { facts.bool("dla.\($0).sysfs.present") == true }
        guard !dlas.isEmpty else { return }
        let summary = context.root.readText(Self.summaryPath).map(GenpdSummary.parse)
        for index in dlas {
            let key = "dla.\(index).genpd"
            let device = facts.string("dla.\(index).sysfs.path")?.split(separator: "/").last.map(String.init) ?? ""
            let domain = summary.parse("no domain lists \(device)") { $0.domain(containingDevice: "/" + device) }
            facts.set("\(key).domain", from: domain, source: Self.summaryPath) { .string($0.name) }
            facts.set("\(key).status", from: domain, source: Self.summaryPath, raw: { $0.name }) { .string($0.status) }
        }
    }
}
