import Testing

@testable import NvdlaProbe

/// Pasted artefacts of every recognised family, written for the tests (other boards, releases, timestamp forms
/// and surrounding text than the real samples), with the findings each must give — `ID:subject`, or none.
enum ArtifactFixtures {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let findings: [String]
        var testDescription: String { name }
    }

    static let jetsonLogHead = """
        [    0.000000] Machine model: NVIDIA Jetson AGX Orin Developer Kit
        [    1.204410] tegra-mc 2c00000.memory-controller: tegra234-mc probed
        """

    static let cases: [Case] = [
        Case(
            name: "SMMU context faults on DLA0 (Orin, dmesg), counted once",
            text: jetsonLogHead + """

                [  812.113002] arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x3ffe0000, fsynr=0x290011, cbfrsynra=0x2b, cb=2
                [  812.113019] arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x3ffe1000, fsynr=0x290011, cbfrsynra=0x2b, cb=2
                [  812.200101] arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x3ffe2000, fsynr=0x290011, cbfrsynra=0x2b, cb=2
                """,
            findings: ["NVDLA-SMMU-101:dla0"]),
        Case(
            name: "SMMU fault on DLA1 in journalctl -k form",
            text: """
                Mar 03 10:12:01 orin-nx kernel: tegra-mc 2c00000.memory-controller: probed
                Mar 03 10:14:22 orin-nx kernel: arm-smmu 12000000.iommu: Unhandled context fault: fsr=0x402, iova=0x00000000, fsynr=0x10011, cbfrsynra=0x23, cb=5
                """,
            findings: ["NVDLA-SMMU-101:dla1"]),
        Case(
            name: "Xavier JP4 SMMU fault naming NVDLA0 (sid=81)",
            text: """
                [ 1203.402001] tegra194-pcie 14180000.pcie: link up
                [ 1203.502001] arm-smmu 12000000.iommu: Unhandled context fault: iova=0x17fe0fe00, fsynr=0x220003, cb=21, sid=81(0x51 - NVDLA0), pgd=0, pud=0, pmd=0, pte=0
                """,
            findings: ["NVDLA-SMMU-101:dla0"]),
        Case(
            name: "SMMU faults of the GPU and PCIe are not the DLA's",
            text: """
                <3>[  300.100000] arm-smmu 12000000.iommu: Unhandled context fault: fsr=0x402, iova=0x1000, fsynr=0x1, cbfrsynra=0x1f, cb=1
                <3>[  300.200000] arm-smmu 10000000.iommu: Unhandled context fault: fsr=0x402, iova=0x1000, fsynr=0x1, cbfrsynra=0x2b, cb=3
                <4>[  300.300000] tegra194-pcie 14160000.pcie: link is down
                """,
            findings: ["NVDLA-SMMU-102:system"]),
        Case(
            name: "DLA firmware missing, then found in the subdirectory: benign",
            text: """
                falcon 15880000.nvdla0: Direct firmware load for nvhost_nvdla020.fw failed with error -2
                falcon 15880000.nvdla0: looking for firmware in subdirectory
                nvhost-nvdla 15880000.nvdla0: initialized
                """,
            findings: []),
        Case(
            name: "DLA firmware missing everywhere (JP6 nvdla.bin, dmesg -T)",
            text: """
                [Tue Mar  4 09:01:02 2025] nvmap: nvmap_heap_init: nvmap_heap_init: created heap
                [Tue Mar  4 09:01:05 2025] nvdla 15880000.nvdla0: Direct firmware load for nvidia/tegra234/nvdla.bin failed with error -2
                [Tue Mar  4 09:01:05 2025] nvdla 15880000.nvdla0: probe failed with error -2
                [Tue Mar  4 09:01:05 2025] nvdla: probe of 15880000.nvdla0 failed with error -2
                """,
            findings: ["NVDLA-FW-101:system", "NVDLA-DRV-012:dla0"]),
        Case(
            name: "an encoder's firmware failure is not the DLA's",
            text: """
                [    9.100000] falcon 154c0000.nvenc: Direct firmware load for nvhost_nvenc080.fw failed with error -2
                [    9.100100] falcon 154c0000.nvenc: failed to get firmware
                """,
            findings: []),
        Case(
            name: "engine timeouts repeated (relative timestamps) give one finding",
            text: """
                [  +0.000000] nvhost_nvdla: loading out-of-tree module taints kernel.
                [  +2.013000] 158c0000.nvdla1:nvhost_nvdla_flcn_isr: engine timeout detected
                [  +1.000000] 158c0000.nvdla1:nvhost_nvdla_flcn_isr: engine timeout detected
                [  +1.000000] 158c0000.nvdla1:nvhost_nvdla_flcn_isr: engine timeout detected
                [  +0.000462] 158c0000.nvdla1:nvdla_send_cmd: Command 3 failed
                """,
            findings: ["NVDLA-DRV-010:dla1", "NVDLA-DRV-011:dla1"]),
        Case(
            name: "falcon boot timeout and firmware version mismatch (kmsg records)",
            text: """
                6,1201,5900000,-;nvdla 15880000.nvdla0: Adding to iommu group 10
                3,1202,5910000,-;15880000.nvdla0:nvhost_nvdla_finalize_poweron: Fw version of kernel [1.3.0] doesn't match with actual version[1.2.1]
                3,1203,5920000,-;nvdla 15880000.nvdla0: nvhost_flcn_boot: boot failed due to timeout
                """,
            findings: ["NVDLA-FW-102:dla0", "NVDLA-DRV-009:dla0"]),
        Case(
            name: "CMA failures on a Jetson (5.15 form with area name, kern.log)",
            text: """
                2025-01-06T10:12:01.000000+00:00 jetson kernel: nvgpu: 17000000.gpu gk20a_finalize_poweron:
                2025-01-06T10:12:02.000000+00:00 jetson kernel: cma: cma_alloc: linux,cma: alloc failed, req-size: 4096 pages, ret: -12
                2025-01-06T10:12:03.000000+00:00 jetson kernel: cma: cma_alloc: linux,cma: alloc failed, req-size: 4096 pages, ret: -12
                """,
            findings: ["NVDLA-MEM-101:system"]),
        Case(
            name: "CMA failure on a board with no Tegra sign (i.MX)",
            text: """
                [   54.001000] imx-vpu 38300000.vpu: probe ok
                [   60.102000] cma: cma_alloc: reserved: alloc failed, req-size: 8192 pages, ret: -16
                """,
            findings: ["NVDLA-MEM-102:system"]),
        Case(
            name: "DLA DMA allocation failure and mc-err of a DLA1 client",
            text: """
                [  401.000000] host1x 13e00000.host1x: nvhost_syncpt_init: ok
                [  401.100000] 158c0000.nvdla1:nvdla_send_cmd: dma alloc for command failed
                [  402.000000] mc-err: (255) csw_dla1wrb: EMEM address decode error
                """,
            findings: ["NVDLA-MEM-103:dla1", "NVDLA-MEM-104:dla1"]),
        Case(
            name: "DLA syncpoint stuck is the DLA's; PVA's is not",
            text: """
                [  119.263096] host1x 13e10000.host1x: trtexec: syncpoint id 40 (15880000.nvdla0_0) stuck waiting 12, timeout=519311586
                [  125.407093] host1x 13e10000.host1x: vpi_app: syncpoint id 31 (pva_syncpt) stuck waiting 1, timeout=519310086
                """,
            findings: ["NVDLA-DRV-013:dla0"]),
        Case(
            name: "only a VIC syncpoint is stuck (Xavier NX, syslog)",
            text: """
                Jun  2 11:00:01 xnx kernel: [ 4001.000100] host1x 13e10000.host1x: gst-launch-1.0: syncpoint id 18 (15340000.vic_0) stuck waiting 3, timeout=519311586
                Jun  2 11:00:01 xnx kernel: [ 4001.000400] ---- syncpts ----
                """,
            findings: ["NVDLA-DRV-014:system"]),
        Case(
            name: "open-source opendla on a non-Jetson FPGA board is not the Jetson DLA",
            text: """
                [    3.201000] opendla 10200000.nvdla: NVDLA driver probe start
                [    3.202000] [drm] Initialized nvdla 0.0.0 20171017 for 10200000.nvdla on minor 0
                [   77.000000] nvdla: probe of 10200000.nvdla failed with error -22
                """,
            // Said to be not a Jetson (info), and no DLA fault.
            findings: ["NVDLA-PLAT-004:system"]),
        Case(
            name: "Orin NX 8GB jetson_release in MAXN, no findings",
            text: """
                ```
                $ jetson_release
                Software part of jetson-stats 4.3.1 - (c) 2024, Raffaello Bonghi
                Model: NVIDIA Jetson Orin NX Engineering Reference Developer Kit - Jetpack 6.2 [L4T 36.4.3]
                NV Power Mode[0]: MAXN
                Hardware:
                 - P-Number: p3767-0001
                 - Module: NVIDIA Jetson Orin NX (8GB ram)
                Platform:
                 - Distribution: Ubuntu 22.04 Jammy Jellyfish
                 - Release: 5.15.148-tegra
                Libraries:
                 - CUDA: 12.6.68
                 - cuDNN: 9.3.0.75
                 - TensorRT: 10.3.0.30
                ```
                """,
            findings: []),
        Case(
            name: "stock JetPack 4.4 on Xavier NX with TensorRT 7.1.3 (old jetson_release): no version finding",
            text: """
                 - NVIDIA Jetson Xavier NX (Developer Kit Version)
                   * Jetpack 4.4 [L4T 32.4.3]
                   * NV Power Mode: MODE_15W_6CORE - Type: 2
                 - Libraries:
                   * CUDA: 10.2.89
                   * cuDNN: 8.0.0.180
                   * TensorRT: 7.1.3.0
                """,
            findings: ["NVDLA-CLK-101:system"]),
        Case(
            name: "stock JetPack 7.2 on AGX Orin: its TensorRT 10.16 cannot use the DLA",
            text: """
                Model: NVIDIA Jetson AGX Orin Developer Kit - Jetpack 7.2 [L4T 39.2.0]
                 - P-Number: p3701-0005
                Libraries:
                 - CUDA: 13.2.75
                 - cuDNN: 9.20.0.46
                 - TensorRT: 10.16.2.10
                """,
            findings: ["NVDLA-VER-008:system"]),
        Case(
            name: "a PyTorch wheel for desktop GPUs on an Orin: no kernel image for this GPU",
            text: """
                >>> torch.randn(2, 2, device="cuda") @ torch.randn(2, 2, device="cuda")
                Traceback (most recent call last):
                  File "<stdin>", line 1, in <module>
                RuntimeError: CUDA error: no kernel image is available for execution on the device
                CUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.
                """,
            findings: ["NVDLA-USR-015:system"]),
        Case(
            name: "the same error retold in a sentence, and the driver API's name for it",
            text: """
                Our Xavier NX build of the tracker stops with no kernel image is available for execution on the device
                E0412 09:12:44.100 cuda_driver.cc:88] failed call to cuModuleLoadData: CUDA_ERROR_NO_BINARY_FOR_GPU
                """,
            findings: ["NVDLA-USR-015:system"]),
        Case(
            name: "ONNX Runtime from PyPI (CPU only) asked for the TensorRT provider, and PyTorch's error retold",
            text: """
                2026-11-02 10:14:05.12 [W:onnxruntime:Default, onnxruntime_pybind_state.cc:965] UserWarning: Specified provider 'TensorrtExecutionProvider' is not in available provider names.Available providers: 'CPUExecutionProvider'
                When I move the model I get Torch not compiled with CUDA enabled, on a fresh JetPack 6.1 install
                """,
            findings: ["NVDLA-USR-002:system"]),
        Case(
            name: "PyTorch built for CUDA 12 on JetPack 5's CUDA 11.4 driver",
            text: """
                RuntimeError: The NVIDIA driver on your system is too old (found version 11040). Please update your GPU driver by downloading and installing a new version from the URL: http://www.nvidia.com/Download/index.aspx
                """,
            findings: ["NVDLA-USR-011:system"]),
        Case(
            name: "pip's TensorRT package refusing to install on Jetson",
            text: """
                  Building wheel for tensorrt-cu12 (setup.py) ... error
                      RuntimeError: TensorRT does not currently build wheels for Tegra systems
                """,
            findings: ["NVDLA-USR-012:system"]),
        Case(
            name: "SMMU fault whose cbfrsynra carries bits above DLA0's stream ID",
            text: jetsonLogHead + """

                [  901.000101] arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x3ffe0000, fsynr=0x290011, cbfrsynra=0x82b, cb=2
                """,
            findings: ["NVDLA-SMMU-101:dla0"]),
        Case(
            name: "Orin NX 8GB: a fused-off DLA is expected, graded by the pasted jetson_release",
            text: """
                Model: NVIDIA Jetson Orin NX Engineering Reference Developer Kit - Jetpack 6.2 [L4T 36.4.3]
                 - P-Number: p3767-0001

                [    5.871002] nvdla 15880000.nvdla0: NVDLA0 IP is disabled in Fuse
                [    5.911119] nvdla 158c0000.nvdla1: Adding to iommu group 11
                """,
            findings: ["NVDLA-DRV-002:dla0"]),
        Case(
            name: "AGX Orin 64GB: a fused-off DLA is an error",
            text: """
                Model: NVIDIA Jetson AGX Orin Developer Kit - Jetpack 6.2 [L4T 36.4.3]
                 - P-Number: p3701-0005

                Mar 03 10:12:01 agx kernel: nvdla 158c0000.nvdla1: NVDLA1 IP is disabled in Fuse
                """,
            findings: ["NVDLA-DRV-003:dla1"]),
        Case(
            name: "a ticket: prose, fenced old-style jetson_release, quoted dmesg with a failed subdirectory retry",
            text: """
                Hi, my DLA stopped working after upgrade. Here is the output:

                ```console
                nvidia@ubuntu:~$ jetson_release
                 - NVIDIA Jetson AGX Xavier [16GB]
                   * Jetpack 5.1.1 [L4T 35.3.1]
                   * NV Power Mode: MAXN - Type: 0
                 - Libraries:
                   * CUDA: 11.4.315
                   * cuDNN: 8.6.0.166
                   * TensorRT: 8.5.2.2
                ```

                and dmesg:

                > [ 1201.123] nvdla 15880000.nvdla0: Direct firmware load for nvhost_nvdla010.fw failed with error -2
                > [ 1201.124] nvdla 15880000.nvdla0: looking for firmware in subdirectory
                > [ 1201.130] nvdla 15880000.nvdla0: Direct firmware load for tegra19x/nvhost_nvdla010.fw failed with error -2
                > [ 1201.131] nvdla 15880000.nvdla0: failed to get firmware
                > [ 1301.131] 15880000.nvdla0:nvhost_nvdla_flcn_isr: engine timeout detected

                Thanks!
                """,
            findings: ["NVDLA-DRV-010:dla0", "NVDLA-FW-101:system"]),
        Case(
            name: "nv_tegra_release of JP5 with nvpmodel -q in a lower mode",
            text: """
                $ cat /etc/nv_tegra_release
                # R35 (release), REVISION: 4.1, GCID: 33958178, BOARD: t186ref, EABI: aarch64, DATE: Tue Aug  1 19:57:35 UTC 2023

                $ sudo nvpmodel -q
                NVPM WARN: fan mode is not set!
                NV Power Mode: MODE_15W
                2
                """,
            findings: ["NVDLA-CLK-101:system"]),
        Case(
            name: "dpkg -l with nvidia-l4t packages",
            text: """
                Desired=Unknown/Install/Remove/Purge/Hold
                | Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend
                |/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)
                ||/ Name                       Version                   Architecture Description
                +++-==========================-=========================-============-===========
                ii  nvidia-l4t-core            35.4.1-20230801124926     arm64        NVIDIA Core Package
                ii  nvidia-l4t-firmware        35.4.1-20230801124926     arm64        NVIDIA Firmware Package
                ii  nvidia-l4t-dla-compiler    35.4.1-20230801124926     arm64        NVIDIA DLA Compiler
                """,
            findings: []),
        Case(
            name: "ls -l /dev with stock video-group nodes stays silent",
            text: """
                $ ls -l /dev/nvhost*
                crw-rw---- 1 root video 491, 0 Jan  8 01:49 /dev/nvhost-ctrl-nvdla0
                crw-rw---- 1 root video 492, 0 Jan  8 01:49 /dev/nvhost-ctrl-nvdla1
                """,
            findings: []),
        Case(
            name: "ls -l with a root-only DLA1 node",
            text: """
                root@yocto:~# ls -l /dev | grep nvhost
                crw-rw----  1 root video   507,  54 Aug  3 04:18 nvhost-ctrl-nvdla0
                crw-------  1 root root    507,  62 Aug  3 04:18 nvhost-ctrl-nvdla1
                """,
            findings: ["NVDLA-DEV-007:dla1"]),
        Case(
            name: "ldd shows libnvdla_compiler not found in a container",
            text: """
                $ ldd /usr/lib/aarch64-linux-gnu/libnvinfer.so.8
                \tlinux-vdso.so.1 (0x0000ffff8a1c4000)
                \tlibnvdla_compiler.so => not found
                \tlibcudart.so.11.0 => /usr/local/cuda/lib64/libcudart.so.11.0 (0x0000ffff89f00000)
                """,
            findings: ["NVDLA-USR-001:system"]),
        Case(
            name: "an empty placeholder library, retold without the loader's colon (file too short)",
            text: """
                Inside the container ./detectnet fails with
                ./detectnet: error while loading shared libraries: /usr/lib/aarch64-linux-gnu/libnvinfer_plugin.so.8.2.1 file too short
                """,
            findings: ["NVDLA-USR-001:system"]),
        Case(
            name: "ls -l in a container shows TensorRT's library as an empty placeholder (size 0)",
            text: """
                root@3f2a9c1e7b10:/# ls -l /usr/lib/aarch64-linux-gnu/libnvinfer.so.8.2.1
                -rw-r--r-- 1 root root 0 Feb  1  2022 /usr/lib/aarch64-linux-gnu/libnvinfer.so.8.2.1
                """,
            findings: ["NVDLA-USR-001:system"]),
        Case(
            name: "ls -l shows cuDNN as an empty placeholder (size 0, time of day instead of year)",
            text: """
                $ ls -l /usr/lib/aarch64-linux-gnu/libcudnn.so.8.0.0
                -rw-r--r-- 1 root root 0 Oct 19 10:22 /usr/lib/aarch64-linux-gnu/libcudnn.so.8.0.0
                """,
            findings: ["NVDLA-USR-003:system"]),
        Case(
            name: "apt cannot install the JetPack meta-package: unmet dependencies",
            text: """
                $ sudo apt install nvidia-jetpack
                The following packages have unmet dependencies:
                 nvidia-jetpack : Depends: nvidia-cuda (= 6.0+b106) but 6.1+b123 is to be installed
                                  Depends: nvidia-cudnn (= 6.0+b106) but it is not going to be installed
                E: Unable to correct problems, you have held broken packages.
                """,
            findings: ["NVDLA-USR-010:system"]),
        Case(
            name: "PyTorch: a CUDA runtime newer than the L4T driver (error 35 by its message)",
            text: """
                  File "/usr/local/lib/python3.8/dist-packages/torch/cuda/__init__.py", line 217, in _lazy_init
                    torch._C._cuda_init()
                RuntimeError: CUDA driver version is insufficient for CUDA runtime version
                """,
            findings: ["NVDLA-USR-011:system"]),
        Case(
            name: "a library's PTX from a newer CUDA than the driver",
            text: """
                root@orin:/opt/app# ./sample_gpu
                CUDA error at sample.cu:88: the provided PTX was compiled with an unsupported toolchain.
                """,
            findings: ["NVDLA-USR-011:system"]),
        Case(
            name: "a tool built for another Ubuntu release misses OpenSSL 1.1 (not a JetPack library)",
            text: """
                $ ./tao-converter -k key -d 3,544,960 model.etlt
                ./tao-converter: error while loading shared libraries: libcrypto.so.1.1: cannot open shared object file: No such file or directory
                """,
            findings: ["NVDLA-USR-013:system"]),
        Case(
            name: "container runtime cannot mount the host's libnvdla_compiler",
            text: """
                $ docker run --runtime nvidia -it nvcr.io/nvidia/l4t-tensorrt:r8.5.2-runtime
                docker: Error response from daemon: failed to create shim task: OCI runtime create failed: nvidia-container-cli: mount error: stat failed: /usr/lib/aarch64-linux-gnu/tegra/libnvdla_compiler.so: no such file or directory: unknown.
                """,
            findings: ["NVDLA-USR-001:system"]),
        Case(
            name: "Python in a container cannot load cuBLAS (CUDA library, not the DLA)",
            text: """
                root@3f2a9c81d7e4:/workspace# python3 detect.py --engine yolo.engine
                Traceback (most recent call last):
                  File "detect.py", line 3, in <module>
                    import torch
                  File "/usr/local/lib/python3.8/dist-packages/torch/__init__.py", line 196, in <module>
                    from torch._C import *
                ImportError: libcublas.so.11: cannot open shared object file: No such file or directory
                """,
            findings: ["NVDLA-USR-003:system"]),
        Case(
            name: "ld warns cuDNN is missing while linking against libnvinfer (linker form, not the loader)",
            text: """
                [ 92%] Linking CXX executable ../bin/detectnet
                /usr/bin/ld: warning: libcudnn.so.8, needed by /usr/lib/aarch64-linux-gnu/libnvinfer.so.8, not found (try using -rpath or -rpath-link)
                collect2: error: ld returned 1 exit status
                """,
            findings: ["NVDLA-USR-003:system"]),
        Case(
            name: "docker build: libnvinfer's NvMedia/nvdla symbols are undefined at link time",
            text: """
                Step 7/9 : RUN cmake .. && make -j4
                /usr/bin/ld: /usr/lib/aarch64-linux-gnu/libnvinfer.so: undefined reference to `NvMediaDlaLoadableCreate'
                /usr/bin/ld: /usr/lib/aarch64-linux-gnu/libnvinfer.so: undefined reference to `nvdla::INetwork::getNumLayers() const'
                collect2: error: ld returned 1 exit status
                """,
            findings: ["NVDLA-USR-004:system"]),
        Case(
            name: "jetsonInfo.py on a BSP-only board: CUDA, cuDNN and TensorRT not installed",
            text: """
                $ python3 jetsonInfo.py
                NVIDIA Jetson Xavier NX (Developer Kit Version)
                 L4T 35.4.1 [ JetPack 5.1.2 ]
                   Ubuntu 20.04.6 LTS
                   Kernel Version: 5.10.120-tegra
                 CUDA NOT_INSTALLED
                   CUDA Architecture: 7.2
                 OpenCV version: 4.5.4
                 CUDNN: NOT_INSTALLED
                 TensorRT: NOT_INSTALLED
                """,
            findings: ["NVDLA-USR-005:system"]),
        Case(
            name: "docker without the NVIDIA runtime registered",
            text: """
                user@orin:~$ sudo docker run -it --rm --runtime nvidia --network host dustynv/l4t-pytorch:r36.2.0
                docker: Error response from daemon: unknown or invalid runtime name: nvidia.
                See 'docker run --help'.
                """,
            findings: ["NVDLA-USR-006:system"]),
        Case(
            name: "a venv's Python cannot import tensorrt",
            text: """
                (yolo) jetson@nx:~/work$ python -c "import tensorrt as trt; print(trt.__version__)"
                Traceback (most recent call last):
                  File "<string>", line 1, in <module>
                ModuleNotFoundError: No module named 'tensorrt'
                """,
            findings: ["NVDLA-USR-007:system"]),
        Case(
            name: "JetPack 5.1.2 named, but nv_tegra_release says R35.1",
            text: """
                I am on JetPack 5.1.2 and cuDLA fails to load my loadable.
                $ cat /etc/nv_tegra_release
                # R35 (release), REVISION: 1.0, GCID: 31250864, BOARD: t186ref, EABI: aarch64, DATE: Thu Aug 11 03:40:29 UTC 2022
                """,
            findings: ["NVDLA-VER-011:system"]),
        Case(
            name: "an L4T package's post-installation script fails during an apt upgrade",
            text: """
                Setting up nvidia-l4t-initrd (35.4.1-20230801124926) ...
                dpkg: error processing package nvidia-l4t-initrd (--configure):
                 installed nvidia-l4t-initrd package post-installation script subprocess returned error exit status 1
                E: Sub-process /usr/bin/dpkg returned an error code (1)
                """,
            findings: ["NVDLA-USR-014:system"]),
        Case(
            name: "an old dpkg cannot unpack a kernel package on a full /boot",
            text: """
                dpkg: error processing archive /var/cache/apt/archives/nvidia-l4t-kernel_5.10.120-tegra-35.4.1-20230801124926_arm64.deb (--unpack):
                 unable to open '/boot/Image.dpkg-new': No space left on device
                """,
            findings: ["NVDLA-USR-014:system"]),
        Case(
            name: "a TensorRT remembered from another release than the one shown",
            text: """
                $ head -n 1 /etc/nv_tegra_release
                # R35 (release), REVISION: 4.1, GCID: 33958178, BOARD: t186ref, EABI: aarch64, DATE: Tue Aug  1 19:57:35 UTC 2023
                Our Xavier NX has run this release since spring, and I think it shipped TensorRT 7.1 back then.
                """,
            findings: ["NVDLA-VER-012:system"]),
        Case(
            name: "the open-source NVDLA on an FPGA: not a Jetson",
            text: """
                root@zcu102:~# insmod opendla.ko
                [   41.183412] opendla: loading out-of-tree module taints kernel.
                [   41.201977] [drm] Initialized nvdla 0.0.0 20171017 for a0000000.nvdla on minor 1
                root@zcu102:~# ./nvdla_runtime --loadable basic.nvdla
                """,
            findings: ["NVDLA-PLAT-004:system"]),
        Case(
            name: "apt show of nvidia-jetpack and the DLA compiler: recognised, nothing wrong",
            text: """
                $ apt show nvidia-jetpack nvidia-l4t-dla-compiler
                Package: nvidia-jetpack
                Version: 6.2+b77
                Priority: standard
                Section: metapackages
                Maintainer: NVIDIA Corporation
                Architecture: arm64

                Package: nvidia-l4t-dla-compiler
                Version: 36.4.3-20250107174145
                Architecture: arm64
                """,
            findings: []),
        Case(
            name: "tegrastats (JP6, NVDLA fields), lsmod and meminfo: recognised, nothing wrong",
            text: """
                05-09-2026 18:42:06 RAM 18207/62841MB (lfb 466x4MB) SWAP 86/31420MB (cached 0MB) CPU [14%@2188,2%@2188] EMC_FREQ 3%@2133 GR3D_FREQ 0%@[0,0] NVDLA0 off NVDLA1 off APE 174 cpu@52.562C VDD_GPU_SOC 2412mW/2412mW

                Module                  Size  Used by
                nvhost_nvdla          311296  0
                nvgpu                2785280  30
                nvmap                 204800  88 nvgpu

                MemTotal:       64335836 kB
                MemFree:        51234560 kB
                CmaTotal:         524288 kB
                CmaFree:          498000 kB
                """,
            findings: []),
        Case(
            name: "lld: undefined symbol of OpenCV while linking (not a JetPack library)",
            text: """
                [ 98%] Linking CXX executable detector
                ld.lld: error: undefined symbol: cv::imread(std::__cxx11::basic_string<char> const&, int)
                >>> referenced by main.cpp:41 (src/main.cpp:41)
                clang++: error: linker command failed with exit code 1 (use -v to see invocation)
                """,
            findings: ["NVDLA-USR-008:system"]),
        Case(
            name: "GNU ld: undefined reference into libtorch from a CMake build",
            text: """
                /usr/bin/ld: CMakeFiles/infer.dir/src/infer.cpp.o: in function `Infer::load(std::string const&)':
                infer.cpp:(.text+0x1f4): undefined reference to `at::_ops::to_dtype::call(at::Tensor const&, c10::ScalarType, bool, bool)'
                collect2: error: ld returned 1 exit status
                """,
            findings: ["NVDLA-USR-008:system"]),
        Case(
            name: "libnvinfer's own undefined references are USR-004 only, never USR-008 too",
            text: """
                /usr/lib/aarch64-linux-gnu/libnvinfer.so.8: undefined reference to `NvMediaDlaGetNumEngines'
                /usr/lib/aarch64-linux-gnu/libnvinfer.so.8: undefined reference to `nvdla::IProfile::setName(char const*)'
                """,
            findings: ["NVDLA-USR-004:system"]),
        Case(
            name:
                "a JetPack 6 container on a JetPack 5 host: the loader finds libnvcudla missing nvdla symbols (USR-004)",
            text: """
                >>> import tensorrt
                ImportError: /usr/local/cuda/compat/libnvcudla.so: undefined symbol: _ZN5nvdla8IRuntime4loadEPKhi
                """,
            findings: ["NVDLA-USR-004:system"]),
        Case(
            name: "NvMM cannot open the video encoder's node inside a container (USR-009, not the DLA)",
            text: """
                Opening channel /dev/nvhost-msenc failed
                NVMEDIA: NvMMLiteNVMEDIAEncBlockOpen: could not open encoder
                Could not get NVENC Channel handle for inst 0
                (gst-launch-1.0:42): GStreamer-CRITICAL **: 10:11:12.345: gst_caps_is_empty: assertion 'GST_IS_CAPS (caps)' failed
                """,
            findings: ["NVDLA-USR-009:system"]),
        Case(
            name: "a kernel log and a DLA node that fails to open: USR-009 stays silent (DLA nodes are not its)",
            text: jetsonLogHead + """

                Opening channel /dev/nvhost-nvdla0 failed
                """,
            findings: []),
    ]
}
