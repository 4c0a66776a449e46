/// Words the diagnosis itself uses, which a learned name must not be replaced as outside its own fields: a host or
/// user named `dev`, `bus`, `lib`, `sys`, `nvidia` or `firmware` is replaced in `/etc/hostname`, `/etc/passwd`,
/// `ip=`, `Set hostname to <…>` and `/home/…`, never in `/dev/nvhost-ctrl-nvdla0` or a compatible string.
///
/// A value is vocabulary when it is shorter than three characters, a platform word (`platformWords`), a `dla<N>`
/// or `nvdla<N>` instance name, a component (or a word of one) of any path the check read under the system's own
/// trees (`isLayout`), a word of a fact value the rules compare, or a word of a rule's patterns and literals.
struct RedactionVocabulary {
    /// Directory trees the kernel, L4T and the distribution lay out (their names are never a person's).
    static let layoutRoots = [
        "/sys/", "/proc/", "/dev/", "/run/", "/lib/", "/lib64/", "/usr/", "/boot/", "/opt/", "/var/lib/", "/etc/",
        "/bin/", "/sbin/", "/.nvdla-doctor/",
    ]

    /// Directories inside those trees whose file names people choose (connection names are SSIDs).
    static let userNamedDirectories = [
        "/etc/NetworkManager/system-connections/", "/run/NetworkManager/system-connections/", "/etc/netplan/",
        "/etc/wpa_supplicant/", "/etc/wireguard/", "/etc/ssl/private/", "/run/user/",
    ]

    /// Words of the file-system layout, the platform and the distribution that are never replaced outside fields.
    static let platformWords: Set<String> = Set([
        "dev", "bus", "lib", "lib32", "lib64", "sys", "proc", "run", "usr", "etc", "var", "boot", "opt", "home", "root",
        "tmp", "mnt", "media", "srv", "bin", "sbin", "snap", "firmware", "kernel", "module", "modules", "devices",
        "device", "platform", "class", "driver", "drivers", "debug", "block", "power", "clk", "clock", "clocks",
        "iommu", "devicetree", "base", "subsystem", "udev", "data", "local", "share", "include", "cuda", "cudnn",
        "tensorrt", "nvidia", "tegra", "jetson", "orin", "xavier", "nano", "agx", "thor", "l4t", "jetpack", "linux",
        "ubuntu", "debian", "dla", "nvdla", "nvhost", "host1x", "pva", "gpu", "cpu", "soc", "system", "video",
        "render", "docker", "default", "admin", "user", "users", "guest", "test", "localhost", "status", "okay",
        "disabled", "enabled", "unknown", "none", "null", "true", "false", "error", "warning", "info",
    ]).union(systemAccounts)

    /// Accounts Debian, Ubuntu and L4T images create for services: never a person, even when `/etc/passwd` (which
    /// a bundle may not hold) does not list them.
    static let systemAccounts: Set<String> = [
        "root", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy", "www-data",
        "backup", "list", "irc", "gnats", "nobody", "messagebus", "syslog", "sshd", "avahi", "avahi-autoipd",
        "pulse", "gdm", "lightdm", "colord", "whoopsie", "kernoops", "rtkit", "saned", "usbmux", "speech-dispatcher",
        "hplip", "systemd-network", "systemd-resolve", "systemd-timesync", "systemd-coredump", "polkitd", "_apt",
        "tss", "uuidd", "tcpdump", "dnsmasq", "geoclue", "cups-pk-helper", "fwupd-refresh", "nm-openvpn",
        "gnome-initial-setup", "sssd", "landscape", "pollinate", "lxd",
    ]

    private(set) var words: Set<String> = []

    /// Whether `path` lies in the system's own layout (not under `/home` or a directory of user-named files).
    static func isLayout(_ path: String) -> Bool {
        layoutRoots.contains { path.hasPrefix($0) } && !userNamedDirectories.contains { path.hasPrefix($0) }
    }

    /// Adds the components of `path`, and their words, when it is a layout path.
    mutating func add(path: String) {
        guard Self.isLayout(path) else { return }
        for component in path.split(separator: "/") {
            words.insert(component.lowercased())
            add(text: String(component))
        }
    }

    /// Adds the words of `text` (runs of letters, digits, `-` and `_`) and its `.`-joined runs.
    mutating func add(text: String) {
        var word: [UInt8] = []
        var dotted: [UInt8] = []
        func flush() {
            if word.count >= 3 { words.insert(String(decoding: word, as: UTF8.self).lowercased()) }
            if dotted.count >= 3 { words.insert(String(decoding: dotted, as: UTF8.self).lowercased()) }
            word.removeAll(keepingCapacity: true)
            dotted.removeAll(keepingCapacity: true)
        }
        for b in text.utf8 {
            if PatternScanner.isAlnum(b) || b == 0x2D || b == 0x5F {
                word.append(b)
                dotted.append(b)
            } else if b == 0x2E {
                if word.count >= 3 { words.insert(String(decoding: word, as: UTF8.self).lowercased()) }
                word.removeAll(keepingCapacity: true)
                dotted.append(b)
            } else {
                flush()
            }
        }
        flush()
    }

    /// Adds the words of every fact value of `facts` — owners only by their group (the user part may be a person),
    /// and not the log lines kept as examples (`….first`, `….last`, `….lines`): rules match those by their patterns.
    mutating func add(facts: FactTable) {
        for (key, state) in facts.states {
            if key.hasSuffix(".first") || key.hasSuffix(".last") || key.hasSuffix(".lines") { continue }
            guard let value = state.value else { continue }
            switch value {
            case .string(let text):
                if key.hasSuffix(".owner"), let colon = text.firstIndex(of: ":") {
                    add(text: String(text[text.index(after: colon)...]))
                } else {
                    add(text: text)
                }
            case .list(let items): for item in items { add(text: item) }
            case .int, .bool: break
            }
        }
    }

    /// Adds the words of every rule's literals and patterns, and of the kernel-log signals.
    mutating func add(rules: RuleSet) {
        for rule in rules.rules {
            add(condition: rule.when)
            if let applies = rule.applies { add(condition: applies) }
        }
        for signal in rules.signals {
            for literal in signal.literals { add(text: literal) }
            add(text: signal.regex.pattern)
            if let unless = signal.unless {
                add(text: unless.pattern.pattern)
                for literal in unless.literals { add(text: literal) }
            }
        }
    }

    private mutating func add(condition: Condition) {
        switch condition {
        case .all(let items), .any(let items): for item in items { add(condition: item) }
        case .not(let inner): add(condition: inner)
        case .compare(_, _, let operand, let regex):
            if let regex { add(text: regex.pattern) }
            if case .literal(let value) = operand {
                switch value {
                case .string(let text): add(text: text)
                case .list(let items): for item in items { add(text: item) }
                case .int, .bool: break
                }
            }
        }
    }

    /// Whether `value` must only be replaced in its fields.
    func contains(_ value: String) -> Bool {
        let lowered = value.lowercased()
        if lowered.count < 3 || Self.platformWords.contains(lowered) || words.contains(lowered) { return true }
        for prefix in ["nvdla", "dla", "tegra"] where lowered.hasPrefix(prefix) {
            if lowered.dropFirst(prefix.count).allSatisfy(\.isNumber) { return true }
        }
        return false
    }
}
