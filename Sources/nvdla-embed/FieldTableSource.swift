import Yams

/// `Data/fields.yaml` decoded at build time and written as Swift that builds `FieldTable.Document`, so `analyze`
/// does not decode the YAML at every start.
///
/// Reads the schema of `FieldTable.Document` (NvdlaProbe/Analyze/FieldTable.swift): the same keys and types, decoded
/// here because this tool cannot see NvdlaProbe. A key added there and not here fails the build (the generated
/// initialiser misses an argument), and a test compares the embedded document with the one decoded from the YAML.
enum FieldTableSource {
    struct Field: Decodable {
        let fact: String
        let names: [String]
        let value: String
        let rank: Int?
    }

    struct Shape: Decodable {
        let id: String
        let literals: [String]
        let match: String
        let set: [String: String]?
        let package: Bool?
        let assemble: String?
        let opens: String?
        let closes: String?
        let alternatives: Bool?
        let rank: Int
        let machine: Bool?
        let personal: Bool?
        let released: Bool?
    }

    struct Section: Decodable {
        let section: String
        let command: String
        let fact: String
        let value: String
        let rank: Int
    }

    struct Package: Decodable {
        let match: String
        let fact: String
        let version: String?
        let name: String?
        let rank: Int
    }

    struct Board: Decodable {
        let name: String
        let display: String?
        let soc: String
        let dla: Int?
        let memory: [String: Int]?
        let also: [String]?
    }

    struct Document: Decodable {
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
        let power_modes: [String: String]?
    }

    /// The Swift of `EmbeddedFieldTable`: the decoded document, or nil when `yaml` does not decode (the binary then
    /// decodes the embedded text at run time and reports the error as before).
    static func source(yaml: String?) -> String {
        var out =
            "\n/// `Data/fields.yaml`, decoded at build time (nil when it did not decode: it is then decoded at run time).\n"
        out += "enum EmbeddedFieldTable {\n    static let document: FieldTable.Document? = "
        guard let yaml, let document = try? YAMLDecoder().decode(Document.self, from: yaml) else {
            return out + "nil\n}\n"
        }
        out += "FieldTable.Document(\n"
        out += "        schema: \(document.schema),\n        fields: [\n"
        for f in document.fields {
            out += "            FieldTable.Field(fact: \(s(f.fact)), names: \(list(f.names)), value: .\(f.value), "
            out += "rank: \(optional(f.rank))),\n"
        }
        out += "        ],\n        shapes: [\n"
        for x in document.shapes {
            out += "            FieldTable.Shape(\n                id: \(s(x.id)), literals: \(list(x.literals)), "
            out +=
                "match: \(s(x.match)),\n                set: \(x.set.map(map) ?? "nil"), package: \(optional(x.package)), "
            out += "assemble: \(x.assemble.map(s) ?? "nil"), opens: \(x.opens.map(s) ?? "nil"), "
            out += "closes: \(x.closes.map(s) ?? "nil"),\n                alternatives: \(optional(x.alternatives)), "
            out += "rank: \(x.rank), machine: \(optional(x.machine)), personal: \(optional(x.personal)),\n"
            out += "                released: \(optional(x.released))),\n"
        }
        out += "        ],\n        sections: [\n"
        for x in document.sections {
            out +=
                "            FieldTable.Section(section: \(s(x.section)), command: \(s(x.command)), fact: \(s(x.fact)), "
            out += "value: .\(x.value), rank: \(x.rank)),\n"
        }
        out += "        ],\n        packages: [\n"
        for x in document.packages {
            out += "            FieldTable.Package(match: \(s(x.match)), fact: \(s(x.fact)), "
            out +=
                "version: \(x.version.map { "." + $0 } ?? "nil"), name: \(x.name.map(s) ?? "nil"), rank: \(x.rank)),\n"
        }
        out += "        ],\n        boards: [\n"
        for x in document.boards {
            out += "            FieldTable.Board(name: \(s(x.name)), display: \(x.display.map(s) ?? "nil"), "
            out += "soc: \(s(x.soc)), dla: \(optional(x.dla)), "
            out += "memory: \(x.memory.map(intMap) ?? "nil"), also: \(x.also.map(list) ?? "nil")),\n"
        }
        out += "        ],\n"
        out += "        cuda_arch: \(map(document.cuda_arch)),\n        chip_ids: \(map(document.chip_ids)),\n"
        out += "        board_configs: \(map(document.board_configs)),\n        soc_dla: \(intMap(document.soc_dla)),\n"
        out += "        module_socs: \(map(document.module_socs)),\n        gpu_archs: \(map(document.gpu_archs)),\n"
        out += "        jetson_socs: \(list(document.jetson_socs)),\n"
        out += "        power_modes: \(document.power_modes.map(map) ?? "nil"))\n}\n"
        return out
    }

    static func s(_ text: String) -> String { SwiftSource.string(text) }
    static func list(_ items: [String]) -> String { "[" + items.map(s).joined(separator: ", ") + "]" }
    static func optional<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "nil" }
    static func map(_ entries: [String: String]) -> String { dictionary(entries, s) }
    static func intMap(_ entries: [String: Int]) -> String { dictionary(entries) { "\($0)" } }
    /// A dictionary literal with its keys sorted, so the generated file is the same on every build.
    static func dictionary<V>(_ entries: [String: V], _ value: (V) -> String) -> String {
        entries.isEmpty
            ? "[:]"
            : "["
                + entries.sorted { $0.key < $1.key }.map { "\(s($0.key)): \(value($0.value))" }.joined(separator: ", ")
                + "]"
    }
}
