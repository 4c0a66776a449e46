import Testing

@testable import NvdlaProbe

/// The board as L4T and its flashing tools record it (flash.sh's EEPROM line, /etc/nv_boot_control.conf, the chip
/// id in hexadecimal), other architectures' library directories, and linker errors about the link line. Wordings
/// written for these tests, with other boards and releases than the corpus holds.
@Suite("Board records, library directories and link lines")
struct BoardRecordTests {
    static func analyze(_ text: String) -> Report { ArtifactAnalysisTests.analyze(text) }
    static func ids(_ report: Report) -> [String] { ArtifactAnalysisTests.ids(report) }

    @Test(
        "flash.sh's EEPROM line names the module when it has a SKU",
        arguments: [
            (
                "[   3.77 ]\nBoard ID(3668) version(301) sku(0001) revision(G.0)\ncopying bctfile", "p3668-0001",
                "tegra194"
            ),
            (
                "Board ID(3767) version(300) sku(0005) revision(K.2)\nChip SKU(00:00:00:D5) ramcode(00:00:00:02)",
                "p3767-0005",
                "tegra234"
            ),
            ("Board ID(2888) version(400) sku(0004) revision(L.0)", "p2888-0004", "tegra194"),
        ])
    func flashBoardLine(_ text: String, _ module: String, _ soc: String) {
        let report = Self.analyze(text)
        #expect(report.facts.string("platform.module") == module)
        #expect(report.platform.soc == soc)
    }

    @Test("a Jetson Nano's EEPROM line has no SKU and names no module")
    func flashBoardLineWithoutSku() {
        let report = Self.analyze(
            "tegrarcm --reboot recovery\nBoard ID(3448) version(402)\ncopying bctfile(x.cfg)... done.")
        #expect(report.facts.string("platform.module") == nil)
    }

    @Test("/etc/nv_boot_control.conf: TNSPEC names the module, TEGRA_CHIPID the SoC")
    func bootControl() {
        let report = Self.analyze(
            """
            ubuntu@rover:~$ cat /etc/nv_boot_control.conf
            TNSPEC 3701-500-0005-A.0-1-0-cti-orin-agx-agx201-00-
            COMPATIBLE_SPEC 3701-300-0005--1--cti-orin-agx-agx201-00-
            TEGRA_CHIPID 0x23
            TEGRA_OTA_BOOT_DEVICE /dev/mtdblock0
            """)
        #expect(report.facts.string("platform.module") == "p3701-0005")
        #expect(report.platform.soc == "tegra234")
        #expect(report.platform.dlaExpected == 2)
    }

    @Test(
        "the chip id in hexadecimal names the SoC; an unknown id names none",
        arguments: [
            ("TEGRA_CHIPID 0x19", "tegra194"),
            ("[  10.6822 ] tegrarcm_v2 --chip 0x23 0 --reboot recovery", "tegra234"),
            ("[   0.0155 ] tegrarcm_v2 --chip 0x18 --rcm rcm_list_signed.xml", "tegra186"),
        ])
    func hexChipId(_ text: String, _ soc: String) {
        #expect(Self.analyze(text).platform.soc == soc)
    }

    @Test("a chip id the table does not know names no SoC")
    func unknownHexChipId() {
        #expect(Self.analyze("TEGRA_CHIPID 0x40").platform.soc == nil)
    }

    @Test(
        "a library directory of another architecture says the text is not from a Jetson",
        arguments: [
            (
                "$ ldd ./detector\n\tlibnvinfer.so.8 => /usr/lib/x86_64-linux-gnu/libnvinfer.so.8 (0x00007f3c1a200000)",
                "an x86_64 system"
            ),
            (
                "Traceback (most recent call last):\n  File \"run.py\", line 3, in <module>\n    import tensorrt\nImportError: /lib/i386-linux-gnu/libm.so.6: version `GLIBC_2.38' not found",
                "an i386 system"
            ),
        ])
    func otherMultiarch(_ text: String, _ foreign: String) {
        let report = Self.analyze(text)
        #expect(report.facts.bool("platform.not_jetson") == true)
        #expect(report.facts.string("platform.foreign")?.hasPrefix(foreign) == true)
        #expect(Self.ids(report).contains("NVDLA-PLAT-004"))
    }

