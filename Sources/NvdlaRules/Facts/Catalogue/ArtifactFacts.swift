extension FactCatalogue {
    /// Facts only `analyze` sets, from pasted text (`Data/fields.yaml`, Analyze/IdentityFacts.swift).
    static let artifactFacts: [FactSpec] = [
        FactSpec("container.l4t", .version, "analyze input", "L4T release of a container image named in the text"),
        FactSpec("container.tensorrt", .version, "analyze input", "TensorRT version of an l4t-tensorrt image tag"),
        FactSpec("container.image", .string, "analyze input", "The container image that tag belongs to"),
        FactSpec(
            "versions.jetpack_conflict", .bool, "analyze input",
            "A JetPack named in the text disagrees with the JetPack of the L4T release it shows"),
        FactSpec("versions.jetpack_stated", .version, "analyze input", "That JetPack, as named"),
        FactSpec(
            "versions.stated_only", .list, "analyze input",
            "Components (tensorrt, cuda, cudnn, kernel) whose version only a person's words give, not a tool's output"),
        FactSpec(
            "versions.stated_text", .string, "analyze input", "Those versions, as named (TensorRT 8.6, kernel 5.10)"),
        FactSpec("platform.foreign", .string, "analyze input", "What shows a system that is not a Jetson"),
        FactSpec(
            "platform.not_jetson", .bool, "analyze input | device tree",
            "The text shows a system that is not a Jetson (false: nothing shows that; always false for a Tegra root)"),
        FactSpec("platform.container_hint", .string, "analyze input", "What shows the text comes from a container"),
        FactSpec(
            "userspace.not_installed", .list, "analyze input",
            "JetPack components DLA work needs that a tool reported not installed (CUDA, cuDNN, TensorRT)"),
        FactSpec(
            "userspace.not_installed_count", .int, "analyze input",
            "How many of them; 0 when the text lists their versions instead"),
    ]
}
