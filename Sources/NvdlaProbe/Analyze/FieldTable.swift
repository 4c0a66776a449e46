import Yams

/// The table of version and identity shapes `analyze` reads pasted text with (`Data/fields.yaml`, compiled in).
///
/// The shipped table is decoded when the binary is built (nvdla-embed writes `EmbeddedFieldTable`), other YAML with
/// `init(yaml:)`; once per process its patterns are compiled with PCRE2 (case-insensitive) and its literals indexed
/// for the one-pass prefilter, so a line that can hold no field costs one scan of its bytes.
public struct FieldTable: Sendable {
    /// A name-and-value field (`JetPack: 5.1.2`, `| CUDA | 12.2 |`, `TensorRT 8.5.2.2`).
    struct Field: Decodable, Equatable, Sendable {
        let fact: String
        let names: [String]
        let value: FieldValue.Kind
        let rank: Int?
    }

    /// A fixed machine format (`# R35 (release), REVISION: 4.1`, a dpkg row, an nvcc banner).
    struct Shape: Decodable, Equatable, Sendable {
        let id: String
        let literals: [String]
        let match: String
        /// Fact → template over the named captures (`{major}.{revision}`).
        let set: [String: String]?
        /// The captures `package` and `version` go through `packages`.
        let package: Bool?
        /// `NV_TENSORRT_MAJOR`-style defines assembled into one version of this fact.
        let assemble: String?
        /// Opens a record (`Package: x`) that a later shape with `closes` completes.
        let opens: String?
        let closes: String?
        let alternatives: Bool?
        let rank: Int
        /// A format people also paste as a comment; keeps its rank there.
        let machine: Bool?
        /// Read only on prose and comment lines (a person's words, not tool output).
        let personal: Bool?
        /// A JetPack value counts only when the release table (Data/releases.yaml) has that JetPack: for shapes
        /// whose digits could be something else (`jp46` is 4.6; `jp49` is nothing).
        let released: Bool?
    }

    /// A bare value printed by a command named on the prompt line above it.
    struct Section: Decodable, Equatable, Sendable {
        let section: String
        let command: String
        let fact: String
        let value: FieldValue.Kind
        let rank: Int
    }

    /// Package name → fact, with the version taken from the package version or from the name.
    struct Package: Decodable, Equatable, Sendable {
        let match: String
        let fact: String
        let version: FieldValue.Kind?
        let name: String?
        let rank: Int
    }

    /// A board family name and what it implies.
    struct Board: Decodable, Equatable, Sendable {
        let name: String
        /// The board's name in a report where only a person named it; nil for a name that is a SoC, not a board.
        let display: String?
        let soc: String
        let dla: Int?
        let memory: [String: Int]?
        /// Other SoCs the bare name can mean (a "nano" is a Jetson Nano or an Orin Nano); the L4T release chooses.
        let also: [String]?
    }

    struct Document: Decodable, Equatable, Sendable {
        let schema: Int
        let fields: [Field]
        let shapes: [Shape]
        let sections: [Section]
        let packages: [Package]
        let boards: [Board]
        let cuda_arch: [String: String]
        let chip_ids: [String: String]
        let board_configs: [String: String]
        let soc_dla: [String: Int]
        let module_socs: [String: String]
        let gpu_archs: [String: String]
        let jetson_socs: [String]
        /// nvpmodel power-mode names (`MODE_30W_ALL`) and name–ID pairs (`15W#0`) that only one board family ships,
        /// to the board name they mean.
        let power_modes: [String: String]?
    }

    /// A compiled matcher of one field or shape.
    struct Compiled: @unchecked Sendable {
        let regex: Regex2
        let literals: [String]
        /// What the pattern itself needs (`RequiredLiterals`) beyond `literals`: sets of literals, one of each on any
        /// matching line.
        let needs: [FoldedLiterals]