    @Test("Jetson's own library directory, or another one beside Jetson's packages, is no foreign system")
    func jetsonMultiarch() {
        let own = Self.analyze("-rw-r--r-- 1 root root 1024 Jan 1 2024 /usr/lib/aarch64-linux-gnu/libnvinfer.so.8.6.2")
        #expect(own.facts.bool("platform.not_jetson") != true)
        // A cross-build on the host: the board's release file outranks the host's directory.
        let cross = Self.analyze(
            """
            $ head -n 1 /etc/nv_tegra_release
            # R35 (release), REVISION: 4.1, GCID: 33958178, BOARD: t186ref, EABI: aarch64, DATE: Tue Aug  1 19:57:35 UTC 2023
            host$ ls /usr/lib/x86_64-linux-gnu/libnvinfer.so.8
            /usr/lib/x86_64-linux-gnu/libnvinfer.so.8
            """)
        #expect(cross.facts.bool("platform.not_jetson") != true)
        #expect(cross.platform.l4t == "35.4.1")
    }

    @Test("GNU ld's 'DSO missing from command line' is a link-line problem (USR-008), not the DLA's")
    func dsoMissing() {
        let report = Self.analyze(
            """
            [100%] Linking CXX executable trt_dla_bench
            /usr/bin/ld: CMakeFiles/trt_dla_bench.dir/bench.cpp.o: undefined reference to symbol 'pthread_create@@GLIBC_2.17'
            /usr/bin/ld: /lib/aarch64-linux-gnu/libpthread.so.0: error adding symbols: DSO missing from command line
            collect2: error: ld returned 1 exit status
            """)
        let ids = Self.ids(report)
        #expect(ids.contains("NVDLA-USR-008"))
        #expect(report.facts.int("log.link_undefined.count") == 2)
        #expect(report.facts.bool("platform.not_jetson") != true)
        #expect(!ids.contains { $0.hasPrefix("NVDLA-DRV") || $0.hasPrefix("NVDLA-TRT") })
    }

    @Test("the same words in a sentence are no linker error")
    func dsoMissingInProse() {
        let report = Self.analyze(
            "I searched and people say the DSO missing from command line error means a library is not linked, is that right?"
        )
        #expect(!Self.ids(report).contains("NVDLA-USR-008"))
    }

    @Test(
        "a board value stops where the poster lists other hardware",
        arguments: [
            ("Hardware: Jetson AGX Orin 64GB + Samsung 990 Pro NVMe", "Jetson AGX Orin 64GB"),
            ("Board: Jetson Xavier NX & IMX477 camera", "Jetson Xavier NX"),
            ("Platform: Jetson Orin NX 16GB w/ Seeed A603 carrier", "Jetson Orin NX 16GB"),
        ])
    func boardValueStops(_ text: String, _ model: String) {
        #expect(Self.analyze(text).facts.string("platform.model") == model)
    }

    @Test(
        "a tool's version or board line is recognised input (exit 0), not 'nothing recognised'",
        arguments: [
            "$ nvcc --version\nnvcc: NVIDIA (R) Cuda compiler driver\nCuda compilation tools, release 11.4, V11.4.315",
            "Board ID(3767) version(300) sku(0003) revision(A.1)",
            "TNSPEC 3668-301-0001-G.0-1-2-jetson-xavier-nx-devkit-emmc-mmcblk0p1",
        ])
    func versionOutputRecognised(_ text: String) {
        let analysis = ArtifactAnalysis(signals: Fixtures.rules.signals)
        analysis.feed(text: text, name: "paste.txt")
        #expect(analysis.recognisedAnything)
        #expect(analysis.segments.contains { $0.kind == .versionOutput })
    }

