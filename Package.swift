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
        .target(
            name: "NvdlaProbe",
            dependencies: [
                "CUdev", "CElf", "CPcre2", "CArchive", "CSystemd", "CLinux",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]),
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
            name: "NvdlaDoctorTests", dependencies: ["NvdlaProbe", "nvdla-doctor"], exclude: ["Goldens"]),
    ],
    swiftLanguageModes: [.v6]
)