        init(regex: Regex2, literals: [String], pattern: String) {
            self.regex = regex
            self.literals = literals
            // Checked in turn until one is missing, so the order changes the cost, never the answer: the sets with
            // fewest literals first, as the likelier to be missing (a `Model:` field's board words before the name
            // words its pattern repeats).
            self.needs = RequiredLiterals.beyond(literals, pattern, caseless: true).sorted { $0.count < $1.count }.map(
                FoldedLiterals.init)
        }
    }

    let document: Document
    /// One regex per field, then one per shape, in that order; `index` prefilters them all (group `i` holds the
    /// literals of field or shape `i`: its name words, its `literals:`), and a line that passes is then checked for
    /// what the pattern itself needs (`Compiled.needs`) before the pattern runs.
    let fieldRegexes: [Compiled]
    let shapeRegexes: [Compiled]
    let sectionCommands: [Regex2]
    let packageRegexes: [Regex2]
    let index: LiteralIndex
    /// Per field, then shape: what its pattern needs.
    let needs: [[FoldedLiterals]]
    /// Whether some field or shape has no literal, so every line must be tried against it.
    let alwaysRuns: Bool

    /// The table compiled into the binary: `Data/fields.yaml` as decoded at build time (`EmbeddedFieldTable`), its
    /// patterns compiled here.
    public static let shipped: FieldTable = {
        do {
            if let document = EmbeddedFieldTable.document { return try FieldTable(document: document) }
            return try FieldTable(yaml: EmbeddedFiles.data["Data/fields.yaml"] ?? "")
        } catch {
            // The shipped table is checked by the test suite; a broken one must not take analyze down.
            return FieldTable.empty
        }
    }()

    static let empty = FieldTable(
        empty: Document(
            schema: 1, fields: [], shapes: [], sections: [], packages: [], boards: [], cuda_arch: [:], chip_ids: [:],
            board_configs: [:], soc_dla: [:], module_socs: [:], gpu_archs: [:], jetson_socs: [],
            power_modes: nil))

    private init(empty document: Document) {
        self.document = document
        fieldRegexes = []
        shapeRegexes = []
        sectionCommands = []
        packageRegexes = []
        index = LiteralIndex(groups: [])
        needs = []
        alwaysRuns = false
    }

    /// Why a table did not load.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Decodes and compiles a table.
    public init(yaml: String) throws(LoadError) {
        try self.init(document: Self.decode(yaml))
    }

    /// Decodes a table (`Data/fields.yaml`).
    static func decode(_ yaml: String) throws(LoadError) -> Document {
        do {
            return try YAMLDecoder().decode(Document.self, from: yaml)
        } catch {
            throw LoadError(description: "Data/fields.yaml: \(error)")
        }
    }

    /// Compiles a decoded table.
    init(document: Document) throws(LoadError) {
        guard document.schema == 1 else { throw LoadError(description: "Data/fields.yaml: schema must be 1") }
        func compile(_ pattern: String, _ what: String) throws(LoadError) -> Regex2 {
            do {
                return try Regex2(pattern, caseless: true)
            } catch {
                throw LoadError(description: "Data/fields.yaml: \(what): \(error)")
            }
        }
        var fields: [Compiled] = []
        for field in document.fields {
            let pattern = Self.fieldPattern(names: field.names, value: field.value)
            fields.append(
                Compiled(
                    regex: try compile(pattern, field.fact), literals: field.names.map(Self.keyWord), pattern: pattern))
        }
        var shapes: [Compiled] = []
        for shape in document.shapes {
            shapes.append(
                Compiled(
                    regex: try compile(shape.match, shape.id), literals: shape.literals.map(Self.lowered),
                    pattern: shape.match))
        }
        var commands: [Regex2] = []
        for section in document.sections { commands.append(try compile(section.command, section.section)) }
        var packages: [Regex2] = []
        for package in document.packages { packages.append(try compile(package.match, package.fact)) }
        self.document = document
        self.fieldRegexes = fields
        self.shapeRegexes = shapes
        self.sectionCommands = commands
        self.packageRegexes = packages
        let all = fields + shapes
        let index = LiteralIndex(groups: all.map(\.literals), caseless: true)
        self.index = index
        self.needs = all.map(\.needs)
        self.alwaysRuns = (0..<all.count).contains { index.alwaysRuns($0) && all[$0].needs.isEmpty }
    }