    @Test(
        "a line naming TensorRT with its version is version output; only a logger's marks make a TensorRT log",
        arguments: [
            ("  TensorRT: 8.5.2.2\n  cuDNN: 8.6.0.166", SegmentKind.versionOutput),
            ("tensorrt version  TensorRT 10.3.0.30", SegmentKind.versionOutput),
            ("[12/01/2026-10:00:00] [W] [TRT] Layer 'conv1' (Convolution): falling back to GPU", .tensorrtLog),
            ("ERROR: TensorRT engine build failed (code=2)", .tensorrtLog),
        ])
    func tensorRTNameIsNotALog(_ text: String, _ kind: SegmentKind) {
        let analysis = ArtifactAnalysis(signals: Fixtures.rules.signals)
        analysis.feed(text: text, name: "paste.txt")
        #expect(analysis.segments.first?.kind == kind)
    }

    @Test("the same values in a sentence, or text with no value, stay unrecognised")
    func versionProseUnrecognised() {
        for text in [
            "We flashed the board last week and CUDA 11.4 came with it, I think the module is a p3767-0003.",
            "nothing here but some words\nand a second line of words: 42",
        ] {
            let analysis = ArtifactAnalysis(signals: Fixtures.rules.signals)
            analysis.feed(text: text, name: "paste.txt")
            #expect(!analysis.recognisedAnything, "\(text)")
        }
    }

    static let dlaRun = """
        $ trtexec --onnx=det.onnx --useDLACore=0 --allowGPUFallback --int8
        &&&& RUNNING TensorRT.trtexec [TensorRT v8502] # trtexec --onnx=det.onnx --useDLACore=0 --allowGPUFallback --int8
        [11/02/2024-09:00:01] [I] [TRT] [MemUsageChange] Init CUDA: CPU +220, GPU +0, now: CPU 245, GPU 5120 (MiB)
        """

    @Test("a TensorRT log from a board without a DLA: every layer on the GPU, with the board as the reason")
    func noDLABoardPlacement() {
        let report = Self.analyze("Hardware: Jetson Orin Nano 8GB\n\n" + Self.dlaRun)
        #expect(report.platform.dlaExpected == 0)
        #expect(report.facts.string("trt.placement") == "all_gpu")
        #expect(report.facts.string("trt.placement.summary")?.contains("has no DLA") == true)
    }

    @Test(
        "the same log on a board with a DLA, an unknown board or a desktop GPU gives no placement",
        arguments: [
            "Hardware: Jetson AGX Orin 64GB\n\n", "", "Device 0: \"NVIDIA GeForce RTX 3080\"\n\n",
        ])
    func placementNotFromBoard(_ head: String) {
        let report = Self.analyze(head + Self.dlaRun)
        #expect(report.facts.string("trt.placement") == nil)
    }

    @Test("an old cuDNN on a desktop GPU is read; on a Jetson a cuDNN below 5 is another tool's number")
    func cudnnBounds() {
        let desktop = Self.analyze(
            "$ nvidia-smi -L\nGPU 0: GeForce GTX 970 (UUID: GPU-1)\nCUDA: 7.5.18\ncuDNN: 4.0.7\n")
        #expect(desktop.facts.string("versions.cudnn") == "4.0.7")
        let jetson = Self.analyze(" - NVIDIA Jetson TX2\n   * Jetpack 4.3 [L4T 32.3.1]\n   * cuDNN: 1.2.70\n")
        #expect(jetson.facts.string("versions.cudnn") != "1.2.70")
    }

