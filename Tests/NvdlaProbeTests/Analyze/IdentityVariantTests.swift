import Testing

@testable import NvdlaProbe

/// Board, SoC, DLA count and versions from the many ways people paste them: shell variables, prompts, fences, HTML
/// blocks, release names, image references and program output. Written for the shapes, with other boards and
/// releases than the corpus (Tests/Corpus) holds.
@Suite("Identity variants")
struct IdentityVariantTests {
    static func analyze(_ text: String) -> Report {
        AnalyzeJob.analyze(text: text, name: "paste.txt", rules: Fixtures.rules)
    }

    @Test("jetson-stats shell variables (printenv | grep JETSON) give the versions and the board")
    func shellVariables() {
        let report = Self.analyze(
            """
            nvidia@xavier:~$ printenv | grep JETSON
            JETSON_TYPE=AGX Xavier [16GB]
            JETSON_JETPACK=4.5.1
            JETSON_L4T=32.5.1
            JETSON_CUDA=10.2.89
            JETSON_TENSORRT=7.1.3.0
            """)
        #expect(report.platform.l4t == "32.5.1")
        #expect(report.platform.jetpack == "4.5.1")
        #expect(report.platform.soc == "tegra194")
        #expect(report.platform.dlaExpected == 2)
        #expect(report.facts.string("versions.tensorrt") == "7.1.3.0")
        #expect(report.facts.string("versions.cuda") == "10.2.89")
    }

    @Test(
        "a board in the prompt's host name hints at the SoC and DLA count",
        arguments: [
            ("dev@agx-orin-64:~/models$ ls\nyolov8n.onnx", "tegra234", 2),
            ("root@jetson-tx2-devkit:~# uptime\n 10:01:02 up 3 days", "tegra186", 0),
            ("(base) me@xavier-nx-lab:~/w$ make run\nbuilding", "tegra194", 2),
        ])
    func hostName(_ text: String, _ soc: String, _ dla: Int) {
        let report = Self.analyze(text)
        #expect(report.platform.soc == soc)
        #expect(report.platform.dlaExpected == dla)
        // A hint, not a board name a tool printed: shown by its family's name, marked as stated.
        #expect(report.facts.bool("platform.model.stated") == true)
    }

    @Test("a host name without a board says nothing")
    func plainHostName() {
        let report = Self.analyze("nvidia@nvidia-desktop:~$ sudo nano /etc/docker/daemon.json\n")
        #expect(report.platform.soc == nil)
        #expect(report.platform.dlaExpected == nil)
    }

    @Test(
        "board names people write: Jetson NX, the DRIVE platforms",
        arguments: [
            ("Hardware: Jetson NX dev kit, running a DLA build", "tegra194", 2),
            ("My board is a DRIVE AGX Xavier with DRIVE OS 5.2.6.", "tegra194", 2),
            ("Target: NVIDIA DRIVE AGX Orin, DRIVE OS 6.0.6", "tegra234", 2),
            ("tested on a DRIVE AGX Pegasus", "tegra194", 2),
        ])
    func boardNames(_ text: String, _ soc: String, _ dla: Int) {
        let report = Self.analyze(text)
        #expect(report.platform.soc == soc)
        #expect(report.platform.dlaExpected == dla)
    }

    @Test("the DLA cores a program printed count; zero (cores not visible) does not")
    func programCoreCount() {
        #expect(Self.analyze("$ ./sample_dla_info\nNumber of DLA cores: 1\n").platform.dlaExpected == 1)
        #expect(Self.analyze("builder created\nDLA Cores: 2\n").platform.dlaExpected == 2)
        #expect(Self.analyze("builder created\nDLA Cores: 0\n").platform.dlaExpected == nil)
        // The core a build uses is not a count.
        #expect(Self.analyze("[I] DLACore: 1\n").platform.dlaExpected == nil)
    }

    @Test(
        "an L4T release written as NVIDIA names it (R32.6, r35.1) is read; a two-part name of several releases is not made exact"
    )
    func releaseNames() {
        let r326 = Self.analyze("I flashed R32.6 with SDK Manager last week and TensorRT fails since.")
        #expect(r326.platform.l4t == "32.6.1")
        #expect(r326.platform.jetpack == "4.6")
        let r351 = Self.analyze("Platform: AGX Orin 32GB, r35.1")
        #expect(r351.platform.l4t == "35.1.0")
        #expect(r351.platform.jetpack == "5.0.2")
        let family = Self.analyze("Jetson Linux R36.4 on an Orin NX 16GB")
        #expect(family.platform.l4t == "36.4")
        #expect(family.facts.bool("versions.l4t_known") == false)
        // Image tags name the container's release, not the host's.
        #expect(Self.analyze("FROM nvcr.io/nvidia/l4t-base:r32.4.3\n").facts.string("versions.l4t") != "32.4.3")
    }

    @Test("the container image is named without the markdown around it")
    func containerImage() {
        let report = Self.analyze(
            "I start it with `docker run --runtime nvidia -it nvcr.io/nvidia/l4t-ml:r35.2.1-py3` and get")
        #expect(report.facts.string("platform.container_hint") == "nvcr.io/nvidia/l4t-ml:r35.2.1-py3")
    }

    @Test("a TensorRT package version in a sentence (`nvinfer … 8.2.1-1+cuda10.2`) gives TensorRT")
    func packageVersionInProse() {
        let report = Self.analyze(
            "dpkg -l | grep nvinfer says libnvinfer8 is 8.2.1-1+cuda10.2, so I think TensorRT is fine.")
        #expect(report.facts.string("versions.tensorrt") == "8.2.1")
    }

    @Test(
        "a version glued to its name (jetpack5.1, JP6.2, CUDA11.4) is read; a package name is not a version",
        arguments: [
            ("**NVIDIA Driver Version**: jetpack5.1", "versions.jetpack", "5.1"),
            ("I am working on brand new JP6.2.", "versions.jetpack", "6.2"),
            ("built with CUDA11.4 on the board", "versions.cuda", "11.4"),
            ("We need TRTv8.2 for the plugin build", "versions.tensorrt", "8.2"),
            ("converted with TRT 8.5.2 on the Orin", "versions.tensorrt", "8.5.2"),
            ("| module | TRT-10.3.0 |", "versions.tensorrt", "10.3.0"),
        ])
    func gluedVersions(_ text: String, _ fact: String, _ value: String) {
        #expect(Self.analyze(text).facts.string(fact) == value)
    }

