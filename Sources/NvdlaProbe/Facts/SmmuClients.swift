/// The (SMMU instance, stream ID) → memory client table of Tegra SoCs, for attributing SMMU faults.
///
/// On T234 the same numeric stream ID names different masters on different SMMU instances, so a fault is
/// identified by the SMMU unit address it was reported on (`arm-smmu 8000000.iommu: …`) and the SID in
/// `cbfrsynra` (dt-bindings `tegra234-mc.h`, `tegra194-mc.h`; `arm-smmu.c` fault lines). Shared with the kernel-log side, which attributes
/// `Unhandled context fault` lines to a DLA instance or to another client.
public enum SmmuClients {
    /// One SMMU master: which SoC, which SMMU instance (unit address), which stream ID, and who it is.
    public struct Client: Sendable, Equatable {
        /// SoC as in the DT compatible: `tegra234`, `tegra194`.
        public let soc: String
        /// SMMU unit address in lower-case hex without `0x`: `8000000`, `12000000`.
        public let smmu: String
        /// Stream ID.
        public let streamID: Int
        /// Client name as the kernel headers spell it (`NVDLA0`, `NVENC`).
        public let name: String
        /// The DLA hardware instance (`0`, `1`) when the client is a DLA.
        public let dla: Int?
    }

    /// Known clients. DLA entries are [SRC] (`tegra234-mc.h`, `tegra194-swgroup.h`, R35
    /// `tegra234-smmu-streamid.h`; real DTB dump [OBS]). Non-DLA T234 IDs are the upstream
    /// `include/dt-bindings/memory/tegra234-mc.h` values [SRC upstream]; which NISO instance serves each
    /// of them on L4T is [INF] from the DLA split (NISO1 `8000000` carries DLA0, NISO0 `12000000` DLA1).
    public static let all: [Client] = [
        // T234 DLA [SRC] §3.3
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x2b, name: "NVDLA0", dla: 0),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x23, name: "NVDLA1", dla: 1),
        // T194 DLA [SRC] §3.2–3.3: one SMMU at 12000000
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x51, name: "NVDLA0", dla: 0),
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x52, name: "NVDLA1", dla: 1),
        // T234 non-DLA [SRC upstream tegra234-mc.h; instance INF]
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x0b, name: "VIC", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x0e, name: "NVDEC", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x0f, name: "NVJPG", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x10, name: "NVENC", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x14, name: "PCIE0", dla: nil),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x04, name: "SDMMC4", dla: nil),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x19, name: "VI", dla: nil),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x1e, name: "ISP", dla: nil),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x1f, name: "PVA", dla: nil),
        // T194 non-DLA [SRC upstream tegra194-mc.h]
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x11, name: "AFI", dla: nil),
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x1c, name: "NVENC", dla: nil),
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x32, name: "VIC", dla: nil),
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x5e, name: "PVA0", dla: nil),
    ]

    /// The client with that stream ID on that SMMU instance of `soc`, if known.
    ///
    /// `smmu` may be a unit address (`8000000`), a device name (`8000000.iommu`) or carry `0x`.
    public static func client(soc: String, smmu: String, streamID: Int) -> Client? {
        let unit = normalize(smmu)
        return all.first { $0.soc == soc && $0.smmu == unit && $0.streamID == streamID }
    }

    /// The DLA client of hardware instance `dla` on `soc`.
    public static func dla(_ dla: Int, soc: String) -> Client? {
        all.first { $0.soc == soc && $0.dla == dla }
    }

    /// `0x08000000`, `8000000.iommu` or `iommu@8000000` → `8000000`.
    public static func normalize(_ smmu: String) -> String {
        var text = smmu.lowercased()
        if let at = text.lastIndex(of: "@") { text = String(text[text.index(after: at)...]) }
        if let dot = text.firstIndex(of: ".") { text = String(text[..<dot]) }
        if text.hasPrefix("0x") { text = String(text.dropFirst(2)) }
        while text.count > 1 && text.hasPrefix("0") { text.removeFirst() }
        return text
    }
}
