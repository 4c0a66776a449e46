extension FactCatalogue {
    /// A kernel-log signal shipped in `Rules/*.yaml` (`signals:`), for the catalogue.
    package struct SignalSpec {
        package let name: String
        /// Attributed to a DLA instance (dla.*.log.S.* and log.S.other.count exist).
        package let perDLA: Bool
        /// Has an `unless` follow-up (log.S.benign.count exists).
        package let cancellable: Bool
        package let meaning: String
        /// Its lines name libraries (`log.S.libraries` exists: `analyze` lists them).
        package var listsLibraries = false
    }

    /// Where log facts come from: the live or recorded kernel log (`check`), or pasted kernel-log text (`analyze`).
    static let logSource = "/dev/kmsg | .nvdla-doctor/kmsg | analyze input"

    /// The signals the shipped rules declare; `rules lint` checks every declared signal is listed here.
    package static let signalSpecs: [SignalSpec] = [
        SignalSpec(
            name: "trt_no_dla_engine", perDLA: false, cancellable: false,
            meaning:
                "TensorRT finds no DLA: `condition: dlaEngineCount > 0`, `Cannot create DLA engine, N not available`"),
        SignalSpec(
            name: "trt_standalone_runtime", perDLA: false, cancellable: true,
            meaning: "TensorRT runtime refuses a `kDLA_STANDALONE` engine (benign when trtexec built it and passed)"),
        SignalSpec(
            name: "trt_not_a_plan", perDLA: false, cancellable: false,
            meaning: "`magicTag == rt::kPLAN_MAGIC_TAG` assertion: the engine file is not a TensorRT plan"),
        SignalSpec(
            name: "trt_dla_runtime_error", perDLA: false, cancellable: false,
            meaning: "`NVMEDIA_DLA : N, ERROR:`, `DLA Error in submit`, `Error Code 1: DLA (…)`, cuDLA load failures"),
        SignalSpec(
            name: "trt_builder_defect", perDLA: false, cancellable: false,
            meaning: "Known DLA builder assertions (`RegionType::kNVM`, `nvmediaTensorCache` capacity)"),
        SignalSpec(
            name: "trt_onnx_parse_failed", perDLA: false, cancellable: false,
            meaning: "ONNX parser: a node it cannot import (`While parsing node number N [Op]`, `In node N (fn): …`)"),
        SignalSpec(
            name: "trt_lfs_pointer", perDLA: false, cancellable: false,
            meaning: "ONNX parser reads a Git LFS pointer (`has no field named \"version\"`)"),
        SignalSpec(
            name: "trt_int8_no_calibration", perDLA: false, cancellable: false,
            meaning: "INT8 without calibration/dynamic ranges (`Calibrator is not being used`, missing scales)"),
        SignalSpec(
            name: "trt_unknown_device", perDLA: false, cancellable: false,
            meaning: "`checkMemLimit` assertion `Unknown embedded device detected` (TensorRT older than the module)"),
        SignalSpec(
            name: "trt_device_type_rejected", perDLA: false, cancellable: false,
            meaning: "`Parameter check failed at: …BuilderConfig.cpp::setDeviceType…`: the DLA device type was refused"),
        SignalSpec(
            name: "trt_standalone_not_all_dla", perDLA: false, cancellable: false,
            meaning: "A DLA-only build met a non-DLA layer (`forceToUseNvmIO`, `kDIRECT_IO … no conformant`, safe DLA)"),
        SignalSpec(
            name: "trt_no_implementation", perDLA: false, cancellable: false,
            meaning: "`Could not find any implementation for node …`: the builder found no tactic for a node"),
        SignalSpec(
            name: "trt_engine_version", perDLA: false, cancellable: false,
            meaning:
                "an engine serialized by another TensorRT release (`not compatible with this version`, version tags)"),
        SignalSpec(
            name: "container_runtime_missing", perDLA: false, cancellable: false,
            meaning: "docker cannot use the NVIDIA runtime (`unknown or invalid runtime name: nvidia`, cli init errors)"
        ),
        SignalSpec(
            name: "tensorrt_python_missing", perDLA: false, cancellable: false,
            meaning:
                "`No module named 'tensorrt'`, no `…/dist-packages/tensorrt`, no pip wheel: this Python has no TensorRT bindings"
        ),
        SignalSpec(
            name: "torch_cpu_only", perDLA: false, cancellable: false,
            meaning:
                "`Torch not compiled with CUDA enabled`, ONNX Runtime's `Specified provider 'CUDAExecutionProvider' is "
                + "not in available provider names`: a CPU-only wheel"),
        SignalSpec(
            name: "fused", perDLA: true, cancellable: false, meaning: "`NVDLA<N> IP is disabled in Fuse|Soft Fuse|SKU`"),
        SignalSpec(
            name: "probe_failed", perDLA: true, cancellable: false,
            meaning: "driver core `probe of <unit>.nvdla<N> failed with error`"),
        SignalSpec(
            name: "probe_ok", perDLA: true, cancellable: false,
            meaning: "nvdla probe success marker (`<unit>.nvdla<N>: initialized`)"),
        SignalSpec(
            name: "fw_load_failed", perDLA: false, cancellable: true,
            meaning: "DLA firmware load failure not followed by a subdirectory/successful load"),
        SignalSpec(
            name: "fw_version_mismatch", perDLA: true, cancellable: false,
            meaning: "`Fw version of kernel […] doesn't match with actual version[…]`"),
        SignalSpec(
            name: "falcon_boot_timeout", perDLA: true, cancellable: false,
            meaning: "falcon boot of the DLA microcontroller timed out"),
        SignalSpec(
            name: "engine_timeout", perDLA: true, cancellable: false, meaning: "DLA watchdog `engine timeout detected`"),
        SignalSpec(
            name: "command_failed", perDLA: true, cancellable: false,
            meaning: "DLA firmware rejected a command (`Command <n> failed`)"),
        SignalSpec(
            name: "dma_alloc_failed", perDLA: true, cancellable: false,
            meaning: "DMA allocation failures in the nvdla driver"),
        SignalSpec(
            name: "cma_alloc_failed", perDLA: false, cancellable: false,
            meaning: "`cma_alloc: … alloc failed, req-size: <n> pages, ret: <err>` (every kernel format)"),
        SignalSpec(
            name: "smmu_fault", perDLA: true, cancellable: false,
            meaning: "SMMU context fault / blocked stream ID / TLB sync timeout, by (SMMU, SID & 0x7f)"),
        SignalSpec(
            name: "mc_err", perDLA: true, cancellable: false,
            meaning: "`mc-err` memory-controller error naming a client"),
        SignalSpec(
            name: "syncpt_stuck", perDLA: true, cancellable: false,
            meaning: "host1x `syncpoint id <n> (<name>) stuck waiting`, by syncpoint name"),
        SignalSpec(
            name: "tegra_marker", perDLA: false, cancellable: false,
            meaning: "lines that only a Tegra/Jetson kernel prints (tegra, nvhost, nvmap, host1x, nvgpu)"),
        SignalSpec(
            name: "dla_lib_missing", perDLA: false, cancellable: false,
            meaning:
                "loader/linker: a DLA/TensorRT library not found (`cannot open shared object file`, `=> not found`, `needed by`, `file too short`)",
            listsLibraries: true),
        SignalSpec(
            name: "stack_lib_missing", perDLA: false, cancellable: false,
            meaning: "loader/linker: a CUDA, cuDNN, L4T, VPI or DeepStream library not found", listsLibraries: true),
        SignalSpec(
            name: "trt_dla_unsupported", perDLA: false, cancellable: false,
            meaning: "TensorRT: a layer is not supported on / will not run on the DLA (any release's wording)"),
        SignalSpec(
            name: "link_undefined", perDLA: false, cancellable: false,
            meaning:
                "linker: `undefined reference to` a symbol of a library other than the JetPack ones (libtorch, OpenCV…), or `DSO missing from command line`"
        ),
        SignalSpec(
            name: "trt_api_mismatch", perDLA: false, cancellable: false,
            meaning:
                "compiler or Python: code written for another TensorRT API (`not a member of 'nvinfer1::…'`, no attribute)"
        ),
        SignalSpec(
            name: "engine_node_unavailable", perDLA: false, cancellable: false,
            meaning:
                "NvMM/NvMedia could not open a multimedia engine's node (`Opening channel /dev/nvhost-nvdec failed`)"),
        SignalSpec(
            name: "cuda_driver_mismatch", perDLA: false, cancellable: false,
            meaning:
                "CUDA driver refusing code built for another CUDA (errors 35, 222, 804; `unsupported toolchain`; PyTorch's "
                + "`driver on your system is too old`)"),
        SignalSpec(
            name: "other_lib_missing", perDLA: false, cancellable: false,
            meaning: "loader/Python: a library outside JetPack could not be opened (`libcrypto.so.1.1: cannot open …`)",
            listsLibraries: true),
        SignalSpec(
            name: "trt_sm_unsupported", perDLA: false, cancellable: false,
            meaning:
                "TensorRT: `Target GPU SM N is not supported by this TensorRT release` (a build for another GPU), or pip's "
                + "`TensorRT does not currently build wheels for Tegra systems`"),
        SignalSpec(
            name: "cuda_no_kernel_image", perDLA: false, cancellable: false,
            meaning:
                "CUDA: `no kernel image is available for execution on the device` (a binary without code for this "
                + "GPU)"),
        SignalSpec(
            name: "jetpack_apt_unmet", perDLA: false, cancellable: false,
            meaning: "apt/dpkg: unmet dependencies of JetPack or L4T packages (`nvidia-jetpack : Depends: …`)"),
        SignalSpec(
            name: "jetpack_dpkg_failed", perDLA: false, cancellable: false,
            meaning: "dpkg: a JetPack or L4T package failed to unpack or configure (`error processing package …`)"),
        SignalSpec(
            name: "dla_link_undefined", perDLA: false, cancellable: false,
            meaning: "linker: `undefined reference to` symbols a JetPack library (TensorRT, cuPVA, NvMedia) needs"),
    ]

    /// Facts from the kernel log: the log's availability and every signal's counts and lines.
    static let logFacts: [FactSpec] =
        signalSpecs.flatMap { signal -> [FactSpec] in
            let base = "log.\(signal.name)"
            var specs = [
                FactSpec("\(base).count", .int, logSource, "Lines matching signal \(signal.name): \(signal.meaning)"),
                FactSpec(
                    "\(base).first", .string, logSource,
                    "First line of signal \(signal.name) (provenance: seq/timestamp)"),
                FactSpec("\(base).last", .string, logSource, "Last line of signal \(signal.name)"),
            ]
            if signal.listsLibraries {
                specs.append(
                    FactSpec(
                        "\(base).libraries", .string, logSource,
                        "Distinct libraries the lines of \(signal.name) name, first seen first (analyze)"))
            }
            if signal.cancellable {
                specs.append(
                    FactSpec(
                        "\(base).benign.count", .int, logSource,
                        "Matches of \(signal.name) made benign by a follow-up line"))
            }
            if signal.perDLA {
                specs += [
                    FactSpec(
                        "\(base).other.count", .int, logSource,
                        "Lines of \(signal.name) attributed to a client that is not a DLA"),
                    FactSpec(
                        "dla.*.\(base).count", .int, logSource,
                        "Lines of \(signal.name) attributed to this DLA instance"),
                    FactSpec(
                        "dla.*.\(base).first", .string, logSource, "First line of \(signal.name) for this DLA instance"),
                    FactSpec(
                        "dla.*.\(base).last", .string, logSource, "Last line of \(signal.name) for this DLA instance"),
                ]
            }
            return specs
        } + [
            FactSpec(
                "log.smmu_fault.first_client", .string, logSource,
                "The client the first SMMU fault names: SMMU instance and stream ID (cbfrsynra & 0x7f)"),
            FactSpec(
                "platform.jetson_evidence", .bool, "device tree | analyze input",
                "Something shows a Jetson/Tegra system (always true for check)"),
            FactSpec(
                "source.artifacts", .bool, "analyze", "The facts come from pasted artefacts (analyze), not a root"),
            FactSpec(
                "devnodes.from_listing", .bool, "analyze: ls -l /dev",
                "Device-node facts come from a pasted `ls -l` listing"),
            FactSpec(
                "clocks.nvpmodel.mode", .string, "nvpmodel -q | jetson_release | jetson_clocks --show",
                "Power mode name (MAXN, MODE_30W…)"),
            FactSpec("driver.module.listed", .bool, "analyze: lsmod", "nvhost_nvdla appears in a pasted lsmod"),
            FactSpec("memory.cma_total_kb", .int, "/proc/meminfo", "CmaTotal (kB)"),
            FactSpec("memory.cma_free_kb", .int, "/proc/meminfo", "CmaFree (kB)"),
        ]
}
