import Foundation
import Testing

/// What a newcomer meets on the command line: the per-area line, locale and colour, `--facts` where it does
/// nothing, bundle names and `-o -`, `unpack`'s summary, non-Jetson roots, permission problems, completions.
@Suite("Output for people")
struct OutputForPeopleTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("people-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("check opens with one mark per area; LC_ALL=C gives the same report in ASCII")
    func areaLineAndLocale() throws {
        let root = "Tests/FakeSysfs/jp6-agx-orin-unbound"
        let utf8 = try Binary.run(["check", "--root", root])
        let lines = utf8.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines[2]
                == "  ✓ platform  ✗ driver  ✓ nodes  ✓ device tree  ✓ memory  ✓ smmu  ✓ clocks  ✓ power  ✗ firmware  ✓ versions"
        )
        #expect(lines[3].isEmpty)
        let ascii = try Binary.run(["check", "--root", root], environment: ["LC_ALL": "C"])
        #expect(ascii.status == utf8.status)
        #expect(ascii.stdout.utf8.allSatisfy { $0 < 0x80 }, "non-ASCII under LC_ALL=C")
        #expect(ascii.stdout.contains("  ok platform  X driver  ok nodes"))
        #expect(ascii.stdout.contains("device tree okay -> bound nvdla -> nvhost-ctrl-nvdla1"))
        // LANG alone decides when LC_ALL and LC_CTYPE are empty.
        let lang = try Binary.run(
            ["check", "--root", root], environment: ["LC_ALL": "", "LC_CTYPE": "", "LANG": "en_US.UTF-8"])
        #expect(lang.stdout == utf8.stdout)
        // JSON stays UTF-8 whatever the locale: it is read by programs.
        let json = try Binary.run(["check", "--root", root, "--format", "json"], environment: ["LC_ALL": "C"])
        #expect(json.stdout == (try Binary.run(["check", "--root", root, "--format", "json"])).stdout)
    }

    @Test("explain, diff and analyze speak ASCII under LC_ALL=C too")
    func asciiElsewhere() throws {
        let ids = try Binary.run(["rules", "list"]).stdout.split(separator: "\n").compactMap {
            $0.hasPrefix("NVDLA-") ? String($0.split(separator: " ")[0]) : nil
        }
        #expect(ids.count > 70)
        for id in ids {
            let explain = try Binary.run(["explain", id], environment: ["LC_ALL": "C"])
            #expect(explain.status == 0 && explain.stdout.utf8.allSatisfy { $0 < 0x80 }, "explain \(id)")
        }
        let diff = try Binary.run(
            ["diff", "Tests/FakeSysfs/jp6-agx-orin-64gb", "Tests/FakeSysfs/jp6-agx-orin-unbound"],
            environment: ["LC_ALL": "C"])
        #expect(diff.status == 2 && diff.stdout.utf8.allSatisfy { $0 < 0x80 })
        let analyze = try Binary.run(
            ["analyze", "Tests/RealSamples/001-yolo11-agx-orin-dla-validation-split.txt"], environment: ["LC_ALL": "C"])
        #expect(analyze.stdout.contains("Shuffle x7") && !analyze.stdout.contains("×"))
    }

    /// Runs `nvdla-doctor ARGS` on a pseudo-terminal (script(1)) with `environment`, returns what it printed.
    static func onTerminal(_ arguments: [String], environment: [String: String]) throws -> String {
        let command = ([Binary.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let result = try ChildProcess.run(
            "/usr/bin/script", ["-qec", command, "/dev/null"], environment: environment, timeout: 60)
        return result.stdout
    }

    @Test("colour on a terminal; none with NO_COLOR set, TERM=dumb; an empty NO_COLOR is unset")
    func colour() throws {
        let arguments = ["check", "--root", "Tests/FakeSysfs/jp6-agx-orin-unbound"]
        let escape = "\u{1B}["
        #expect(try Self.onTerminal(arguments, environment: ["NO_COLOR": "", "TERM": "xterm"]).contains(escape))
        #expect(!(try Self.onTerminal(arguments, environment: ["NO_COLOR": "1", "TERM": "xterm"]).contains(escape)))
        #expect(!(try Self.onTerminal(arguments, environment: ["NO_COLOR": "", "TERM": "dumb"]).contains(escape)))
        // Off a terminal there is no colour whatever the environment.
        let piped = try Binary.run(arguments, environment: ["NO_COLOR": "", "TERM": "xterm"])
        #expect(!piped.stdout.contains(escape))
    }

    @Test("--facts says where it does nothing, and is quiet where it works")
    func factsNotice() throws {
        let root = "Tests/FakeSysfs/jp6-agx-orin-64gb"
        let text = try Binary.run(["check", "--root", root, "--facts"])
        #expect(text.status == 0)
        #expect(text.stderr.contains("--facts adds the fact table to JSON output only"))
        #expect(text.stdout == (try Binary.run(["check", "--root", root])).stdout)
        let prometheus = try Binary.run(["check", "--root", root, "--facts", "--format", "prometheus"])
        #expect(prometheus.stderr.contains("--format prometheus"))
        let json = try Binary.run(["check", "--root", root, "--facts", "--format", "json"])
        #expect(json.stderr.isEmpty && json.stdout.contains("\"facts\""))
        let analyze = try Binary.run([
            "analyze", "--facts", "Tests/RealSamples/044-agx-orin-64gb-maxn-jetson-clocks-and-tegrastats.txt",
        ])
        #expect(analyze.stderr.contains("--facts adds the fact table to JSON output only"))
    }

    @Test("bundle: default name nvdla-doctor-<host>-<date>.tar.gz in the current directory; -o - to stdout")
    func bundleNames() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = Binary.packageRoot.appendingPathComponent("Tests/FakeSysfs/jp6-agx-orin-unbound").path
        let before = Self.today()
        let plain = try Binary.run(["bundle", "--root", scenario, "--no-redact"], directory: dir)
        let after = Self.today()
        #expect(plain.status == 0, "\(plain.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let expected = ["nvdla-doctor-agx-orin-\(before).tar.gz", "nvdla-doctor-agx-orin-\(after).tar.gz"]
        #expect(names.count == 1 && expected.contains(names[0]), "\(names)")
        // Redacted (the default): the host part is its token, so the name does not give the host away.
        let redacted = try Binary.run(["bundle", "--root", scenario], directory: dir)
        #expect(redacted.status == 0, "\(redacted.stderr)")
        let all = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(all.contains { $0.hasPrefix("nvdla-doctor-host-1-") && $0.hasSuffix(".tar.gz") })
        #expect(all.contains { $0.hasPrefix("nvdla-doctor-host-1-") && $0.hasSuffix(".tar.gz.map.json") })
        #expect(!all.contains { $0.contains("agx-orin") && $0.contains("map") })
        // -o -: the archive on stdout (gzip), messages on stderr, the map beside the default name.
        let piped = try Binary.run(["bundle", "--root", scenario, "-o", "-"], directory: dir)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdoutData.prefix(2) == Data([0x1F, 0x8B]))
        #expect(piped.stderr.contains("wrote standard output"))
        let archive = dir.appendingPathComponent("piped.tar.gz")
        try piped.stdoutData.write(to: archive)
        let check = try Binary.run(["check", "--root", archive.path])
        #expect(check.status == 2 && check.stdout.contains("NVDLA-DRV-001"))
        #expect(
            FileManager.default.fileExists(
                atPath: dir.appendingPathComponent(
                    "nvdla-doctor-host-1-\(Self.today()).map.json"
                ).path) || before != after)
        // Not a .tar.gz and not -: a usage error, nothing written.
        let bad = try Binary.run(["bundle", "--root", scenario, "-o", "x.zip"], directory: dir)
        #expect(bad.status == 64 && bad.stderr.contains("-o must name a .tar.gz file"))
    }

    static func today() -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    @Test("a root that is not a Jetson: a warning and exit 3, for check in every format and for bundle")
    func notAJetson() throws {
        let root = "Tests/FakeSysfs/non-jetson"
        let text = try Binary.run(["check", "--root", root])
        #expect(text.status == 3 && text.stdout.contains("No NVIDIA Tegra SoC found"))
        for format in ["json", "prometheus"] {
            let result = try Binary.run(["check", "--root", root, "--format", format])
            #expect(result.status == 3)
            #expect(result.stderr.hasPrefix("nvdla-doctor: warning: No NVIDIA Tegra SoC found"), "\(format)")
        }
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundle = try Binary.run(["bundle", "--root", root, "-o", dir.appendingPathComponent("n.tar.gz").path])
        #expect(bundle.status == 3)
        #expect(bundle.stderr.contains("warning: No NVIDIA Tegra SoC found"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("n.tar.gz").path))
    }

    @Test("unpack prints a summary for people; the stored JSON only with --format json")
    func unpackSummary() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = dir.appendingPathComponent("b.tar.gz").path
        #expect(
            try Binary.run(["bundle", "--root", "Tests/FakeSysfs/jp6-agx-orin-unbound", "-o", archive]).status == 0)
        let text = try Binary.run(["unpack", archive, dir.appendingPathComponent("t").path])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("At capture (nvdla-doctor "))
        #expect(text.stdout.contains("status error · 2 errors"))
        #expect(
            text.stdout.contains("  error    NVDLA-DRV-001  dla0: DLA enabled in the device tree but no driver bound"))
        #expect(text.stdout.contains("nvdla-doctor check --root \(dir.appendingPathComponent("t").path)"))
        #expect(!text.stdout.contains("{"))
        let json = try Binary.run(["unpack", "--format", "json", archive, dir.appendingPathComponent("j").path])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["status"] as? String == "error")
    }

    @Test("a root only its owner can read is a permission problem, not 'not a Tegra'")
    func permission() throws {
        let dir = try Self.temporaryDirectory()
        defer {
            chmod(dir.appendingPathComponent("root").path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let root = dir.appendingPathComponent("root").path
        try FileManager.default.copyItem(
            atPath: Binary.packageRoot.appendingPathComponent("Tests/FakeSysfs/jp6-agx-orin-64gb").path, toPath: root)
        let result: ChildProcess.Result
        if geteuid() == 0 {
            // root reads everything: run as nobody, with the tree owned by root and private to it.
            chmod(dir.path, 0o755)
            chmod(root, 0o700)
            result = try ChildProcess.run(
                "/usr/bin/setpriv",
                ["--reuid=65534", "--regid=65534", "--clear-groups", Binary.url.path, "check", "--root", root])
        } else {
            chmod(root, 0o000)
            result = try ChildProcess.run(Binary.url.path, ["check", "--root", root])
        }
        #expect(result.status == 3)
        #expect(result.stderr.contains("\(root): permission denied"), "\(result.stderr)")
        #expect(!result.stdout.contains("No NVIDIA Tegra SoC"))
    }

    @Test("completions: rule IDs for explain, areas for --area, files and directories for paths")
    func completions() throws {
        let ids = try Binary.run([
            "---completion", "explain", "--", "positional@0", "2", "9", "nvdla-doctor", "explain", "NVDLA-CLK",
        ])
        #expect(
            ids.stdout.split(separator: "\n") == [
                "NVDLA-CLK-001", "NVDLA-CLK-002", "NVDLA-CLK-003", "NVDLA-CLK-004", "NVDLA-CLK-101",
            ])
        let lower = try Binary.run([
            "---completion", "explain", "--", "positional@0", "2", "8", "nvdla-doctor", "explain", "nvdla-fw",
        ])
        #expect(lower.stdout.contains("NVDLA-FW-001"))
        for shell in ["bash", "zsh", "fish"] {
            let script = try Binary.run(["--generate-completion-script", shell]).stdout
            #expect(script.contains("---completion explain"), "\(shell): rule IDs")
            #expect(script.contains("devnodes") && script.contains("devicetree"), "\(shell): --area values")
        }
        let bash = try Binary.run(["--generate-completion-script", "bash"]).stdout
        #expect(bash.contains("'--rules')\n        __nvdla-doctor_add_completions -d"), "directories for --rules")
    }
}