    @Test(
        "a JetPack written without its dots (jp46, JP512, l4t-jp461, JetPack-60) is read when the release table has it",
        arguments: [
            ("Ubuntu 20.04 with Foxy on a jetson xavier ,jp46, installed from apt", "4.6"),
            ("pulled the image built for JP512 yesterday", "5.1.2"),
            ("FROM registry.example.com/vision:l4t-jp461-trt8", "4.6.1"),
            ("Our CI has a JetPack-60 runner now.", "6.0"),
            ("jp62 on the Orin NX works", "6.2"),
        ])
    func dotlessJetPack(_ text: String, _ value: String) {
        #expect(Self.analyze(text).facts.string("versions.jetpack") == value)
    }

    @Test("digits after JP that name no JetPack release, a size, a spaced number or a file name are not a JetPack")
    func notDotlessJetPack() {
        for text in [
            "the jp49 branch is gone", "a JP500 sensor on the carrier", "JP 46 is what I wrote", "jp64GB of storage",
            "model_jp46_export.onnx is attached", "tag ajp46 in the registry",
        ] {
            #expect(Self.analyze(text).facts.string("versions.jetpack") == nil, "\(text)")
        }
    }

    @Test(
        "TensorFlow's GPU name, TF-TRT's loaded TensorRT, a TensorRT dist-info directory, dpkg's overwrite owner",
        arguments: [
            (
                "2020-03-02 10:01:02.000123: I tensorflow/core/common_runtime/gpu/gpu_device.cc:1555] Found device 0 "
                    + "with properties: \npciBusID: 0000:00:00.0 name: NVIDIA Tegra X1 computeCapability: 5.3",
                "platform.soc", "tegra210"
            ),
            (
                "I0301 Created TensorFlow device (/job:localhost/replica:0/task:0/device:GPU:0 with 2400 MB memory) -> "
                    + "physical GPU (device: 0, name: Xavier, pci bus id: 0000:00:00.0, compute capability: 7.2)",
                "platform.soc", "tegra194"
            ),
            ("INFO:tensorflow:Loaded TensorRT version: (7, 1, 3)", "versions.tensorrt", "7.1.3"),
            (
                "-rw-r--r-- 1 root root 0 /usr/lib/python3.8/dist-packages/tensorrt-8.5.2.2.dist-info",
                "versions.tensorrt", "8.5.2.2"
            ),
            (
                "dpkg: error processing archive /tmp/x.deb (--unpack):\n trying to overwrite '/usr/lib/aarch64-linux-gnu/"
                    + "libnvidia-ml.so.1', which is also in package nvidia-l4t-core 36.4.3-20250107174145",
                "versions.l4t", "36.4.3"
            ),
        ])
    func frameworkShapes(_ text: String, _ fact: String, _ value: String) {
        let report = Self.analyze(text)
        #expect((report.facts.string(fact) ?? "") == value)
    }

    @Test(
        "a JetPack in a file name after a dash (with GA), and a JetPack or L4T 'revision', are read",
        arguments: [
            ("tar xzf server1.9.0-jetpack4.6ga.tgz -C /opt", "versions.jetpack", "4.6"),
            ("sudo apt install ./viewer-jp6.2.deb", "versions.jetpack", "6.2"),
            ("ERROR: Unsupported JetPack revision 36.4.3, aborting", "versions.l4t", "36.4.3"),
            ("L4T revision: 32.6.1", "versions.l4t", "32.6.1"),
        ])
    func namedReleases(_ text: String, _ fact: String, _ value: String) {
        #expect(Self.analyze(text).facts.string(fact) == value)
    }

    @Test(
        "a board a person left behind counts below the one they use now, on the same line",
        arguments: [
            ("We previously shipped on the Jetson TX2, but now the Jetson AGX Orin 64GB runs it.", "tegra234", 2),
            ("Originally this ran on an Orin Nano; after the redesign it is an Xavier NX 16GB.", "tegra194", 2),
            ("I used to develop on a Jetson Xavier NX, the product is now an Orin Nano Super.", "tegra234", 0),
        ])
    func pastBoard(_ text: String, _ soc: String, _ dla: Int) {
        let report = Self.analyze(text)
        #expect(report.platform.soc == soc)
        #expect(report.platform.dlaExpected == dla)
    }

    @Test("cuDNN 9's per-CUDA packages and dpkg-query -W's tab-separated rows give versions")
    func cudnn9AndDpkgQuery() {
        let listed = Self.analyze("ii  libcudnn9-cuda-12   9.3.0.75-1   arm64   cuDNN runtime libraries for CUDA 12.6")
        #expect(listed.facts.string("versions.cudnn") == "9.3.0.75")
        let queried = Self.analyze(
            "$ dpkg-query -W 'libnvinfer*' 'libcudnn*'\nlibcudnn9-dev-cuda-12\t9.7.1.26-1\nlibnvinfer-dev\t\n"
                + "libnvinfer10\t10.7.0.23-1+cuda12.6")
        #expect(queried.facts.string("versions.cudnn") == "9.7.1.26")
        #expect(queried.facts.string("versions.tensorrt") == "10.7.0.23")
        #expect(Self.analyze("total\t12345\nfoo\t1.2.3").facts.string("versions.tensorrt") == nil)
    }

    @Test("the UEFI firmware's L4T release, the Tegra186 watchdog on an Orin, CUDA's Device 0 beside a board name")
    func firmwareAndDriverNames() {
        let orin = Self.analyze(
            """
            [    0.000000] Machine model: NVIDIA Jetson AGX Orin Developer Kit
            [    0.041210] DMI: NVIDIA NVIDIA Jetson AGX Orin Developer Kit/Jetson, BIOS 36.3.0-gcid-36191598 05/06/2024
            [    3.912004] systemd[1]: Using hardware watchdog 'NVIDIA Tegra186 WDT', version 0, device /dev/watchdog
            """)
        #expect(orin.facts.string("versions.l4t") == "36.3.0")
        #expect(orin.facts.string("platform.soc") == "tegra234")
        let banner = Self.analyze(
            "Jetson UEFI firmware (version 36.4.0-gcid-37537400 built on 2024-09-17T16:45:50+00:00)")
        #expect(banner.facts.string("versions.l4t") == "36.4.0")
        let xavier = Self.analyze(
            """
            $ cat /proc/device-tree/model
            NVIDIA Jetson Xavier NX Developer Kit
            $ ./deviceQuery
            Device 0: "Xavier"
            """)
        #expect(xavier.facts.string("platform.model") == "NVIDIA Jetson Xavier NX Developer Kit")
    }

