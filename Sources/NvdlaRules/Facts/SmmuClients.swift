/// The (SMMU instance, stream ID) → memory client table of Tegra SoCs, for attributing SMMU faults.
///
/// On T234 the same numeric stream ID names different masters on different SMMU instances, so a fault is
/// identified by the SMMU unit address it was reported on (`arm-smmu 8000000.iommu: …`) and the stream ID. The
/// `cbfrsynra` value of a fault line can carry bits above the stream ID (a real Orin line reads `cbfrsynra=0x835`
/// for stream 0x35), so it is masked with `streamIDMask` first: every T194/T234 stream ID is below 0x80
/// (Docs/platform.md §3.3, §6.2). Shared with the kernel-log side, which attributes `Unhandled context fault` lines
/// to a DLA instance or names the other client.
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

    /// The bits of a `cbfrsynra` / stream-ID value that are the stream ID on T194 and T234.
    public static let streamIDMask = 0x7f

    /// Known clients. T234: upstream Linux `include/dt-bindings/memory/tegra234-mc.h` (NISO1 and NISO0 groups; the
    /// DLA split NISO1 `8000000` = DLA0, NISO0 `12000000` = DLA1 is also in the R35 `tegra234-smmu-streamid.h` and a
    /// real DTB dump). T194 (one SMMU at `12000000`): upstream `tegra194-mc.h`.
    public static let all: [Client] = [
        // T234 DLA
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x2b, name: "NVDLA0", dla: 0),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x23, name: "NVDLA1", dla: 1),
        // T194 DLA
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x51, name: "NVDLA0", dla: 0),
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x52, name: "NVDLA1", dla: 1),
        // T234 NISO1 (8000000)
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x02, name: "SDMMC4", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x05, name: "PCIE1", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x06, name: "PCIE2", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x07, name: "PCIE3", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x08, name: "PCIE7", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x09, name: "PCIE8", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x0b, name: "PCIE10", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x0e, name: "XUSB_HOST", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x0f, name: "XUSB_DEV", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x10, name: "BPMP", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x27, name: "HOST1X", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x28, name: "ISP", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x29, name: "NVDEC", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x2a, name: "NVJPG", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x2c, name: "PVA0", dla: nil),
        Client(soc: "tegra234", smmu: "8000000", streamID: 0x34, name: "VIC", dla: nil),
        // T234 NISO0 (12000000)
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x04, name: "GPCDMA", dla: nil),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x12, name: "PCIE0", dla: nil),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x13, name: "PCIE4", dla: nil),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x14, name: "PCIE5", dla: nil),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x15, name: "PCIE6", dla: nil),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x1f, name: "PCIE9", dla: nil),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x24, name: "NVENC", dla: nil),
        Client(soc: "tegra234", smmu: "12000000", streamID: 0x35, name: "HOST1X_CTX0", dla: nil),
        // T194 (12000000)
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x03, name: "VIC", dla: nil),
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x07, name: "NVENC", dla: nil),
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x11, name: "AFI", dla: nil),
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x32, name: "BPMP", dla: nil),
        Client(soc: "tegra194", smmu: "12000000", streamID: 0x53, name: "PVA0", dla: nil),
    ]

    /// The client with that stream ID on that SMMU instance of `soc`, if known.
    ///
    /// `smmu` may be a unit address (`8000000`), a device name (`8000000.iommu`) or carry `0x`.
    public static func client(soc: String, smmu: String, streamID: Int) -> Client? {
        let unit = normalize(smmu)
        return all.first { $0.soc == soc && $0.smmu == unit && $0.streamID == streamID }
    }

    /// The client a fault names: `raw` (a `cbfrsynra` or stream-ID value) masked to the stream ID, on `smmu` of
    /// `soc`; with no SoC, the one SoC whose table has a client there. Returns the stream ID and the client.
    public static func attribute(soc: String?, smmu: String, raw: Int) -> (streamID: Int, client: Client?) {
        let sid = raw & streamIDMask
        let unit = normalize(smmu)
        let candidates = all.filter { $0.smmu == unit && $0.streamID == sid && (soc == nil || $0.soc == soc) }
        return (sid, candidates.count == 1 ? candidates[0] : nil)
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
