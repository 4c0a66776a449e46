/// Parses `/etc/nv_tegra_release`: the L4T release line plus the optional JetPack 6 trailer lines.
///
/// The first line reads `# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64,
/// DATE: Wed Jan  8 01:49:37 UTC 2025`; fields are split on `", "` because the date holds double spaces.
/// JetPack 6 adds `# KERNEL_VARIANT: oot`, `TARGET_USERSPACE_LIB_DIR=nvidia` and
/// `TARGET_USERSPACE_LIB_DIR_PATH=usr/lib/aarch64-linux-gnu/nvidia`.
public struct NvTegraRelease: Sendable, Equatable {
    /// The L4T major release, e.g. `36` from `# R36`.
    public let major: Int
    /// The `REVISION:` value as written, e.g. `4.3`.
    public let revision: String
    /// The full L4T version, major plus revision padded to three parts, e.g. `36.4.3` or `36.4.0`.
    public let release: String
    /// The `GCID:` build id.
    public let gcid: String?
    /// The `BOARD:` value (`t186ref`, `t210ref`, `generic`).
    public let board: String?
    /// The `EABI:` value (`aarch64`).
    public let eabi: String?
    /// The `DATE:` value, spacing preserved (`Wed Jan  8 01:49:37 UTC 2025`).
    public let date: String?
    /// The `# KERNEL_VARIANT:` value (`oot` on JetPack 6).
    public let kernelVariant: String?
    /// `TARGET_USERSPACE_LIB_DIR` (`nvidia` on JetPack 6, `tegra` before).
    public let libDir: String?
    /// `TARGET_USERSPACE_LIB_DIR_PATH` (`usr/lib/aarch64-linux-gnu/nvidia`).
    public let libDirPath: String?

    /// Parses `/etc/nv_tegra_release` text into its release fields.
    ///
    /// Returns `nil` unless the first non-blank line is `# R<n> (…), REVISION: <x.y>, …`.
    public static func parse(_ text: String) -> NvTegraRelease? {
        let lines = ReaderLex.lines(text)
        guard let firstIndex = lines.firstIndex(where: { !ReaderLex.trimmed($0).isEmpty }) else { return nil }
        guard let head = parseHead(ReaderLex.trimmed(lines[firstIndex])) else { return nil }
        var kernelVariant: String?
        var libDir: String?
        var libDirPath: String?
        for line in lines[(firstIndex + 1)...] {
            let trimmed = ReaderLex.trimmed(line)
            if trimmed.utf8.first == 0x23 {
                let body = ReaderLex.trimmed(trimmed.dropFirst())
                if let (key, value) = ReaderLex.splitOnce(body, 0x3A),
                    ReaderLex.trimmed(key) == "KERNEL_VARIANT"
                {
                    kernelVariant = String(ReaderLex.trimmed(value))
                }
            } else if let (key, value) = ReaderLex.splitOnce(trimmed, 0x3D) {
                switch ReaderLex.trimmed(key) {
                case "TARGET_USERSPACE_LIB_DIR": libDir = String(ReaderLex.trimmed(value))
                case "TARGET_USERSPACE_LIB_DIR_PATH": libDirPath = String(ReaderLex.trimmed(value))
                default: break
                }
            }
        }
        return NvTegraRelease(
            major: head.major, revision: head.revision, release: head.release, gcid: head.fields["GCID"],
            board: head.fields["BOARD"], eabi: head.fields["EABI"], date: head.fields["DATE"],
            kernelVariant: kernelVariant, libDir: libDir, libDirPath: libDirPath)
    }

    /// The parsed first line of `/etc/nv_tegra_release`.
    private struct Head {
        let major: Int
        let revision: String
        let release: String
        let fields: [String: String]
    }

    /// Parses the `# R<n> (release), REVISION: …` line of `/etc/nv_tegra_release`.
    private static func parseHead(_ line: Substring) -> Head? {
        guard line.utf8.first == 0x23 else { return nil }
        let parts = line.dropFirst().split(separator: ", ")
        guard let first = parts.first else { return nil }
        // "# R36 (release)": the marker R, then digits, then an optional parenthesised tag.
        var tag = ReaderLex.trimmed(first)
        guard tag.utf8.first == 0x52 else { return nil }
        tag = tag.dropFirst()
        let digits = tag.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 6, let major = ReaderLex.int(digits) else { return nil }
        let after = ReaderLex.trimmed(tag.dropFirst(digits.count))
        guard after.isEmpty || after.utf8.first == 0x28 else { return nil }
        var fields: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let (key, value) = ReaderLex.splitOnce(part, 0x3A) else { continue }
            let name = String(ReaderLex.trimmed(key))
            if fields[name] == nil { fields[name] = String(ReaderLex.trimmed(value)) }
        }
        guard let revision = fields["REVISION"], let release = fullRelease(major: major, revision: revision)
        else { return nil }
        return Head(major: major, revision: revision, release: release, fields: fields)
    }

    /// `36` + `4.3` → `36.4.3`; `36` + `4` → `36.4.0`; `nil` unless the revision is dotted decimal.
    private static func fullRelease(major: Int, revision: String) -> String? {
        let parts = revision.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 4,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && ReaderLex.uint64($0) != nil })
        else { return nil }
        var numbers = parts.map { String($0) }
        if numbers.count == 1 { numbers.append("0") }
        return ([String(major)] + numbers).joined(separator: ".")
    }
}
