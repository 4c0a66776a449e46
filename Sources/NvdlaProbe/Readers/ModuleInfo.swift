import CElf

/// Reads the `.modinfo` section of a kernel module (`.ko`, an ELF relocatable) through libelf.
///
/// `.modinfo` holds NUL-separated `key=value` strings: `vermagic=5.15.148-tegra SMP preempt mod_unload aarch64`,
/// `srcversion=…`, `depends=host1x,host1x_nvhost,nvmap`, `name=nvhost_nvdla`, `license=GPL v2`.
public struct ModuleInfo: Sendable, Equatable {
    /// Every key with its values in order (`alias` and `depends` may repeat).
    public let fields: [String: [String]]

    public var vermagic: String? { fields["vermagic"]?.first }
    /// The kernel release the module was built for: the first word of vermagic.
    public var kernelRelease: String? { vermagic?.split(separator: " ").first.map(String.init) }
    public var srcversion: String? { fields["srcversion"]?.first }
    public var name: String? { fields["name"]?.first }
    /// Modules this one needs loaded first.
    public var depends: [String] {
        (fields["depends"] ?? []).flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
    }

    /// Parses ELF bytes; nil when they are not an ELF file or have no `.modinfo` section.
    public static func parse(elf bytes: [UInt8]) -> ModuleInfo? {
        guard bytes.count >= 64, bytes[0] == 0x7f, bytes[1] == 0x45, bytes[2] == 0x4c, bytes[3] == 0x46 else {
            return nil
        }
        guard elf_version(UInt32(EV_CURRENT)) != UInt32(EV_NONE) else { return nil }
        var copy = bytes
        return copy.withUnsafeMutableBufferPointer { buffer -> ModuleInfo? in
            guard let base = buffer.baseAddress else { return nil }
            let raw = UnsafeMutableRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let elf = elf_memory(raw, buffer.count) else { return nil }
            defer { elf_end(elf) }
            var shstrndx = 0
            guard elf_getshdrstrndx(elf, &shstrndx) == 0 else { return nil }
            var section = elf_nextscn(elf, nil)
            while let current = section {
                var header = GElf_Shdr()
                if gelf_getshdr(current, &header) != nil,
                    let namePointer = elf_strptr(elf, shstrndx, Int(header.sh_name)),
                    String(cString: namePointer) == ".modinfo", let data = elf_getdata(current, nil),
                    let start = data.pointee.d_buf
                {
                    let size = min(Int(data.pointee.d_size), buffer.count)
                    let bytes = UnsafeRawBufferPointer(start: start, count: size)
                    return ModuleInfo(fields: parseFields(Array(bytes)))
                }
                section = elf_nextscn(elf, current)
            }
            return nil
        }
    }

    /// Splits `.modinfo` bytes into key → values.
    public static func parseFields(_ bytes: [UInt8]) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        for chunk in bytes.split(separator: 0, omittingEmptySubsequences: true) {
            let text = String(decoding: chunk, as: UTF8.self)
            guard let equals = text.firstIndex(of: "=") else { continue }
            fields[String(text[..<equals]), default: []].append(String(text[text.index(after: equals)...]))
        }
        return fields
    }
}