    @Test(
        "tegrastats' rails, thermal zones and engines that one SoC family has name it",
        arguments: [
            (
                "RAM 5120/30536MB (lfb 1x4MB) SWAP 0/15268MB (cached 0MB) CPU [3%@729,off,off,off,2%@729,1%@729,off,off] "
                    + "EMC_FREQ 0%@2133 GR3D_FREQ 0%@[0,0] VIC off OFA off NVDLA0 off NVDLA1 off APE 174 cpu@44.1C "
                    + "soc2@41.8C soc0@42.2C gpu@40.5C tj@44.1C soc1@41.0C VDD_GPU_SOC 2400mW/2400mW VDD_CPU_CV 400mW/400mW",
                "tegra234"
            ),
            (
                "RAM 1800/15692MB (lfb 3000x4MB) CPU [1%@1190,0%@1190,off,off,off,off,off,off] EMC_FREQ 0% GR3D_FREQ 0% "
                    + "AUX@30C CPU@31.5C thermal@30.7C Tboard@31C AO@30.5C GPU@30.5C Tdiode@33.25C PMIC@50C "
                    + "GPU 0/0 CPU 155/155 SOC 932/932 CV 0/0 VDDRQ 155/155 SYS5V 1215/1215",
                "tegra194"
            ),
            (
                "RAM 3000/6854MB (lfb 100x4MB) CPU [5%@1420,2%@1420,off,off,1%@1420,0%@1420] GR3D_FREQ 0% AUX@33C "
                    + "CPU@35C thermal@34.1C AO@33C GPU@33.5C PMIC@50C VDD_IN 4100mW/4100mW VDD_CPU_GPU_CV 600mW/600mW",
                "tegra194"
            ),
            (
                "RAM 2100/7860MB (lfb 50x4MB) CPU [2%@345,off,off,1%@345,0%@345,3%@345] BCPU@33C MCPU@33C GPU@31.5C "
                    + "VDD_IN 2100/2100 VDD_SYS_CPU 152/152 VDD_SYS_GPU 0/0",
                "tegra186"
            ),
            (
                "RAM 700/3956MB (lfb 400x4MB) IRAM 0/252kB(lfb 252kB) CPU [4%@921,2%@921,1%@921,0%@921] GR3D_FREQ 0%@76 "
                    + "PLL@22C CPU@25C GPU@24C AO@30C thermal@24.5C POM_5V_IN 1200/1200 POM_5V_GPU 40/40 POM_5V_CPU 160/160",
                "tegra210"
            ),
        ])
    func tegrastatsFamilies(_ text: String, _ soc: String) {
        #expect(Self.analyze(text).facts.string("platform.soc") == soc)
    }

    @Test("a rail two families share, or the words outside tegrastats, name no SoC")
    func tegrastatsShared() {
        let shared = Self.analyze(
            "RAM 3000/7620MB CPU [1%@1728,2%@1728] GR3D_FREQ 0% VDD_IN 6000mW/6000mW VDD_CPU_GPU_CV 900mW/900mW")
        #expect(shared.facts.string("platform.soc") == nil)
        #expect(Self.analyze("we left the sofa off the list").facts.string("platform.soc") == nil)
    }

