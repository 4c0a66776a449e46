import Foundation

/// One-line-per-instance summaries shown before the findings ("at a glance").
public enum Glance {
    /// The presence chain of each DLA instance, e.g. `dla0 (15880000): device tree okay → bound nvdla →
    /// nvhost-ctrl-nvdla0 0660 root:video → idle (runtime suspended)`, stopping at the first broken link.
    public static func lines(_ facts: FactTable) -> [String] {
        var lines: [String] = []
        for index in facts.instances["dla"] ?? [] {
            let key = "dla.\(index)"
            guard let status = facts.string("\(key).dt.status") else { continue }
            var chain = ["device tree \(status)"]
            chainLinks(facts, key: key, into: &chain)
            let address = facts.string("\(key).hw_address").map { " (\($0))" } ?? ""
            lines.append("  dla\(index)\(address): " + chain.joined(separator: " → "))
            if let clocks = clockLine(facts, key: key) { lines.append("      " + clocks) }
        }
        if let cma = cmaLine(facts) { lines.append("  " + cma) }
        return lines
    }

    /// `clocks core 1600 MHz (max 1600 MHz, cap 614.4 MHz in MODE_15W) · falcon 844.8 MHz · SMMU stream 0x2b on
    /// 8000000, IOMMU group 10 (DMA)`: what is known of the instance's clocks and SMMU attachment (rates in MHz).
    static func clockLine(_ facts: FactTable, key: String) -> String? {
        guard facts.bool("\(key).driver.bound") == true else { return nil }
        var parts: [String] = []
        if let rate = facts.int("\(key).clk.core.rate") {
            var detail: [String] = []
            if let max = facts.int("\(key).clk.core.max_rate") { detail.append("max \(Format.mhz(max))") }
            if let cap = facts.int("\(key).nvpmodel.core_cap"), let mode = facts.string("clocks.nvpmodel.mode_name") {
                detail.append(cap < 0 ? "no cap in \(mode)" : "cap \(Format.mhz(cap)) in \(mode)")
            }
            let suffix = detail.isEmpty ? "" : " (" + detail.joined(separator: ", ") + ")"
            parts.append("clocks core \(Format.mhz(rate))\(suffix)")
            if let falcon = facts.int("\(key).clk.falcon.rate") { parts.append("falcon \(Format.mhz(falcon))") }
        } else if let cap = facts.int("\(key).clk_cap.core") {
            parts.append("clock cap core \(Format.mhz(cap)) (debugfs not readable)")
        }
        if let sid = facts.int("\(key).dt.stream_id"), let smmu = facts.string("\(key).dt.smmu") {
            var text = "SMMU stream 0x\(String(sid, radix: 16)) on \(smmu)"
            if let group = facts.string("\(key).iommu_group") {
                text += ", IOMMU group \(group)" + (facts.string("\(key).smmu.group_type").map { " (\($0))" } ?? "")
            } else if facts.bool("\(key).smmu.group_link") == false {
                text += ", no iommu group"
            }
            parts.append(text)
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `CMA (contiguous memory) 476.2 MiB free of 512 MiB (92%) · largest free run 14.9 MiB (fragmentation 97%) ·
    /// set by cma= on the kernel command line`: the CMA pool at a glance (sizes in MiB).
    static func cmaLine(_ facts: FactTable) -> String? {
        guard let total = facts.int("memory.cma.total_bytes"), total > 0 else { return nil }
        var parts: [String] = []
        let free = facts.int("memory.cma.free_bytes").map { "\(Format.mib($0)) free of " } ?? ""
        let pct = facts.int("memory.cma.free_pct").map { " (\($0)%)" } ?? ""
        parts.append("CMA (contiguous memory) \(free)\(Format.mib(total))\(pct)")
        if let run = facts.int("memory.cma.largest_free_bytes") {
            let frag = facts.int("memory.cma.fragmentation_pct").map { " (fragmentation \($0)%)" } ?? ""
            parts.append("largest free run \(Format.mib(run))\(frag)")
        }
        if let cmdline = facts.int("memory.cma.cmdline_bytes") {
            parts.append("\(Format.mib(cmdline)) set by cma= on the kernel command line")
        } else if let dt = facts.int("memory.cma.dt_bytes") {
            parts.append("device tree reserves \(Format.mib(dt))")
        }
        return parts.joined(separator: " · ")
    }

    static func chainLinks(_ facts: FactTable, key: String, into chain: inout [String]) {
        guard facts.bool("\(key).dt.enabled") == true else { return }
        if facts.bool("\(key).log.fused") == true {
            chain.append("fused off")
            return
        }
        switch facts.bool("\(key).sysfs.present") {
        case false?:
            chain.append("no platform device")
            return
        case nil:
            return
        default: break
        }
        switch facts.bool("\(key).driver.bound") {
        case true?:
            chain.append("bound \(facts.string("\(key).driver.name") ?? "")".trimmingCharacters(in: .whitespaces))
        case false?:
            chain.append("not bound")
            return
        case nil: return
        }
        if let present = facts.bool("\(key).node.ctrl.present") {
            let name = facts.string("\(key).node.ctrl.name") ?? "node"
            if present {
                let mode = facts.string("\(key).node.ctrl.mode") ?? "?"
                let owner = facts.string("\(key).node.ctrl.owner") ?? "?"
                chain.append("\(name) \(mode) \(owner)")
            } else {
                chain.append("\(name) missing")
                return
            }
        }
        if let status = facts.string("\(key).power.runtime_status") { chain.append(powerWords(status)) }
    }

    /// A runtime PM state in plain words, the kernel's word in parentheses (`idle (runtime suspended)`).
    static func powerWords(_ status: String) -> String {
        switch status {
        case "suspended": return "idle (runtime suspended)"
        case "active": return "powered (runtime active)"
        case "error": return "power error (runtime PM error)"
        case "suspending", "resuming": return "changing power state (runtime \(status))"
        default: return "runtime PM \(status)"
        }
    }
}