/// The JSON contract carries the TensorRT placement summary (Docs/output-schema.md, `tensorrt`).
@Suite("TensorRT summary in JSON")
struct TensorRTJSONTests {
    @Test("analyze of a TensorRT log puts the placement summary in JSON without --facts; check has none")
    func placement() throws {
        let sample = "Tests/RealSamples/001-yolo11-agx-orin-dla-validation-split.txt"
        let result = try Binary.run(["analyze", "--format", "json", sample])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["facts"] == nil)
        let trt = try #require(object["tensorrt"] as? [String: Any])
        #expect(trt["placement"] as? String == "split")
        #expect(trt["dlaRequested"] as? Bool == true)
        #expect((trt["dla"] as? [String: Any])?["subgraphs"] as? Int == 2)
        #expect((trt["gpu"] as? [String: Any])?["layers"] as? Int == 9)
        let fallback = try #require(trt["fallback"] as? [String: Any])
        #expect(fallback["count"] as? Int == 5)
        #expect((fallback["reasons"] as? [String])?.contains("layer or operation not supported on DLA") == true)
        #expect(trt["runs"] == nil, "no trtexec run header in this log")
        #expect(trt["version"] == nil, "the log names no version: omitted, not guessed")
        // The text report says the same.
        let text = try Binary.run(["analyze", sample]).stdout
        #expect(text.contains("fallback: 5 layer(s) switched to GPU"))
        let check = try Binary.run(["check", "--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "--format", "json"])
        #expect(!check.stdout.contains("\"tensorrt\""))
        let kernelLog = try Binary.run([
            "analyze", "--format", "json", "Tests/RealSamples/052-raspberrypi-cma-alloc-failed-not-jetson.txt",
        ])
        #expect(!kernelLog.stdout.contains("\"tensorrt\""), "no TensorRT output, no summary")
    }
}
