/// Parses `/proc/modules`: one loaded module per line.
///
/// Line format (kernel `m_show`): `name size refcount users state address [taints]`, e.g.
/// `nvhost_nvdla 196608 0 - Live 0x0000000000000000 (O)` or
/// `host1x 180224 6 nvhost_nvdla,host1x_nvhost, Live 0xffff800001234000 (OE)`. `users` is `-` for none and
/// otherwise comma-terminated; `[permanent]` marks a module without an exit function. Without
/// `CONFIG_MODULE_UNLOAD` refcount and users are both `-`.
public struct ProcModules: Sendable, Equatable {
    /// The load-state column of `/proc/modules`.
    public enum State: Sendable, Equatable {
        /// `Live`: loaded and running.
        case live
        /// `Loading`: still initialising.
        case loading
        /// `Unloading`: being removed.
        case unloading
        /// Any other state word, as printed.
        case other(String)
    }

    /// One `/proc/modules` line (a loaded module).
    public struct Module: Sendable, Equatable {
        /// The module name with `_` (e.g. `nvhost_nvdla` for `nvhost-nvdla.ko`).
        public let name: String
        /// Memory size in bytes.
        public let size: Int64
        /// Reference count; `nil` when printed as `-`.
        public let refcount: Int?
        /// Modules using this one (empty for `-`), `[permanent]` excluded.
        public let users: [String]
        /// Whether the users field carried `[permanent]`.
        public let isPermanent: Bool
        /// `Live`, `Loading` or `Unloading`.
        public let state: State
        /// The load address (`0x0…` when hidden by kptr_restrict).
        public let address: UInt64?
        /// Taint letters from the trailing parentheses, e.g. `OE`; empty when absent.
        public let taints: String
    }

    /// Modules in file order.
    public let modules: [Module]
    /// 1-based numbers of non-blank lines that could not be parsed.
    public let malformedLines: [Int]

    /// The `/proc/modules` entry with that name (`-` and `_` treated alike), if loaded.
    public func module(named name: String) -> Module? {
        let wanted = name.replacingDashes()
        return modules.first { $0.name == wanted }
    }

    /// Parses `/proc/modules` text; never fails.
    public static func parse(_ text: String) -> ProcModules {
        var modules: [Module] = []
        var malformed: [Int] = []
        for (offset, line) in ReaderLex.lines(text).enumerated() {
            let columns = ReaderLex.fields(line)
            if columns.isEmpty { continue }
            guard columns.count >= 5, let size = ReaderLex.int64(columns[1]), size >= 0 else {
                malformed.append(offset + 1)
                continue
            }
            let refcount = ReaderLex.int(columns[2])
            guard refcount != nil || columns[2] == "-" else {
                malformed.append(offset + 1)
                continue
            }
            var users: [String] = []
            var permanent = false
            if columns[3] != "-" {
                for user in columns[3].split(separator: ",") {
                    if user == "[permanent]" { permanent = true } else { users.append(String(user)) }
                }
            }
            let state: State
            switch columns[4] {
            case "Live": state = .live
            case "Loading": state = .loading
            case "Unloading": state = .unloading
            default: state = .other(String(columns[4]))
            }
            let address = columns.count > 5 ? ReaderLex.hex64(columns[5]) : nil
            var taints = ""
            if let last = columns.last, columns.count > 6 || (columns.count == 6 && address == nil),
                last.first == "(", last.last == ")"
            {
                taints = String(last.dropFirst().dropLast().filter { $0.isLetter })
            }
            modules.append(
                Module(
                    name: String(columns[0]), size: size, refcount: refcount, users: users,
                    isPermanent: permanent, state: state, address: address, taints: taints))
        }
        return ProcModules(modules: modules, malformedLines: malformed)
    }
}

/// Module-name normalisation for `/proc/modules` lookups.
extension String {
    /// The string with `-` replaced by `_`, the way the kernel names modules.
    fileprivate func replacingDashes() -> String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
