/// CMA sizing and fragmentation: `/proc/meminfo`, `/proc/cmdline`, the DT `reserved-memory/linux,cma` node,
/// `/sys/kernel/debug/cma/<area>/{count,order_per_bit,maxchunk,bitmap}` and `/proc/buddyinfo`.
///
/// The DLA allocates its task and buffer memory through the DMA API from CMA; a CMA pool that is small,
/// nearly used up or fragmented makes large contiguous allocations fail (Docs/platform.md §5).
public struct MemoryProbe: Probe {
    public var area: Area { .memory }

    public init() {}

    static let meminfo = "/proc/meminfo"
    static let cmdline = "/proc/cmdline"
    static let buddyinfo = "/proc/buddyinfo"
    static let cmaNode = "/reserved-memory/linux,cma"
    static let cmaDebugfs = "/sys/kernel/debug/cma"
    static let mib: Int64 = 1 << 20

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let root = context.root
        collectMeminfo(root, into: &facts)
        collectCmdline(root, into: &facts)
        collectDeviceTree(context.deviceTree, into: &facts)
        collectRequested(into: &facts)
        collectStock(into: &facts)
        collectDebugfs(root, into: &facts)
        collectBuddyinfo(root, into: &facts)
    }

    /// `CmaTotal` / `CmaFree` of `/proc/meminfo` in bytes, and the free share in percent.
    func collectMeminfo(_ root: SystemRoot, into facts: inout FactTable) {
        let parsed = root.readText(Self.meminfo, cap: SystemRoot.attributeCap).map(ProcMeminfo.parse)
        for (key, name) in [("memory.cma.total_bytes", "CmaTotal"), ("memory.cma.free_bytes", "CmaFree")] {
            facts.set(key, from: parsed, source: Self.meminfo, raw: { $0[name].map { "\(name): \($0 / 1024) kB" } }) {
                $0[name].map { .int($0) }
            }
        }
        if let meminfo = parsed.value, let total = meminfo["CmaTotal"], let free = meminfo["CmaFree"], total > 0 {
            facts.set(
                "memory.cma.free_pct", .int(free * 100 / total), source: Self.meminfo,
                raw: "CmaFree \(free / 1024) kB of CmaTotal \(total / 1024) kB")
        } else {
            facts.set("memory.cma.free_pct", from: parsed, source: Self.meminfo) { _ in nil }
        }
    }

    /// `cma=` on the kernel command line (it overrides the device tree's `linux,cma` size).
    func collectCmdline(_ root: SystemRoot, into facts: inout FactTable) {
        let parsed = root.readText(Self.cmdline, cap: SystemRoot.attributeCap).map(ProcCmdline.parse)
        guard let cmdline = parsed.value else {
            facts.set("memory.cma.cmdline_bytes", from: parsed, source: Self.cmdline) { _ in nil }
            return
        }
        guard let raw = cmdline.cmaRaw else {
            facts.set("memory.cma.cmdline_bytes", state: .missing(source: Self.cmdline))
            return
        }
        if let bytes = cmdline.cmaBytes {
            facts.set("memory.cma.cmdline_bytes", .int(bytes), source: Self.cmdline, raw: "cma=\(raw)")
        } else {
            facts.set("memory.cma.cmdline_bytes", state: .malformed(source: Self.cmdline, detail: "cma=\(raw)"))
        }
    }

    /// The DT `reserved-memory/linux,cma` node: `size` (two cells, bytes) and `status`.
    func collectDeviceTree(_ dt: DeviceTree, into facts: inout FactTable) {
        let node = dt.path(Self.cmaNode)
        let size = dt.property(Self.cmaNode, "size")
        facts.set(
            "memory.cma.dt_bytes", from: size, source: node + "/size",
            raw: { bytes in
                DeviceTreeProperty.u64(bytes).map { "0x" + String($0, radix: 16) }
            }
        ) { bytes in
            DeviceTreeProperty.u64(bytes).flatMap { Int64(exactly: $0) }.map { .int($0) }
        }
        let status = dt.string(Self.cmaNode, "status")
        switch status {
        case .missing where size.value != nil:
            facts.set("memory.cma.dt_status", .string("okay"), source: node + "/status", raw: "(absent: okay)")
        default:
            facts.set("memory.cma.dt_status", from: status, source: node + "/status") { .string($0) }
        }
    }

    /// The CMA size this boot asked for: `cma=` on the command line when present (it bypasses the device tree),
    /// else the size of the device tree's `linux,cma` node when that node is okay. Unknown otherwise (Xavier has no
    /// node; the size then comes from the kernel configuration). CmaTotal below it means the reservation failed
    /// (Docs/platform.md §5.1).
    func collectRequested(into facts: inout FactTable) {
        if let bytes = facts.int("memory.cma.cmdline_bytes") {
            let source = facts["memory.cma.cmdline_bytes"]?.source ?? Self.cmdline
            facts.set("memory.cma.requested_bytes", .int(bytes), source: source, raw: "cma= on the kernel command line")
            facts.set("memory.cma.requested_by", .string("cma= on the kernel command line"), source: source)
            return
        }
        if case .malformed? = facts["memory.cma.cmdline_bytes"], let state = facts["memory.cma.cmdline_bytes"] {
            facts.set("memory.cma.requested_bytes", state: state)
            return
        }
        let dtSource = facts["memory.cma.dt_bytes"]?.source ?? DeviceTree.base + Self.cmaNode + "/size"
        if let bytes = facts.int("memory.cma.dt_bytes"), facts.string("memory.cma.dt_status") == "okay" {
            facts.set(
                "memory.cma.requested_bytes", .int(bytes), source: dtSource, raw: "device tree linux,cma, no cma=")
            facts.set("memory.cma.requested_by", .string("the device tree's linux,cma node"), source: dtSource)
        } else {
            facts.set("memory.cma.requested_bytes", state: .missing(source: dtSource))
        }
    }

    /// The CMA size stock L4T gives this module: 512 MiB on AGX Orin 64GB / Industrial (p3701-0005/0008: a per-SKU
    /// DTB on R36, an overlay on R35), 256 MiB on other Orin modules, 64 MiB (kernel configuration, no `linux,cma`
    /// node) on Xavier (Docs/platform.md §5.1). Below it, the DTB or command line was customised.
    func collectStock(into facts: inout FactTable) {
        let module = facts.string("platform.module")
        let soc = facts.string("platform.soc")
        let source = facts["platform.module"]?.source ?? DeviceTree.base + "/chosen/ids"
        var stock: Int64?
        if let module, module == "p3701-0005" || module == "p3701-0008" {
            stock = 512 * Self.mib
        } else if let module, module.hasPrefix("p3701-") || module.hasPrefix("p3767-") {
            stock = 256 * Self.mib
        } else if soc == "tegra194" {
            stock = 64 * Self.mib
        }
        if let stock {
            facts.set("memory.cma.stock_bytes", .int(stock), source: source, raw: module ?? soc)
        } else {
            facts.set("memory.cma.stock_bytes", state: .missing(source: source))
        }
    }

    /// debugfs CMA areas (`cma-<name>` on 5.10/5.15, bare `<name>` on ≥ 6.1): largest free run and fragmentation.
    func collectDebugfs(_ root: SystemRoot, into facts: inout FactTable) {
        let present = DebugFS.has("cma", in: DebugFS.entries(root))
        facts.set("memory.cma.debugfs_present", from: present, source: Self.cmaDebugfs) { .bool($0) }
        guard present.value == true else { return }
        let areas = root.directories(Self.cmaDebugfs)
        guard let names = areas.value, let area = Self.pickArea(names) else {
            facts.set("memory.cma.area", from: areas, source: Self.cmaDebugfs) { _ in nil }
            return
        }
        let dir = Self.cmaDebugfs + "/" + area
        facts.set("memory.cma.area", .string(area), source: dir)
        let count = root.readAttribute(dir + "/count").parse("not a number", CmaCounter.parse)
        let order = root.readAttribute(dir + "/order_per_bit").parse("not a number", CmaCounter.parse)
        let bitmapPath = dir + "/bitmap"
        guard let pages = count.value, let orderPerBit = order.value else {
            let failed: ReadResult<UInt64> = count.value == nil ? count : order
            facts.set("memory.cma.largest_free_bytes", from: failed, source: dir + "/count") { _ in nil }
            facts.set("memory.cma.fragmentation_pct", from: failed, source: dir + "/count") { _ in nil }
            return
        }
        let summary = root.readBytes(bitmapPath).parse("not a debugfs u32 array") {
            CmaBitmap.parse($0.bytes, count: pages, orderPerBit: orderPerBit)
        }
        facts.set(
            "memory.cma.largest_free_bytes", from: summary, source: bitmapPath,
            raw: { bitmap in
                "\(bitmap.largestFreeRunPages) pages in \(bitmap.freeRuns) free runs, \(bitmap.freePages) pages free"
            }
        ) { .int($0.largestFreeRunBytes) }
        facts.set(
            "memory.cma.fragmentation_pct", from: summary, source: bitmapPath,
            raw: { bitmap in
                String(format: "%.4f", bitmap.fragmentation)
            }
        ) { .int(Int64(($0.fragmentation * 100).rounded())) }
        let maxchunk = root.readAttribute(dir + "/maxchunk").parse("not a number", CmaCounter.parse)
        facts.set("memory.cma.maxchunk_bytes", from: maxchunk, source: dir + "/maxchunk", raw: { "\($0) pages" }) {
            Int64(exactly: $0).map { .int(CmaBitmap.saturatingProduct($0, CmaBitmap.pageSize)) }
        }
    }

    /// The area the DMA API uses: the DT default `linux,cma`, else the cmdline/Kconfig `reserved`, else the first.
    static func pickArea(_ names: [String]) -> String? {
        func bare(_ name: String) -> String { name.hasPrefix("cma-") ? String(name.dropFirst(4)) : name }
        return names.first { bare($0) == "linux,cma" } ?? names.first { bare($0) == "reserved" } ?? names.first
    }

    /// Bytes free in blocks of order 9 and above (2 MiB and larger with 4 KiB pages), summed over zones.
    func collectBuddyinfo(_ root: SystemRoot, into facts: inout FactTable) {
        let parsed = root.readText(Self.buddyinfo, cap: SystemRoot.attributeCap).map(ProcBuddyinfo.parse)
        facts.set("memory.buddy.high_order_free_bytes", from: parsed, source: Self.buddyinfo) { info in
            guard !info.zones.isEmpty else { return nil }
            var total: Int64 = 0
            for zone in info.zones {
                for (order, blocks) in zone.freeBlocks.enumerated() where order >= 9 {
                    let (bytes, overflow) = blocks.multipliedReportingOverflow(by: CmaBitmap.pageSize << Int64(order))
                    total = overflow ? Int64.max : total.addingReportingOverflow(bytes).partialValue
                }
            }
            return .int(total)
        }
    }
}
