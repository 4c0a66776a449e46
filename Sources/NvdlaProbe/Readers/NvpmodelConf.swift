/// Parses `/etc/nvpmodel.conf` (a link to `/etc/nvpmodel/nvpmodel_<pNNNN_NNNN>.conf`).
///
/// The file is a list of tagged blocks: `< PARAM TYPE=CLOCK NAME=DLA0_CORE >` followed by `ARG PATH` lines
/// (`MAX_FREQ /sys/devices/…/clk_cap/dla0_core`), `< POWER_MODEL ID=1 NAME=MODE_15W >` followed by
/// `PARAM ARG VALUE` lines (`DLA0_CORE MAX_FREQ 614400000`, `-1` meaning no cap), and
/// `< PM_CONFIG DEFAULT=2 >`. Other blocks (`FAN_CONFIG`, …) are skipped; `#` starts a comment line.
public struct NvpmodelConf: Sendable, Equatable {
    /// One `ARG PATH` line of an `nvpmodel.conf` PARAM block.
    public struct Argument: Sendable, Equatable {
        /// The argument name, e.g. `MAX_FREQ`.
        public let name: String
        /// The rest of the line: usually a sysfs path, sometimes a literal (`ARG_DEFAULT 1`).
        public let path: String
    }

    /// One `< PARAM … >` block of `nvpmodel.conf`.
    public struct Param: Sendable, Equatable {
        /// `NAME=`, e.g. `DLA0_CORE`.
        public let name: String
        /// `TYPE=` (`CLOCK`, `FILE`, …).
        public let type: String?
        /// The argument lines in file order.
        public let arguments: [Argument]

        /// The path of one `nvpmodel.conf` PARAM argument, e.g. `path(for: "MAX_FREQ")`.
        public func path(for argument: String) -> String? {
            arguments.first { $0.name == argument }?.path
        }
    }

    /// One `PARAM ARG VALUE` line of an `nvpmodel.conf` POWER_MODEL block.
    public struct Setting: Sendable, Equatable {
        /// The PARAM name, e.g. `DLA0_CORE`.
        public let param: String
        /// The argument, e.g. `MAX_FREQ`.
        public let argument: String
        /// The value as written (FILE params take strings such as `on`).
        public let rawValue: String
        /// The value as an integer (`-1` = no cap); `nil` for non-numeric values.
        public let value: Int64?
    }

    /// One `< POWER_MODEL ID=… NAME=… >` block of `nvpmodel.conf`.
    public struct PowerModel: Sendable, Equatable {
        /// `ID=`.
        public let id: Int
        /// `NAME=`, e.g. `MODE_15W`.
        public let name: String
        /// The settings in file order.
        public let settings: [Setting]

        /// The value of one `nvpmodel.conf` setting, e.g. `value(param: "DLA0_CORE", argument: "MAX_FREQ")`.
        public func value(param: String, argument: String) -> Int64? {
            settings.last { $0.param == param && $0.argument == argument }?.value
        }
    }

    /// PARAM blocks in file order.
    public let params: [Param]
    /// POWER_MODEL blocks in file order.
    public let powerModels: [PowerModel]
    /// `< PM_CONFIG DEFAULT=n >`.
    public let defaultModeID: Int?
    /// 1-based numbers of lines that could not be parsed (bad tags, short lines in PARAM/POWER_MODEL blocks).
    public let malformedLines: [Int]

    /// The `nvpmodel.conf` power model with that id.
    public func powerModel(id: Int) -> PowerModel? {
        powerModels.first { $0.id == id }
    }

    /// The `nvpmodel.conf` PARAM block with that name.
    public func param(named name: String) -> Param? {
        params.first { $0.name == name }
    }

    /// The `nvpmodel.conf` block being read.
    private enum Block {
        case none
        case param(name: String, type: String?, arguments: [Argument])
        case powerModel(id: Int, name: String, settings: [Setting])
        case ignored
    }

    /// Parses `nvpmodel.conf` text; never fails.
    public static func parse(_ text: String) -> NvpmodelConf {
        var params: [Param] = []
        var models: [PowerModel] = []
        var defaultID: Int?
        var malformed: [Int] = []
        var block = Block.none

        /// Stores the block being read and starts reading outside any block.
        func close() {
            switch block {
            case .param(let name, let type, let arguments):
                params.append(Param(name: name, type: type, arguments: arguments))
            case .powerModel(let id, let name, let settings):
                models.append(PowerModel(id: id, name: name, settings: settings))
            case .none, .ignored:
                break
            }
            block = .none
        }

        for (offset, rawLine) in ReaderLex.lines(text).enumerated() {
            let line = ReaderLex.trimmed(rawLine)
            if line.isEmpty || line.utf8.first == 0x23 { continue }
            if line.utf8.first == 0x3C {
                close()
                guard let (tag, attributes) = parseTag(line) else {
                    malformed.append(offset + 1)
                    block = .ignored
                    continue
                }
                switch tag {
                case "PARAM":
                    guard let name = attributes["NAME"] else {
                        malformed.append(offset + 1)
                        block = .ignored
                        continue
                    }
                    block = .param(name: name, type: attributes["TYPE"], arguments: [])
                case "POWER_MODEL":
                    guard let id = attributes["ID"].flatMap({ ReaderLex.int($0[...]) }) else {
                        malformed.append(offset + 1)
                        block = .ignored
                        continue
                    }
                    block = .powerModel(id: id, name: attributes["NAME"] ?? "", settings: [])
                case "PM_CONFIG":
                    defaultID = attributes["DEFAULT"].flatMap { ReaderLex.int($0[...]) }
                    block = .ignored
                default:
                    block = .ignored
                }
                continue
            }
            switch block {
            case .param(let name, let type, var arguments):
                let columns = ReaderLex.fields(line)
                guard columns.count >= 2 else {
                    malformed.append(offset + 1)
                    continue
                }
                let path = ReaderLex.trimmed(line[columns[0].endIndex...])
                arguments.append(Argument(name: String(columns[0]), path: String(path)))
                block = .param(name: name, type: type, arguments: arguments)
            case .powerModel(let id, let name, var settings):
                let columns = ReaderLex.fields(line)
                guard columns.count >= 3 else {
                    malformed.append(offset + 1)
                    continue
                }
                let value = ReaderLex.trimmed(line[columns[1].endIndex...])
                settings.append(
                    Setting(
                        param: String(columns[0]), argument: String(columns[1]), rawValue: String(value),
                        value: ReaderLex.int64(value)))
                block = .powerModel(id: id, name: name, settings: settings)
            case .none:
                malformed.append(offset + 1)
            case .ignored:
                break
            }
        }
        close()
        return NvpmodelConf(
            params: params, powerModels: models, defaultModeID: defaultID, malformedLines: malformed)
    }

    /// `< TAG K=V K=V >` → (`TAG`, [K: V]); `nil` when the brackets or the tag are missing.
    private static func parseTag(_ line: Substring) -> (String, [String: String])? {
        guard line.utf8.last == 0x3E, line.count >= 2 else { return nil }
        let words = ReaderLex.fields(line.dropFirst().dropLast())
        guard let tag = words.first, !tag.contains("=") else { return nil }
        var attributes: [String: String] = [:]
        for word in words.dropFirst() {
            guard let (key, value) = ReaderLex.splitOnce(word, 0x3D) else { continue }
            attributes[String(key)] = String(value)
        }
        return (String(tag), attributes)
    }
}
