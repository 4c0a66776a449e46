/// L4T releases and the software stack NVIDIA ships with each (OE4T/meta-tegra recipes per L4T branch; jetson_stats `NVIDIA_JETPACK`).
///
/// Sources: jetson_stats `NVIDIA_JETPACK` (L4T → JetPack), OE4T/meta-tegra recipes (kernel, CUDA, cuDNN,
/// TensorRT). Releases not listed are matched by family (`36.4`, then `36`).
public enum ReleaseTable {
    public struct Release: Sendable, Equatable {
        public let l4t: String
        public let jetpack: String
        public let kernelSeries: String
        public let cudaMajor: Int
        public let cudnnMajor: Int
        public let tensorrtMajor: Int
    }

    public static let releases: [Release] = [
        Release(l4t: "32.6.1", jetpack: "4.6", kernelSeries: "4.9", cudaMajor: 10, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "32.7.1", jetpack: "4.6.1", kernelSeries: "4.9", cudaMajor: 10, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "32.7.2", jetpack: "4.6.2", kernelSeries: "4.9", cudaMajor: 10, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "32.7.3", jetpack: "4.6.3", kernelSeries: "4.9", cudaMajor: 10, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "32.7.4", jetpack: "4.6.4", kernelSeries: "4.9", cudaMajor: 10, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "32.7.5", jetpack: "4.6.5", kernelSeries: "4.9", cudaMajor: 10, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "32.7.6", jetpack: "4.6.6", kernelSeries: "4.9", cudaMajor: 10, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "35.1.0", jetpack: "5.0.2", kernelSeries: "5.10", cudaMajor: 11, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "35.2.1", jetpack: "5.1", kernelSeries: "5.10", cudaMajor: 11, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "35.3.1", jetpack: "5.1.1", kernelSeries: "5.10", cudaMajor: 11, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "35.4.1", jetpack: "5.1.2", kernelSeries: "5.10", cudaMajor: 11, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "35.5.0", jetpack: "5.1.3", kernelSeries: "5.10", cudaMajor: 11, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "35.6.0", jetpack: "5.1.4", kernelSeries: "5.10", cudaMajor: 11, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "35.6.1", jetpack: "5.1.5", kernelSeries: "5.10", cudaMajor: 11, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "35.6.2", jetpack: "5.1.5", kernelSeries: "5.10", cudaMajor: 11, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "35.6.3", jetpack: "5.1.5", kernelSeries: "5.10", cudaMajor: 11, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "35.6.4", jetpack: "5.1.6", kernelSeries: "5.10", cudaMajor: 11, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "36.2.0", jetpack: "6.0 DP", kernelSeries: "5.15", cudaMajor: 12, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "36.3.0", jetpack: "6.0", kernelSeries: "5.15", cudaMajor: 12, cudnnMajor: 8, tensorrtMajor: 8),
        Release(l4t: "36.4.0", jetpack: "6.1", kernelSeries: "5.15", cudaMajor: 12, cudnnMajor: 9, tensorrtMajor: 10),
        Release(l4t: "36.4.2", jetpack: "6.1", kernelSeries: "5.15", cudaMajor: 12, cudnnMajor: 9, tensorrtMajor: 10),
        Release(l4t: "36.4.3", jetpack: "6.2", kernelSeries: "5.15", cudaMajor: 12, cudnnMajor: 9, tensorrtMajor: 10),
        Release(l4t: "36.4.4", jetpack: "6.2.1", kernelSeries: "5.15", cudaMajor: 12, cudnnMajor: 9, tensorrtMajor: 10),
        Release(l4t: "36.4.7", jetpack: "6.2.1", kernelSeries: "5.15", cudaMajor: 12, cudnnMajor: 9, tensorrtMajor: 10),
        Release(l4t: "36.5.0", jetpack: "6.2.2", kernelSeries: "5.15", cudaMajor: 12, cudnnMajor: 9, tensorrtMajor: 10),
    ]

    /// The exact release, if listed.
    public static func exact(_ l4t: String) -> Release? {
        releases.first { VersionCompare.compare($0.l4t, l4t) == 0 }
    }

    /// The newest listed release of the same family: same major.minor first, then same major.
    public static func family(_ l4t: String) -> Release? {
        guard let parts = VersionCompare.components(l4t), let major = parts.first else { return nil }
        let sameMinor = releases.filter {
            let c = VersionCompare.components($0.l4t) ?? []
            return c.count >= 2 && parts.count >= 2 && c[0] == major && c[1] == parts[1]
        }
        if let newest = sameMinor.last { return newest }
        let sameMajor = releases.filter { VersionCompare.components($0.l4t)?.first == major }
        // Prefer the nearest older release of the major, else its newest.
        let older = sameMajor.filter { (VersionCompare.compare($0.l4t, l4t) ?? 1) <= 0 }
        return older.last ?? sameMajor.last
    }

    /// JetPack major for an L4T major (`32` → 4, `35` → 5, `36` → 6).
    public static func jetpackMajor(l4tMajor: Int) -> Int? {
        switch l4tMajor {
        case 32: return 4
        case 34, 35: return 5
        case 36: return 6
        case 38, 39: return 7
        default: return nil
        }
    }
}