    static func lowered(_ text: String) -> String { String(text.lowercased()) }

    /// The prefilter literal of a field name: its longest word, lower case (`p-number` → `number`), so spellings
    /// such as `P- Number` or `PNumber` still reach the pattern.
    static func keyWord(_ name: String) -> String {
        let words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
        return String(words.max { $0.count < $1.count } ?? Substring(name.lowercased()))
    }

    /// The pattern of a name-and-value field: the name whole (not inside a longer word or a package name such as
    /// `nvidia-cuda`, nor the repository of an image reference such as `nvidia/cuda:10.1-base`), markdown or list
    /// decoration, a form's hint in parentheses (`JetPack Version (valid for Jetson only) 5.1.2`), a word saying how
    /// the value was found (`TensorRT tested: 10.13.3.9`, `CUDA installed: 12.6`), an
    /// optional `version`, a separator (`:`, `=`, `|`, `[`, or a dash with a space after it, as in a
    /// hand-typed list's `CUDA - 11.4.315`, or the full-width `：`), a person's verb (`is`, `is now`, `was changed to`,
    /// `got upgraded to`: the value after it is the current one), then a value of its kind. The word for version and
    /// the verb may be Chinese, Japanese or Korean (`jetpack版本为5.1.1`, `TensorRT的版本是8.6`,
    /// `CUDAのバージョンは11.4`, `TensorRT 버전은 8.5`). Versions may be glued to the name (`jetpack5.1`). The first of
    /// "from X to Y" is not read: it names a release left behind.
    static func fieldPattern(names: [String], value: FieldValue.Kind) -> String {
        let alternatives = names.sorted { $0.count > $1.count }.map { name in
            name.split(whereSeparator: { $0 == " " || $0 == "-" }).map { escape(String($0)) }.joined(
                separator: #"[\s_-]*"#)
        }.joined(separator: "|")
        let separator =
            #"(?:\*\*|__|`)?\s*(?:\([^()\n]{1,40}\))?\s*(?:(?:installed|tested|used|detected)\b\s*)?(?:(?:の|的)?(?:版本号?|バージョン)|version\b|버전)?\s*(?:\*\*|__|`)?\s*(?:(?:[:=|\[]|：)\s*|[-–—]\s+)*(?:["']|\((?=\d))?(?:(?:is|was|were|has\s+been|got)\s+|(?:为|是|は|은|는)\s*)?(?:now\s+|(?:changed|upgraded|updated|downgraded|bumped|set)\s+to\s+)?(?:v(?=\d)|r(?=\d))?"#
        // A version may follow its name without a space (`jetpack5.1`, `CUDA11.4`); other values may not.
        let glued = value == .version || value == .jetpack || value == .l4t
        let end = glued ? #"(?![A-Za-z_-])"# : #"(?![\w-])"#
        // After a slash, a name glued to a colon is an image reference (`nvidia/cuda:10.1-base`): the container's, not
        // the system's; a name after a slash with a space is a field (`Orin/JetPack 5.0.2`).
        let image = #"(?![^\s:]*:\S)"#
        // The first of "from X to Y" is a release left behind ("ported from L4T r32.4.3 to r32.6.1").
        let left = #"(?!(?<=\bfrom\s)[^,;!?\n]{0,40}?\s(?:to|->|→)\s)"#
        return #"(?<![\w.+-])(?:(?<!/)|"# + image + ")" + left + "(?:" + alternatives + ")" + end + separator
            + "(?<value>" + value.pattern + ")"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\^$.|?*+()[]{}/".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

extension FieldTable {
    /// Whether `line` holds what the pattern of field or shape `i` needs beyond its literals.
    func needsMet(_ i: Int, _ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for need in needs[i] where !need.containsAny(in: line) { return false }
        return true
    }
}