    @Test(
        "a module named as a SoM, a kernel release under its name",
        arguments: [
            ("Our carrier takes the production SoM 3767-0001 from the vendor.", "platform.module", "p3767-0001"),
            ("SOM: 3668-0001 (eMMC)", "platform.module", "p3668-0001"),
            ("| Kernel | 6.6.40-yocto-standard |", "versions.kernel_release", "6.6.40-yocto-standard"),
            ("Kernel version: 5.10.192-tegra", "versions.kernel_release", "5.10.192-tegra"),
        ])
    func somAndKernelFields(_ text: String, _ fact: String, _ value: String) {
        #expect(Self.analyze(text).facts.string(fact) == value)
    }

    @Test("a kernel series alone is no kernel release")
    func kernelSeriesAlone() {
        #expect(Self.analyze("the kernel 5.15 on this image is old").facts.string("versions.kernel_release") == nil)
    }

    @Test("text that names no Jetson keeps an early CUDA; jetson_release's Vulkan number under CUDA does not count")
    func earlyCudaElsewhere() {
        let desktop = Self.analyze("(System info: Fedora 8, a GeForce 8600 GT, Nvidia driver 169.12, CUDA Toolkit 1.1)")
        #expect(desktop.facts.string("versions.cuda") == "1.1")
        let jetson = Self.analyze(" - NVIDIA Jetson Xavier NX\n   * Jetpack 4.6 [L4T 32.6.1]\n   * CUDA: 1.3.204\n")
        #expect(jetson.facts.string("versions.cuda") != "1.3.204")
    }

    @Test("a module P-number of another family than the model string names the board; the model string is kept")
    func moduleOverModel() throws {
        let head = "Model: NVIDIA Jetson Orin NX Engineering Reference Developer Kit - Jetpack 5.1.1 [L4T 35.3.1]\n"
        let nano = Self.analyze(
            head + "Hardware:\n - P-Number: p3767-0003\n - Module: NVIDIA Jetson Orin Nano (8GB ram)")
        let model = try #require(nano.facts.string("platform.model"))
        #expect(model.hasPrefix("NVIDIA Jetson Orin Nano (8GB ram)"))
        #expect(model.contains("Orin NX Engineering Reference Developer Kit"))
        #expect(nano.facts.int("platform.dla_expected") == 0)
        let nx = Self.analyze(head + "Hardware:\n - P-Number: p3767-0000\n - Module: NVIDIA Jetson Orin NX (16GB ram)")
        #expect(nx.facts.string("platform.model") == "NVIDIA Jetson Orin NX Engineering Reference Developer Kit")
        #expect(nx.facts.int("platform.dla_expected") == 2)
    }

    @Test(
        "the misspelling Orion names an Orin beside AGX, Jetson, NX or Nano, and nothing alone",
        arguments: [
            ("I've been profiling the encoder on 64GB AGX Orion.", "tegra234", 2),
            ("Our Jetson Orion Nano 8GB crashes when the camera starts.", "tegra234", 0),
            ("NVIDIA Jetson AGX Orion (64GB ram)", "tegra234", 2),
        ])
    func orion(_ text: String, _ soc: String, _ dla: Int64) {
        let report = Self.analyze(text)
        #expect(report.facts.string("platform.soc") == soc)
        #expect(report.facts.int("platform.dla_expected") == dla)
    }

    @Test("a bare Orion is no board")
    func orionAlone() {
        let report = Self.analyze("The Orion monitoring server restarted the service overnight.")
        #expect(report.facts.string("platform.soc") == nil)
        #expect(report.facts.string("platform.model") == nil)
    }

    @Test(
        "the misspelling Xaiver names a Xavier beside AGX, Jetson or NX, and nothing alone",
        arguments: [
            ("Flashed our Jetson Xaiver with the 4.6 image", "tegra194", 2),
            ("the model runs at 30 fps on the xaiver nx", "tegra194", 2),
            ("AGX Xaiver 32GB, JetPack 5.1", "tegra194", 2),
        ])
    func xaiver(_ text: String, _ soc: String, _ dla: Int64) {
        let report = Self.analyze(text)
        #expect(report.facts.string("platform.soc") == soc)
        #expect(report.facts.int("platform.dla_expected") == dla)
        #expect(Self.analyze("Xaiver wrote the original patch.").facts.string("platform.soc") == nil)
    }