    @Test("TF-TRT's linked version and a module named tensorrt-utils are no TensorRT version")
    func notFrameworkShapes() {
        #expect(
            Self.analyze("INFO:tensorflow:Linked TensorRT version: (7, 1, 3)").facts.string("versions.tensorrt") == nil)
        #expect(Self.analyze("pip install tensorrt-utils-0.3.dist-info").facts.string("versions.tensorrt") == nil)
    }

    @Test("TRT with a size after it is no TensorRT version")
    func trtSize() {
        #expect(Self.analyze("TRT 8.5 GB of workspace were free").facts.string("versions.tensorrt") == nil)
    }

    @Test("a package or library name with a number is not a glued version")
    func notGlued() {
        #expect(Self.analyze("ii  libcudnn8  8.2.1.32-1+cuda10.2  arm64").facts.string("versions.cuda") != "8.2.1.32")
        #expect(Self.analyze("model_jetpack5.1_export.onnx is attached").facts.string("versions.jetpack") == nil)
    }

    @Test("nvcc's release pair without its first words gives CUDA; an oops line gives the kernel release")
    func toolFragments() {
        #expect(Self.analyze("CUDA: release 12.2, V12.2.140").facts.string("versions.cuda") == "12.2.140")
        let oops = Self.analyze(
            "[  88.1] CPU: 3 PID: 2211 Comm: python3 Tainted: G        W  O      5.10.120-tegra #1\n")
        #expect(oops.facts.string("versions.kernel_release") == "5.10.120-tegra")
        let plain = Self.analyze("[ 1181.047469] CPU: 0 PID: 1287 Comm: nvdla_runtime Not tainted 4.13.3 #1\n")
        #expect(plain.facts.string("versions.kernel_release") == "4.13.3")
    }

    @Test("--useDLACore with or without a core number asks for the DLA; --useDLACores-like words do not")
    func bareUseDLACore() {
        #expect(
            Self.analyze("trtexec --onnx=m.onnx --int8 --useDLACore --allowGPUFallback").facts.bool("trt.dla_requested")
                == true)
        #expect(Self.analyze("trtexec --onnx=m.onnx --useDLACore=1").facts.bool("trt.dla_requested") == true)
        #expect(Self.analyze("trtexec --onnx=m.onnx --fp16").facts.bool("trt.dla_requested") != true)
    }

    @Test(
        "a board line inside a markdown fence or an HTML <pre> block is tool output, not a person's words",
        arguments: [
            "Output of jetson_release:\n```\n - NVIDIA Jetson AGX Orin Developer Kit\n   * Jetpack 5.1.2 [L4T 35.4.1]\n```\n",
            "<pre><code>\n - NVIDIA Jetson AGX Orin Developer Kit\n   * Jetpack 5.1.2 [L4T 35.4.1]\n</code></pre>\n",
            "~~~\n - NVIDIA Jetson AGX Orin Developer Kit\n~~~\n",
        ])
    func fencedBoard(_ text: String) {
        #expect(Self.analyze(text).platform.model == "NVIDIA Jetson AGX Orin Developer Kit")
    }

    @Test("after the fence or </pre> closes, a sentence naming a board is a person's words again")
    func afterBlock() {
        let fenced = Self.analyze("```\nls\n```\nNVIDIA Jetson Orin Nano is what my colleague has\n")
        // A person's words: the board is shown by its family's name and marked as stated, not as printed.
        #expect(fenced.facts.bool("platform.model.stated") == true)
        let pre = Self.analyze("<pre>ls</pre>\nNVIDIA Jetson Orin Nano is what my colleague has\n")
        #expect(pre.facts.bool("platform.model.stated") == true)
    }

    @Test(
        "the release line as flash.sh prints it and as people retell it",
        arguments: [
            ("###############\n# L4T BSP Information:\n# R35 , REVISION: 4.1\n###############", "35.4.1"),
            ("My board runs R32 revision 6.1 and the DLA build fails.", "32.6.1"),
            ("nv_tegra_release says R36 (release), revision 4.3", "36.4.3"),
        ])
    func releaseLineRetold(_ text: String, _ l4t: String) {
        #expect(Self.analyze(text).platform.l4t == l4t)
    }

    @Test(
        "versions assigned in scripts and packaging",
        arguments: [
            ("ENV L4T_VERSION=36.3.0", "versions.l4t", "36.3.0"),
            ("+    l4tMajorMinorPatchVersion = \"35.6.0\";", "versions.l4t", "35.6.0"),
            ("JETPACK_VERSION: '6.1'", "versions.jetpack", "6.1"),
            ("  cudaMajorMinorVersion = \"12.6\";", "versions.cuda", "12.6"),
        ])
    func scriptVariables(_ text: String, _ fact: String, _ value: String) {
        #expect(Self.analyze(text).facts.string(fact) == value)
    }

    @Test("a CUDA toolkit directory gives a CUDA version, but nvcc's own word wins")
    func cudaDirectory() {
        #expect(
            Self.analyze("g++ -I/usr/local/cuda-12.2/include -c app.cpp").facts.string("versions.cuda") == "12.2")
        let both = Self.analyze(
            """
            export PATH=/usr/local/cuda-11.4/bin:$PATH
            $ nvcc --version
            Cuda compilation tools, release 12.2, V12.2.140
            """)
        #expect(both.facts.string("versions.cuda")?.hasPrefix("12.2") == true)
    }

    @Test("an L4T package file or store path carries the release")
    func l4tPackageFile() {
        #expect(
            Self.analyze("sudo dpkg -i nvidia-l4t-core_36.4.3-20250107174145_arm64.deb").platform.l4t == "36.4.3")
        #expect(
            Self.analyze("/nix/store/abc-nvidia-l4t-nvpmodel-35.3.1-20230319081403/etc/nvpmodel.conf").platform.l4t
                == "35.3.1")
    }

    @Test("a P-number in an nvpmodel configuration name names the module")
    func nvpmodelConfName() {
        let report = Self.analyze("ExecStart=/usr/sbin/nvpmodel -f /etc/nvpmodel/nvpmodel_p3767_0001.conf -m 0")
        #expect(report.facts.string("platform.module") == "p3767-0001")
        #expect(report.platform.dlaExpected == 1)
    }

    @Test("a TensorRT major alone is kept, and a fuller version of it refines it")
    func tensorrtMajor() {
        #expect(
            Self.analyze("It fails on my Xavier with **TensorRT7** and JP 4.5").facts.string("versions.tensorrt") == "7"
        )
        let refined = Self.analyze("Tried TRT 8 first.\n\nii  tensorrt  8.5.2.2-1+cuda11.4  arm64  Meta package")
        #expect(refined.facts.string("versions.tensorrt") == "8.5.2.2")
        #expect(Self.analyze("The engine has 8 layers on TensorRT's GPU path").facts.string("versions.tensorrt") == nil)
    }

    @Test("a version name after a slash counts (`AGX Orin/JetPack 5.1.2`), a path component does not")
    func nameAfterSlash() {
        #expect(Self.analyze("I am on an AGX Orin/JetPack 5.1.2 box").platform.jetpack == "5.1.2")
        #expect(Self.analyze("ls /opt/nvidia/jetpack/5.1 returns nothing").platform.jetpack == nil)
    }

    @Test("an engine named for its DLA core says a DLA was asked for")
    func dlaEngineFile() {
        #expect(
            Self.analyze("[E] Error opening engine file: /models/resnet50_b8_dla1.engine").facts.bool(
                "trt.dla_requested") == true)
        #expect(
            Self.analyze("[E] Error opening engine file: /models/resnet50_gpu.engine").facts.bool(
                "trt.dla_requested") != true)
    }

    @Test("jetson_benchmarks locking the DLA clocks says a DLA run follows; locking the GPU clock does not")
    func benchmarkClockLine() {
        #expect(
            Self.analyze(
                "Setting Jetson orin in max performance mode\ndla frequency is set from 614400000 Hz --> to 1600000000 Hz"
            )
            .facts.bool("trt.dla_requested") == true)
        #expect(
            Self.analyze("gpu frequency is set from 918000000 Hz --> to 1300500000 Hz").facts.bool("trt.dla_requested")
                != true)
    }

    @Test("asking TensorRT how many DLA cores there are (`getNbDLACores()`) is a DLA request")
    func dlaCoreCount() {
        #expect(
            Self.analyze("int n = builder->getNbDLACores(); // prints 0 on my board").facts.bool("trt.dla_requested")
                == true)
    }

    @Test(
        "a JetPack major alone or an L4T release written with a space still bounds the board",
        arguments: [
            ("We run Jetpack6 on an Orin dev board and tensorrt fails to import", "6", nil, "tegra234"),
            ("Flashed JP 4 to the nano last week", "4", nil, "tegra210"),
            ("the host runs r35 3.1, the container r36", nil, "35.3.1", nil),
        ] as [(String, String?, String?, String?)])
    func majorsAndSpacedReleases(_ text: String, _ jetpack: String?, _ l4t: String?, _ soc: String?) {
        let report = Self.analyze(text)
        if let jetpack { #expect(report.facts.string("versions.jetpack") == jetpack) }
        if let l4t { #expect(report.facts.string("versions.l4t") == l4t) }
        #expect(report.facts.string("platform.soc") == soc)
    }

    @Test("sizes, times and model names after a JetPack or release word are not versions")
    func notMajors() {
        for text in ["the JP 4GB module", "R32 4.4 GB free", "JetPack 5.1.2 then JetPack 6"] {
            let report = Self.analyze(text)
            #expect(report.facts.string("versions.jetpack") != "4", "\(text)")
            #expect(report.facts.string("versions.l4t") != "32.4.4", "\(text)")
        }
    }

    @Test(
        "DLA requests in other words: the spelled-out name, 'in DLA cores', setDLACore with any argument",
        arguments: [
            "We wanted to offload the backbone to the Deep Learning Accelerator to save power.",
            "The same engine takes 41 ms in DLA cores and 12 ms on the GPU.",
            "Then call runtime->setDLACore(core) before deserializing the plan.",
            "Our second model runs with cuDLA in hybrid mode next to the GPU engine.",
            "You have to call setDLACore on the builder config before building.",
        ])
    func dlaRequestWords(_ text: String) {
        #expect(Self.analyze(text).facts.bool("trt.dla_requested") == true)
    }

    @Test("an image reference names the container's CUDA, not the system's (`nvidia/cuda:11.4.3-base`)")
    func imageReferenceIsNotAField() {
        let report = Self.analyze(
            "$ docker run --rm nvidia/cuda:11.4.3-base-ubuntu20.04 nvidia-smi\nexec format error\nCUDA Version: 10.2")
        #expect(report.facts.string("versions.cuda") == "10.2")
    }

    @Test(
        "the first of 'from X to Y' is a release left behind; 'from X' alone is still read",
        arguments: [
            ("We moved the carrier board BSP from L4T R35.3.1 to R35.4.1 before the DLA tests", "35.4.1"),
            ("after the upgrade from r32.5.1 -> r32.7.3 the engine no longer loads", "32.7.3"),
            ("I installed TensorRT from L4T 36.3.0 packages", "36.3.0"),
        ])
    func fromToRelease(_ text: String, _ l4t: String) {
        #expect(Self.analyze(text).facts.string("versions.l4t") == l4t)
    }

    @Test(
        "an nvpmodel mode that one family ships names the board; shared names need their ID",
        arguments: [
            ("nvidia@ubuntu:~$ sudo nvpmodel -q\nNV Power Mode: MODE_20W_6CORE\n8", "tegra194", 2),
            ("Power Mode: NV Power Mode[1]: MODE_15W", "tegra234", 2),
            ("NV Power Mode[2]: MODE_15W", "tegra194", 2),
            ("NVPM VERB: PM_CONFIG: DEFAULT=7W_AI(1)", "tegra234", 0),
            ("$ nvpmodel -q\nNV Power Mode: MAXP_CORE_ARM\n3", "tegra186", 0),
            ("NV Power Mode[3]: 25W", "tegra234", 2),
        ] as [(String, String, Int)])
    func powerModes(_ text: String, _ soc: String, _ dla: Int) {
        let report = Self.analyze(text)
        #expect(report.platform.soc == soc)
        #expect(report.platform.dlaExpected == dla)
    }

    @Test(
        "MAXN, a custom mode, or a shared name without its ID tell no board",
        arguments: [
            "NV Power Mode: MAXN\n0", "NV Power Mode: CUSTOM_35W\n4", "NV Power Mode: 15W\n2", "NV Power Mode: 10W",
        ])
    func powerModesSilent(_ text: String) {
        let report = Self.analyze(text)
        #expect(report.platform.soc == nil)
        #expect(report.platform.dlaExpected == nil)
    }

    @Test("a driver that exists for one SoC names it (`tegra-vi4` is T186's VI); `tegra-vi4x` names nothing")
    func socDriverName() {
        #expect(
            Self.analyze("[ 5021.337012] tegra-vi4 15700000.vi: PXL_SOF syncpt timeout! err = -11").platform.soc
                == "tegra186")
        #expect(Self.analyze("[ 12.000001] tegra-vi4x 15700000.vi: probe").platform.soc == nil)
    }

    @Test("values in quotes or parentheses: `declare -x JETSON_L4T=\"32.7.1\"`, `TensorRT (8.6.2.3)`")
    func quotedAndBracketedValues() {
        let report = Self.analyze(
            """
            declare -x JETSON_L4T="32.7.1"
            declare -x JETSON_CUDNN="8.2.1.32"
            The engine was built with TensorRT (8.2.1.8) on the same board.
            """)
        #expect(report.facts.string("versions.l4t") == "32.7.1")
        #expect(report.facts.string("versions.cudnn") == "8.2.1.32")
        #expect(report.facts.string("versions.tensorrt") == "8.2.1.8")
        // A package relation (`nvidia-tensorrt (= 4.6.2-b5)`, apt's Depends) is the meta-package's version, not one.
        let depends = Self.analyze("Depends: nvidia-cuda (= 4.6.2-b5), nvidia-tensorrt (= 4.6.2-b5)")
        #expect(depends.facts.string("versions.tensorrt") == nil)
    }

    @Test("a number under the wrong label is not a version: cuDNN 1.2.70 (a Vulkan version), CUDA 1.3")
    func implausibleVersions() {
        let report = Self.analyze(
            "Jetpack Version : 4.6 [L4T 32.6.1]\nCUDA : 1.3.204\ncuDNN : 1.2.70\nTensorRT : 8.0.1.6")
        #expect(report.facts.string("versions.cudnn") == nil)
        #expect(report.facts.string("versions.cuda") == nil)
        #expect(!report.findings.contains { $0.id == "NVDLA-VER-006" })
        let both = Self.analyze("cuDNN : 1.2.70\ncuDNN: 8.2.1.32")
        #expect(both.facts.string("versions.cudnn") == "8.2.1.32")
    }

    @Test("a two-part L4T name of several releases is the one the stated JetPack ships with")
    func twoPartReleaseWithJetPack() {
        let report = Self.analyze("JetPack / L4T: JetPack 6.2 / L4T R36.4")
        #expect(report.facts.string("versions.l4t") == "36.4.3")
        #expect(report.findings.allSatisfy { $0.id != "NVDLA-VER-001" })
        // Without a JetPack the patch release stays open.
        #expect(Self.analyze("running L4T R36.4 here").facts.bool("versions.l4t_known") == false)
    }

    @Test("a BPMP device-tree blob names the module without its p")
    func bpmpBlobModule() {
        let report = Self.analyze(
            "[ 0.1402 ] Added binary blob_tegra234-bpmp-3701-0005-a04-3737-a04_with_odm_sigheader.dtb.encrypt of size 141920"
        )
        #expect(report.facts.string("platform.module") == "p3701-0005")
        #expect(report.platform.soc == "tegra234")
    }

    @Test("a board printed under a label wins over a board name in running output of the same weight")
    func labelledBoardWins() {
        let report = Self.analyze(
            """
            gst error: nvbuf_utils: dmabuf_fd -1 mapped entry NOT found on Jetson Orin NX 16GB
            - Model: NVIDIA Jetson Orin NX Engineering Reference Developer Kit
            """)
        #expect(report.facts.string("platform.model") == "NVIDIA Jetson Orin NX Engineering Reference Developer Kit")
        #expect(report.platform.dlaExpected == 2)
    }

    @Test("a Debian revision whose dash was lost (`8.6.2.3.1+cuda12.2`) is not a fifth part of the version")
    func lostDebianDash() {
        #expect(Self.analyze("TRT: TensorRT 8.6.2.3.1+cuda12.2").facts.string("versions.tensorrt") == "8.6.2.3")
        // Five parts without the +cuda suffix are no version at all.
        #expect(Self.analyze("TensorRT: 8.6.2.3.1").facts.string("versions.tensorrt") == nil)
    }

    @Test("a board name ends at a word's end: `Jetson xavier in max performance mode` names Jetson xavier")
    func boardNameSuffixWord() {
        let report = Self.analyze("```\nSetting Jetson xavier in max performance mode\n```")
        #expect(report.facts.string("platform.model") == "Jetson xavier")
        #expect(
            Self.analyze("```\nModel: NVIDIA Jetson TX2 NX\n```").facts.string("platform.model")
                == "NVIDIA Jetson TX2 NX")
    }

    @Test("the L4T release bounds the SoC: a host name of another family gives way, a family of one SoC names it")
    func socBoundedByRelease() {
        let orin = Self.analyze(
            "me@jetson-nano-2:~$ cat /etc/nv_tegra_release\n# R36 (release), REVISION: 4.3, GCID: 1")
        #expect(orin.platform.soc == "tegra234")
        #expect(orin.platform.dlaExpected == nil)
        let xavier = Self.analyze("me@xavier-nx:~$ cat /etc/nv_tegra_release\n# R35 (release), REVISION: 4.1, GCID: 1")
        #expect(xavier.platform.soc == "tegra194")
        #expect(xavier.platform.dlaExpected == 2)
        // A module a tool names outranks a release a person states.
        let module = Self.analyze(" - P-Number: p3448-0000\n\nI think I am on R36 revision 2 now")
        #expect(module.platform.soc == "tegra210")
    }

    @Test("a kernel device named for its SoC (`t194-nvcsi`) names the SoC; a part number with t does not")
    func socDeviceName() {
        #expect(
            Self.analyze(
                "[  812.331214] t194-nvcsi 13e40000.host1x:nvcsi@15a00000: csi5_stream_close: Error in closing stream"
            )
            .platform.soc == "tegra194")
        #expect(Self.analyze("order part 4t194-abc from the shop").platform.soc == nil)
    }

    @Test("an Orin named with 32 or 64 GB is an AGX Orin; with 16 GB it stays open")
    func orinBySize() {
        #expect(Self.analyze("_Hardware:_ Jetson Orin 32GB custom carrier").platform.dlaExpected == 2)
        #expect(Self.analyze("Board: Jetson Orin 64 GB").platform.dlaExpected == 2)
        #expect(Self.analyze("Board: Jetson Orin 16GB").platform.dlaExpected == nil)
    }

    @Test("TRT- numbers that are not a cache header give no TensorRT", arguments: ["TRT-1000 unit", "TRT-8502 batch"])
    func notCalibrationCache(_ text: String) {
        #expect(Self.analyze(text).facts.string("versions.tensorrt") == nil)
    }

    @Test(
        "TensorRT's desktop local-repository package names its TensorRT and CUDA, on an x86_64 system",
        arguments: [
            (
                "sudo dpkg -i nv-tensorrt-repo-ubuntu1804-cuda10.2-trt7.0.0.11-ga-20191216_1-1_amd64.deb", "7.0.0.11",
                "10.2"
            ),
            ("sudo dpkg -i nv-tensorrt-local-repo-ubuntu2204-10.3.0-cuda-12.5_1.0-1_amd64.deb", "10.3.0", "12.5"),
        ])
    func desktopRepo(_ text: String, _ tensorrt: String, _ cuda: String) {
        let report = Self.analyze(text)
        #expect(report.facts.string("versions.tensorrt") == tensorrt)
        #expect(report.facts.string("versions.cuda") == cuda)
        #expect(report.facts.bool("platform.not_jetson") == true)
    }

    @Test("a make target's file path is no board, and no Jetson")
    func makeTargetNoBoard() {
        let report = Self.analyze(
            "make[2]: *** [CMakeFiles/jetson-inference.dir/tensorNet.cpp.o] Error 1\n"
                + "CMakeFiles/Makefile2:67: recipe for target 'CMakeFiles/jetson-inference.dir/all' failed")
        #expect(report.facts.string("platform.model") == nil)
        #expect(report.facts.bool("platform.jetson_evidence") != true)
    }

    @Test(
        "versions as files and tools write them: calibration caches, numbered package rows, platform strings",
        arguments: [
            ("TRT-8601-EntropyCalibration2\ninput: 3c010a14", "versions.tensorrt", "8.6.1"),
            ("TRT-7000-EntropyCalibration2", "versions.tensorrt", "7.0.0"),
            ("TRT-8510-MinMaxCalibration", "versions.tensorrt", "8.5.10"),
            ("TRT-100700-EntropyCalibration2", "versions.tensorrt", "10.7.0"),
            ("TRT-101302-EntropyCalibration2", "versions.tensorrt", "10.13.2"),
            ("  3. nvidia-l4t-core/stable,now 35.4.1-20230801124926 arm64 [installed]", "versions.l4t", "35.4.1"),
            (
                "  7. nvidia-l4t-core/stable 32.7.4-20230608212426 arm64 [upgradable from: 32.7.1-20220219090432]",
                "versions.l4t", "32.7.1"
            ),
            ("14. ii  nvidia-l4t-core  36.3.0-20240719161631  arm64  NVIDIA Core Package", "versions.l4t", "36.3.0"),
            (
                "Python platform: Linux-5.15.148-tegra-aarch64-with-glibc2.35", "versions.kernel_release",
                "5.15.148-tegra"
            ),
            ("git checkout scarthgap-l4t-r36.4.3", "versions.l4t", "36.4.3"),
            ("bitbake tensorrt-trtexec_10.3.0.30-1.bb fails", "versions.tensorrt", "10.3.0.30"),
        ])
    func fileAndToolFormats(_ text: String, _ fact: String, _ value: String) {
        #expect(Self.analyze(text).facts.string(fact) == value)
    }

    @Test("an L4T package name or a kernel without the platform string's shape gives no release")
    func notBuildNames() {
        let report = Self.analyze("sudo apt install nvidia-l4t-r36-core; see linux-5.15 headers")
        #expect(report.facts.string("versions.l4t") == nil)
        #expect(report.facts.string("versions.kernel_release") == nil)
    }

    @Test(
        "the GPU's name after its index (PyTorch's and OpenMMLab's environment logs, nvidia-smi -L) names the SoC",
        arguments: [
            ("2024-01-02 10:00:00,000 - mmdet - INFO - GPU 0: NVIDIA Tegra X2", "tegra186", 0),
            ("GPU models and configuration: GPU 0: Orin", "tegra234", nil),
            ("GPU 0: NVIDIA Tegra X1 (UUID: GPU-00000000-1111-2222-3333-444444444444)", "tegra210", 0),
        ] as [(String, String, Int?)])
    func gpuIndexName(_ text: String, _ soc: String, _ dla: Int?) {
        let report = Self.analyze(text)
        #expect(report.platform.soc == soc)
        #expect(report.platform.dlaExpected == dla)
    }

    @Test("a desktop GPU after its index names no Jetson SoC")
    func gpuIndexDesktop() {
        let report = Self.analyze("GPU 0: NVIDIA GeForce RTX 4070 (UUID: GPU-5b1c0000-0000-0000-0000-000000000000)")
        #expect(report.platform.soc == nil)
        #expect(report.facts.string("identity.desktop_gpu") != nil || report.facts.bool("platform.not_jetson") == true)
    }

    @Test(
        "the L4T release in the name of NVIDIA's BSP tarballs and SD card images",
        arguments: [
            ("sudo tar xf Jetson_Linux_R36.3.0_aarch64.tbz2", "36.3.0"),
            ("tar xpf Tegra_Linux_Sample-Root-Filesystem_R35.2.1_aarch64.tbz2 -C rootfs/", "35.2.1"),
            ("$ tar -xf ~/Downloads/tegra186_linux_r32.6.1_aarch64.tbz2", "32.6.1"),
            ("Wrote nv-jetson-nano-sd-card-image-r32.2.zip with Etcher, it does not boot", "32.2"),
            ("tar xpf ../Tegra186_Linux_R28.2.1_aarch64.tbz2 (JetPack 3.3 for the TX2)", "28.2.1"),
        ])
    func downloadNames(_ text: String, _ l4t: String) {
        #expect(Self.analyze(text).facts.string("versions.l4t") == l4t)
    }

    @Test("a container tag or a package with the same numbers names no host release")
    func downloadNamesSilent() {
        for text in [
            "docker pull nvcr.io/nvidia/l4t-base:r35.2.1", "ii  nvidia-l4t-core  36.3.0-20240506102626  arm64",
        ] {
            let report = Self.analyze(text)
            #expect(report.facts.string("versions.l4t") != "35.2.1")
            #expect(report.facts.bool("versions.l4t_known") != true || report.facts.string("versions.l4t") == "36.3.0")
        }
    }

    @Test(
        "a JetPack major with '.x' or a sentence's full stop after it",
        arguments: [
            ("Test environment\n  • Jetpack 5.x\n", "5"),
            ("I'm on jetpack 6. The camera does not open.", "6"),
            ("Works on JP 4.x boards only", "4"),
            ("Running JetPack 5 w/ DeepStream 6.2 on it", "5"),
        ])
    func jetpackMajorForms(_ text: String, _ jetpack: String) {
        #expect(Self.analyze(text).facts.string("versions.jetpack") == jetpack)
    }

    @Test("a JetPack with a minor stays that version; a JetPack 5.1 is not cut to 5")
    func jetpackMajorSilent() {
        #expect(Self.analyze("I'm on jetpack 5.1. The camera does not open.").facts.string("versions.jetpack") == "5.1")
        #expect(Self.analyze("jetpack 5.x.y").facts.string("versions.jetpack") == nil)
    }

    @Test("the TX2i, named among TX2 mentions, is the TX2i")
    func tx2i() {
        let report = Self.analyze(
            """
            Our carrier was made for the TX2.
            The TX2i does not boot on it.
            The TX2i boots on the devkit carrier.
            """)
        #expect(report.platform.model == "Jetson TX2i")
        #expect(report.platform.soc == "tegra186")
        #expect(report.platform.dlaExpected == 0)
    }

    @Test(
        "a host PC's line gives the host's CUDA, TensorRT and architecture, not the board's",
        arguments: [
            "Host PC: Ubuntu 22.04 x86_64 with CUDA 12.4\nTarget: Jetson AGX Orin 32GB, Ubuntu 20.04, CUDA 11.4",
            "- **Host machine** (x86_64) - TensorRT 8.6.1, CUDA 12.1\n- Device: AGX Orin 32GB running CUDA 11.4",
            "- 主机环境：x86_64架构，Ubuntu 22.04系统，CUDA 12.4版本\n- 目标设备：Jetson AGX Orin 32GB，CUDA 11.4版本",
        ])
    func hostLine(_ text: String) {
        let report = Self.analyze(text)
        #expect(report.facts.string("versions.cuda") == "11.4")
        #expect(report.facts.string("versions.tensorrt") == nil)
        #expect(report.platform.soc == "tegra234")
        #expect(report.facts.bool("platform.not_jetson") != true)
    }

    @Test("a host name, a line naming the Jetson, or a host without a label keeps its versions")
    func hostLineSilent() {
        for (text, cuda) in [
            ("Hostname: lab-7, CUDA 11.4", "11.4"),
            ("Host: NVIDIA Jetson Orin NX, CUDA 11.4", "11.4"),
            ("the host side uses CUDA 12.2 too", "12.2"),
        ] {
            #expect(Self.analyze(text).facts.string("versions.cuda") == cuda)
        }
    }

    @Test("a board value ends where the software listed after a comma begins")
    func boardBeforeSoftware() {
        #expect(
            Self.analyze("Target: Jetson AGX Orin 32GB, Ubuntu 20.04, CUDA 11.4").platform.model
                == "Jetson AGX Orin 32GB")
        #expect(Self.analyze("Board: Jetson Orin NX 16GB, JP 6.0").platform.model == "Jetson Orin NX 16GB")
        // A comma inside the board's own words stays.
        #expect(Self.analyze("Board: Jetson Xavier NX, 8GB eMMC").platform.model == "Jetson Xavier NX, 8GB eMMC")
    }

    @Test(
        "a word saying how a version was found sits between its name and the value",
        arguments: [
            ("- TensorRT tested: 10.3.0.30-1+cuda12.5 (JetPack repo)", "versions.tensorrt", "10.3.0.30"),
            ("CUDA installed: 12.6", "versions.cuda", "12.6"),
            ("cuDNN detected = 9.3.0", "versions.cudnn", "9.3.0"),
        ])
    func qualifiedFieldName(_ text: String, _ fact: String, _ value: String) {
        #expect(Self.analyze(text).facts.string(fact) == value)
    }

    @Test("another word between the name and a number is no field")
    func qualifiedFieldNameSilent() {
        #expect(Self.analyze("TensorRT engines: 3 built, 2 loaded").facts.string("versions.tensorrt") == nil)
        #expect(Self.analyze("CUDA cores: 1024").facts.string("versions.cuda") == nil)
    }

    @Test(
        "a number with a measurement's unit after it is no version",
        arguments: ["  - TensorRT + CUDA: 41.7 ms/image", "CUDA: 12.5 fps on the GPU", "TensorRT: 8.5 % of the time"])
    func unitIsNoVersion(_ text: String) {
        let facts = Self.analyze(text).facts
        #expect(facts.string("versions.cuda") == nil)
        #expect(facts.string("versions.tensorrt") == nil)
    }

    @Test("a version followed by a word that only starts like a unit is still a version")
    func unitSilent() {
        #expect(Self.analyze("CUDA: 12.6 support is enough").facts.string("versions.cuda") == "12.6")
        #expect(Self.analyze("CUDA: 11.4 sm_87").facts.string("versions.cuda") == "11.4")
        #expect(Self.analyze("JetPack: 5.1.1 w/ DeepStream 6.2").facts.string("versions.jetpack") == "5.1.1")
        #expect(Self.analyze("TensorRT: 8.5.2 S/N 1234").facts.string("versions.tensorrt") == "8.5.2")
    }

    @Test("a quoted device name ends at its closing quote (trtexec's device block)")
    func quotedDeviceName() {
        let report = Self.analyze(
            #"[03/02/2026-10:00:00] [I]   Device 0: "Xavier" UUID: GPU-0a1b2c3d-0000-1111-2222-333344445555"#)
        // The GPU's name names the family (the board table's display name), never the UUID after the quote.
        #expect(report.platform.model == "Jetson Xavier")
        #expect(report.platform.soc == "tegra194")
    }

    @Test(
        "OE4T/meta-tegra's MACHINE names, carrier first or module first, name the module",
        arguments: [
            ("root@p3768-0000-p3767-0004:~# dmesg | tail", "p3767-0004", "tegra234"),
            ("MACHINE ?= \"p3737-0000-p3701-0005\"", "p3701-0005", "tegra234"),
            ("MACHINE=p3834-0008-p3971-0000 bitbake core-image-minimal", "p3834-0008", "tegra264"),
        ])
    func machineNames(_ text: String, _ module: String, _ soc: String) {
        let report = Self.analyze(text)
        #expect(report.platform.module == module)
        #expect(report.platform.soc == soc)
    }

    @Test("two modules or two carriers joined by a dash name no module of this shape")
    func machineNamesSilent() {
        #expect(Self.analyze("compare p3767-0000-p3767-0001 results").platform.module == nil)
    }

    @Test(
        "a line holding only a version field's name labels the value on the next line (flattened tables)",
        arguments: [
            ("Field\n\nIGX-Thor\n\nCUDA version\n\n13.0\n", "versions.cuda", "13.0"),
            ("L4T\n36.4.3\nJetPack\n6.2\n", "versions.l4t", "36.4.3"),
            ("TensorRT:\n  10.3.0.30\n", "versions.tensorrt", "10.3.0.30"),
        ])
    func bareLabels(_ text: String, _ fact: String, _ value: String) {
        #expect(Self.analyze(text).facts.string(fact) == value)
    }

    @Test("a field's name alone before a sentence or another label gives no value")
    func bareLabelsSilent() {
        let facts = Self.analyze("CUDA\nwas not found by cmake\nTensorRT\nJetPack\n").facts
        #expect(facts.string("versions.cuda") == nil)
        #expect(facts.string("versions.tensorrt") == nil)
    }

    @Test("SDK Manager's log bundle cut before the board still names the JetPack release")
    func sdkmLogsRelease() {
        #expect(
            Self.analyze("cat ~/Downloads/SDKM_logs_JetPack_5.1.3_Linux_for_Jets").facts.string("versions.jetpack")
                == "5.1.3")
        #expect(Self.analyze("SDKM_logs_JetPack_6.0_DP_Linux_for_Jetson").facts.string("versions.jetpack") == nil)
    }

    @Test(
        "L4T's driver libraries carry the release in their file names",
        arguments: [
            (
                "/sbin/ldconfig.real: File /usr/lib/aarch64-linux-gnu/tegra/libnvidia-glsi.so.32.6.1 is empty, not checked.",
                "32.6.1"
            ),
            ("I0605 nvc_info.c:154] selecting /usr/lib/aarch64-linux-gnu/tegra/libnvidia-eglcore.so.35.4.1", "35.4.1"),
        ])
    func driverLibraryRelease(_ text: String, _ l4t: String) {
        #expect(Self.analyze(text).facts.string("versions.l4t") == l4t)
    }

    @Test("a desktop driver's library of the same name gives no L4T release")
    func driverLibraryDesktop() {
        #expect(
            Self.analyze("/usr/lib/x86_64-linux-gnu/libnvidia-eglcore.so.390.157").facts.string("versions.l4t") == nil)
        #expect(Self.analyze("lib/libnvidia-glcore.so.352.39").facts.string("versions.l4t") == nil)
    }

    @Test(
        "NVIDIA's forum template: the hint in parentheses is no part of an answer; 'GPU' as the platform is a desktop")
    func forumTemplate() {
        let desktop = Self.analyze(
            """
            • Hardware Platform (Jetson / GPU) dGPU
            • DeepStream Version 6.3
            • JetPack Version (valid for Jetson only)
            • TensorRT Version 8.6.1
            """)
        #expect(desktop.facts.bool("platform.not_jetson") == true)
        #expect(desktop.platform.model == nil)
        let jetson = Self.analyze(
            """
            • Hardware Platform (Jetson / GPU) Jetson Orin NX 16GB
            • JetPack Version (valid for Jetson only) 6.0
            • NVIDIA GPU Driver Version (valid for GPU only) N/A
            """)
        #expect(jetson.platform.model == "Jetson Orin NX 16GB")
        #expect(jetson.facts.string("versions.jetpack") == "6.0")
        #expect(jetson.facts.bool("platform.not_jetson") != true)
    }
}
