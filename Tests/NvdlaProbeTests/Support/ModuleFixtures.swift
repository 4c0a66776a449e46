import Foundation

/// Builds small ELF kernel-module files with a `.modinfo` section at test time (gcc), instead of committing
/// opaque binaries, and places them into copies of fixture scenarios.
enum ModuleFixtures {
    static let modulePath = "lib/modules/5.15.148-tegra/updates/drivers/video/tegra/host/nvdla/nvhost-nvdla.ko"
    static let loadedSrcversion = "BCB1FE5E19C50A0E60EB598"

    /// Compiles an object file whose `.modinfo` holds `fields` (`key=value`); returns its bytes, or nil without gcc.
    static func buildModule(_ fields: [String], in temp: TemporaryDirectory) -> Data? {
        var source = ""
        for (index, field) in fields.enumerated() {
            let escaped = field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "\"", with: "\\\"")
            source +=
                "__attribute__((section(\".modinfo\"), used, aligned(1))) static const char m\(index)[] = \"\(escaped)\";\n"
        }
        source += "int nvdla_placeholder_symbol(void) { return 0; }\n"
        let name = "mod-\(UUID().uuidString)"
        let sourceURL = temp.url.appendingPathComponent(name + ".c")
        let objectURL = temp.url.appendingPathComponent(name + ".o")
        guard (try? Data(source.utf8).write(to: sourceURL)) != nil else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gcc", "-c", sourceURL.path, "-o", objectURL.path]
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try? Data(contentsOf: objectURL)
    }

    static func fields(vermagic: String, srcversion: String) -> [String] {
        [
            "license=GPL v2", "depends=host1x,host1x-nvhost,nvmap", "name=nvhost_nvdla",
            "vermagic=\(vermagic) SMP preempt mod_unload modversions aarch64", "srcversion=\(srcversion)",
        ]
    }

    /// A copy of `scenario` with a module file built from `fields` at the modules.dep path.
    static func scenario(_ scenario: String, fields: [String], in temp: TemporaryDirectory) -> String? {
        guard let module = buildModule(fields, in: temp) else { return nil }
        let root = temp.copy(scenario: scenario)
        let file = URL(fileURLWithPath: root).appendingPathComponent(modulePath)
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard (try? module.write(to: file)) != nil else { return nil }
        return root
    }

    /// The module variants used for rule coverage: matching, built for another kernel, replaced after load.
    static func variants(in temp: TemporaryDirectory) -> [String] {
        [
            scenario(
                "jp6-agx-orin-64gb", fields: fields(vermagic: "5.15.148-tegra", srcversion: loadedSrcversion), in: temp),
            scenario(
                "jp6-agx-orin-module-not-loaded", fields: fields(vermagic: "5.15.136-tegra", srcversion: "0ABC"),
                in: temp),
            scenario(
                "jp6-agx-orin-64gb", fields: fields(vermagic: "5.15.148-tegra", srcversion: "D00D0000000000000000000"),
                in: temp),
        ].compactMap { $0 }
    }
}
