/// Parses `/sys/kernel/debug/pm_genpd/pm_genpd_summary`: generic power domains and their devices.
///
/// 5.10 layout: header `domain  status  children` / `    /device  runtime status`, a dashed rule, then a
/// row `<name>  <on|off-N>  [child, child]` per domain followed by indented device lines
/// `    /devices/platform/…/15880000.nvdla0   suspended`. 5.15 adds a `performance` column: the domain
/// row ends in its performance state, children move to a line indented by 48 spaces, and device lines
/// end in the device's performance state.
public struct GenpdSummary: Sendable, Equatable {
    /// A `pm_genpd_summary` device line (a device attached to a domain).
    public struct Device: Sendable, Equatable {
        /// The kobject path, e.g. `/devices/platform/bus@0/13e00000.host1x/15880000.nvdla0`.
        public let path: String
        /// Runtime PM status (`active`, `suspended`, `resuming`, `suspending`, `error`, `unsupported`).
        public let runtimeStatus: String?
        /// The device's performance state (5.15 and later).
        public let performanceState: Int?
    }

    /// One `pm_genpd_summary` power domain.
    public struct Domain: Sendable, Equatable {
        /// The domain name (BPMP-provided on Tegra).
        public let name: String
        /// The status as printed, e.g. `on` or `off-0`.
        public let status: String
        /// Whether the status starts with `on`; `nil` for other words.
        public let isOn: Bool?
        /// Child domain names.
        public let children: [String]
        /// The domain's performance state (5.15 and later).
        public let performanceState: Int?
        /// Attached devices in file order.
        public let devices: [Device]
    }

    /// Domains in file order.
    public let domains: [Domain]
    /// 1-based numbers of lines that could not be parsed (e.g. device lines before any domain).
    public let malformedLines: [Int]

    /// The `pm_genpd_summary` domain with a device whose path ends with the suffix (`15880000.nvdla0`).
    public func domain(containingDevice suffix: String) -> Domain? {
        domains.first { $0.devices.contains { $0.path.hasSuffix(suffix) } }
    }

    /// A `pm_genpd_summary` domain whose device lines are still being read.
    private struct Building {
        var name: String
        var status: String
        var children: [String]
        var performance: Int?
        var devices: [Device] = []
    }

    /// Parses `pm_genpd_summary` text; never fails.
    public static func parse(_ text: String) -> GenpdSummary {
        var domains: [Domain] = []
        var malformed: [Int] = []
        var current: Building?

        /// Appends the domain being read, if any.
        func flush() {
            guard let building = current else { return }
            let isOn: Bool? =
                building.status.hasPrefix("on") ? true : (building.status.hasPrefix("off") ? false : nil)
            domains.append(
                Domain(
                    name: building.name, status: building.status, isOn: isOn, children: building.children,
                    performanceState: building.performance, devices: building.devices))
            current = nil
        }

        for (offset, line) in ReaderLex.lines(text).enumerated() {
            let columns = ReaderLex.fields(line)
            guard let first = columns.first else { continue }
            if columns.count == 1, first.utf8.allSatisfy({ $0 == 0x2D }) { continue }
            if first == "domain" || (first == "/device" && columns.contains("runtime")) { continue }
            let indented = line.utf8.first.map(ReaderLex.isSpace) ?? false
            if indented && first.utf8.first == 0x2F {
                guard current != nil else {
                    malformed.append(offset + 1)
                    continue
                }
                let status = columns.count > 1 ? String(columns[1]) : nil
                let performance = columns.count > 2 ? ReaderLex.int(columns[2]) : nil
                current?.devices.append(
                    Device(path: String(first), runtimeStatus: status, performanceState: performance))
            } else if indented {
                guard current != nil else {
                    malformed.append(offset + 1)
                    continue
                }
                current?.children.append(contentsOf: childNames(columns))
            } else {
                flush()
                guard columns.count >= 2 else {
                    malformed.append(offset + 1)
                    continue
                }
                var rest = columns.dropFirst(2)
                var performance: Int?
                if let number = rest.first.flatMap({ ReaderLex.int($0) }) {
                    performance = number
                    rest = rest.dropFirst()
                }
                current = Building(
                    name: String(first), status: String(columns[1]), children: childNames(Array(rest)),
                    performance: performance)
            }
        }
        flush()
        return GenpdSummary(domains: domains, malformedLines: malformed)
    }

    /// `a, b, c` split into names.
    private static func childNames(_ columns: [Substring]) -> [String] {
        var names: [String] = []
        for column in columns {
            for name in column.split(separator: ",") where !name.isEmpty { names.append(String(name)) }
        }
        return names
    }
}
