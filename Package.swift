// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nvdla-doctor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nvdla-doctor", targets: ["nvdla-doctor"]),
        .library(name: "NvdlaProbe", targets: ["NvdlaProbe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CUdev", pkgConfig: "libudev",
            providers: [.apt(["libudev-dev"])]),
        .systemLibrary(
            name: "CElf", pkgConfig: "libelf",
            providers: [.apt(["libelf-dev"])]),
        .systemLibrary(
            name: "CPcre2", pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(
            name: "CArchive", pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(
            name: "CSystemd", pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]),
        // openat2(2) through syscall(2) and the async-signal-safe termination handler.
        .target(name: "CLinux"),
        // The rule language (model, decoder, lint, fact catalogue): shared by the build tool that compiles the
        // shipped rules and by NvdlaProbe, which decodes site rules at run time.
        .target(
            name: "NvdlaRules",
            dependencies: ["CPcre2", .product(name: "Yams", package: "Yams")]),
        // Build tool: decodes and lints Rules/*.yaml, decodes Data/fields.yaml, and writes them, Docs/remedies/*.md and
        // Data/** as Swift.
        .executableTarget(
            name: "nvdla-embed", dependencies: ["NvdlaRules", .product(name: "Yams", package: "Yams")]),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["nvdla-embed"]),
        .target(
            name: "NvdlaProbe",
            dependencies: [
                "NvdlaRules", "CUdev", "CElf", "CPcre2", "CArchive", "CSystemd", "CLinux",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Embedded/ holds links to Rules/, Docs/remedies/ and Data/ so SwiftPM re-runs the plugin when a file is
            // added there or removed (Sources/NvdlaProbe/Embedded/README.md).
            exclude: ["Embedded"],
            plugins: ["EmbedResources"]),
        .executableTarget(
            name: "nvdla-doctor",
            dependencies: [
                "NvdlaProbe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Micro-benchmarks (CMA bitmap scan, clk_summary parse); not part of the test suite.
        .executableTarget(name: "nvdla-bench", dependencies: ["NvdlaProbe"], path: "Benchmarks/Micro"),
        .testTarget(name: "NvdlaProbeTests", dependencies: ["NvdlaProbe"], exclude: ["Bundle/make_hostile.py"]),
        .testTarget(
            name: "NvdlaDoctorTests", dependencies: ["NvdlaProbe", "nvdla-doctor", "nvdla-embed"], exclude: ["Goldens"]),
    ],
    swiftLanguageModes: [.v6]
)