    @Test("a person's 'on nano' names the Nano; the nano editor does not")
    func onNano() {
        #expect(Self.analyze("the detector runs fine when I try it on nano").facts.string("platform.soc") == "tegra210")
        #expect(Self.analyze("then I edited the file on nano editor and saved it").facts.string("platform.soc") == nil)
    }

    @Test("other numbers that start with 699 are no part number", arguments: ["call 699-1370-1000", "699-13701-00"])
    func notPartNumber(_ text: String) {
        #expect(Self.analyze(text).facts.string("platform.module") == nil)
    }

    @Test(
        "SDK Manager's target directory and log bundle name the JetPack and the board",
        arguments: [
            (
                "cd ~/nvidia/nvidia_sdk/JetPack_5.1.3_Linux_JETSON_AGX_XAVIER_TARGETS/Linux_for_Tegra", "5.1.3",
                "tegra194"
            ),
            ("SDKM_logs_JetPack_6.1_Linux_for_Jetson_Orin_NX_[16GB]_2025-01-10_09-12-44.zip", "6.1", "tegra234"),
        ])
    func sdkManagerNames(_ text: String, _ jetpack: String, _ soc: String) {
        let report = Self.analyze(text)
        #expect(report.facts.string("versions.jetpack") == jetpack)
        #expect(report.facts.string("platform.soc") == soc)
    }

    @Test("a developer preview's directory sets no release (6.0 DP is not 6.0)")
    func sdkManagerPreview() {
        let report = Self.analyze("JetPack_6.0_DP_Linux_JETSON_AGX_ORIN_TARGETS/Linux_for_Tegra/flash.sh")
        #expect(report.facts.string("versions.jetpack") == nil)
        #expect(report.facts.string("versions.l4t") == nil)
    }

    @Test(
        "part numbers, carrier+module compatibles and DTB names give the module, not the carrier",
        arguments: [
            ("699-level Part Number: 699-13701-0004-500 K.0", "p3701-0004"),
            ("In this case, the PN is 699-82888-0004-400 L.0 and the SN is 1420121000000", "p2888-0004"),
            ("nvidia,p3509-0000+p3668-0003nvidia,jetson-xavier-nxnvidia,tegra194", "p3668-0003"),
            ("Using DTB tegra234-p3767-0001-p3768-0000-a0.dtb", "p3767-0001"),
            ("FDT /boot/dtb/kernel_tegra234-p3768-0000+p3767-0003-nv.dtb", "p3767-0003"),
        ])
    func moduleNumbers(_ text: String, _ module: String) {
        #expect(Self.analyze(text).facts.string("platform.module") == module)
    }

    @Test(
        "a prompt glued to the device tree's model (no newline at its end) is not part of the model",
        arguments: [
            (
                "nx@ubuntu:~$ cat /proc/device-tree/model\nNVIDIA Jetson Xavier NX Developer Kitnx@ubuntu:~$ ",
                "NVIDIA Jetson Xavier NX Developer Kit"
            ),
            ("root@agx:/# cat /proc/device-tree/model\nJetson-AGX-Orinroot@agx:/#", "Jetson-AGX-Orin"),
            ("$ cat /proc/device-tree/model\nNVIDIA Jetson AGX Orinnvidia@agx:~$ uname -r", "NVIDIA Jetson AGX Orin"),
            // An address in the value is no prompt.
            ("Model: Jetson AGX Orin (ask me@lab.example: anytime)", "Jetson AGX Orin (ask me@lab.example: anytime)"),
        ])
    func gluedPrompt(_ text: String, _ model: String) {
        #expect(Self.analyze(text).facts.string("platform.model") == model)
    }
}
