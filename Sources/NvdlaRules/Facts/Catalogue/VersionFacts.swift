extension FactCatalogue {
    /// Facts of the `versions` area (VersionsProbe, artefact recognisers).
    static let versionFacts: [FactSpec] = [
        FactSpec("versions.l4t", .version, "/etc/nv_tegra_release", "L4T release (36.4.3)"),
        FactSpec("versions.l4t_major", .int, "/etc/nv_tegra_release", "L4T major (R36 → 36)"),
        FactSpec("versions.l4t_board", .string, "/etc/nv_tegra_release", "BOARD field (t186ref, generic)"),
        FactSpec("versions.kernel_variant", .string, "/etc/nv_tegra_release", "KERNEL_VARIANT (oot) or builtin"),
        FactSpec("versions.l4t_known", .bool, "/etc/nv_tegra_release", "The L4T release is in the release table"),
        FactSpec(
            "versions.jetpack", .version, "/etc/nv_tegra_release",
            "JetPack release: the table's for a known L4T release, else the nvidia-jetpack package's"),
        FactSpec("versions.jetpack_major", .int, "/etc/nv_tegra_release", "JetPack major for the L4T family"),
        FactSpec("versions.reference_l4t", .version, "/etc/nv_tegra_release", "Nearest known L4T release"),
        FactSpec("versions.reference_jetpack", .version, "/etc/nv_tegra_release", "JetPack of the nearest release"),
        FactSpec("versions.expected.kernel_series", .string, "Data/releases.yaml", "Kernel series L4T ships (5.15)"),
        FactSpec("versions.expected.cuda_major", .int, "Data/releases.yaml", "CUDA major L4T ships"),
        FactSpec("versions.expected.cudnn_major", .int, "Data/releases.yaml", "cuDNN major L4T ships"),
        FactSpec("versions.expected.tensorrt_major", .int, "Data/releases.yaml", "TensorRT major L4T ships"),
        FactSpec("versions.expected.cuda", .version, "Data/releases.yaml", "CUDA version L4T ships"),
        FactSpec("versions.expected.cudnn", .version, "Data/releases.yaml", "cuDNN version L4T ships"),
        FactSpec("versions.expected.tensorrt", .version, "Data/releases.yaml", "TensorRT version L4T ships"),
        FactSpec(
            "versions.cuda_upgrades", .bool, "release table",
            "NVIDIA supports a newer CUDA major on this L4T major (JetPack 5 and later)"),
        FactSpec(
            "versions.tensorrt_dla", .bool, "release table",
            "The installed TensorRT drives the DLA on this JetPack and module"),
        FactSpec("versions.tensorrt_dla_reason", .string, "Data/releases.yaml", "Why the TensorRT does or does not"),
        FactSpec(
            "versions.reference_differences", .int, "release table",
            "Unknown release: components differing from the nearest known release"),
        FactSpec(
            "versions.reference_difference_list", .string, "Data/releases.yaml", "Those differences, in words"),
        FactSpec("versions.dpkg_present", .bool, "/var/lib/dpkg/status", "The dpkg database exists"),
        FactSpec("versions.pkg.l4t_core", .version, "/var/lib/dpkg/status", "nvidia-l4t-core version (L4T part)"),
        FactSpec("versions.pkg.l4t_firmware", .version, "/var/lib/dpkg/status", "nvidia-l4t-firmware (L4T part)"),
        FactSpec("versions.pkg.jetpack", .version, "/var/lib/dpkg/status", "nvidia-jetpack meta-package version"),
        FactSpec("versions.pkg.dla_compiler", .version, "/var/lib/dpkg/status", "nvidia-l4t-dla-compiler version"),
        FactSpec("versions.kernel_release", .string, "/proc/sys/kernel/osrelease", "Running kernel release"),
        FactSpec("versions.kernel_series", .string, "/proc/sys/kernel/osrelease", "Kernel major.minor (5.15)"),
        FactSpec("versions.tensorrt", .version, "/usr/include/aarch64-linux-gnu/NvInferVersion.h", "TensorRT version"),
        FactSpec("versions.tensorrt_major", .int, "/usr/include/aarch64-linux-gnu/NvInferVersion.h", "TensorRT major"),
        FactSpec("versions.cudnn", .version, "/usr/include/cudnn_version.h", "cuDNN version"),
        FactSpec("versions.cudnn_major", .int, "/usr/include/cudnn_version.h", "cuDNN major"),
        FactSpec("versions.cuda", .version, "/usr/local/cuda/version.json", "CUDA toolkit version"),
        FactSpec("versions.cuda_major", .int, "/usr/local/cuda/version.json", "CUDA major"),
    ]
}
