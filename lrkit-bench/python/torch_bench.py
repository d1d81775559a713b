#!/usr/bin/python3
"""PyTorch side of lrkit's side-by-side training benchmark.

The Java side (lrkit on DJL/libtorch) runs the same protocols; this script gives the PyTorch numbers to
compare against. Every subcommand prints JSON lines on stdout and diagnostics on stderr.

Subcommands:
  params      parameter counts of all models; exits 1 if any differs from lrkit's DJL models
  flops       forward FLOPs per image of every model (Conv2d and Linear only)
  matmul      dense FP32 matrix product rate in GFLOP/s
  throughput  training images per second on a batch file written by the Java side
  accuracy    time to accuracy: trains on Fashion-MNIST, one JSON line per epoch plus a summary

Run it with Debian's interpreter, which has python3-torch: /usr/bin/python3 torch_bench.py SUBCOMMAND ...

Threads: torch.set_num_threads(--threads) and torch.set_num_interop_threads(--interop-threads) are called
before anything else. Debian's torch multiplies matrices (Linear layers, matmul) with the system BLAS
(OpenBLAS), whose own thread pool ignores torch's setting, so the same count is given to OpenBLAS too when
it is the loaded BLAS. OpenBLAS picks its kernels from the CPU model at load time; the environment variable
OPENBLAS_CORETYPE (e.g. SkylakeX, Haswell) overrides that choice and must be set before this script starts.
The "blas" field of the output names the kernels in use.
"""

import argparse
import ctypes
import gzip
import json
import resource
import os
import statistics
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

NUM_CLASSES = 10

# Trainable parameter counts of lrkit's DJL models (BatchNorm weight and bias included, running stats not).
EXPECTED_PARAMETERS = {
    "fashion_cnn": 421_738,
    "resnet20": 269_722,
    "resnet56": 853_018,
    "resnet9": 6_573_120,
}

# (channels, height, width) of each model's input.
INPUT_SHAPES = {
    "fashion_cnn": (1, 28, 28),
    "resnet20": (3, 32, 32),
    "resnet56": (3, 32, 32),
    "resnet9": (3, 32, 32),
}

BN_EPS = 1e-5
BN_MOMENTUM = 0.1  # PyTorch's convention; the same as DJL's running-average momentum 0.9

BATCH_MAGIC = b"LRKB"
BATCH_VERSION = 1
BATCH_HEADER_BYTES = 24

FASHION_MEAN = 0.2860
FASHION_STD = 0.3530
DEFAULT_DATA_DIR = "/usr/share/datasets/fashion-mnist"
IDX_IMAGES_MAGIC = 2051
IDX_LABELS_MAGIC = 2049

THROUGHPUT_MAX_LR = 0.1


# ----------------------------------------------------------------------------------------------------------
# Models
# ----------------------------------------------------------------------------------------------------------

def batch_norm(channels):
    """A BatchNorm2d with the epsilon and momentum shared by both sides of the benchmark."""
    return nn.BatchNorm2d(channels, eps=BN_EPS, momentum=BN_MOMENTUM)


def conv3x3(in_channels, out_channels, stride=1):
    """A 3x3 convolution with padding 1 and no bias (a BatchNorm follows it)."""
    return nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1, bias=False)


def fashion_cnn():
    """The small Fashion-MNIST CNN: two conv-BN-ReLU-pool stages and two fully connected layers."""
    return nn.Sequential(
        conv3x3(1, 32), batch_norm(32), nn.ReLU(inplace=True), nn.MaxPool2d(2),
        conv3x3(32, 64), batch_norm(64), nn.ReLU(inplace=True), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(64 * 7 * 7, 128), nn.ReLU(inplace=True),
        nn.Linear(128, NUM_CLASSES),
    )


class PadShortcut(nn.Module):
    """Option A shortcut of He et al. (2016): subsample by 2 and zero-pad the new channels.

    (out - in) // 2 zero channels go before the input's channels and the rest after them.
    """

    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.before = (out_channels - in_channels) // 2
        self.after = out_channels - in_channels - self.before

    def forward(self, x):
        x = x[:, :, ::2, ::2]
        # F.pad takes (last dim left, right, next-to-last left, right, ...): W, H, then channels.
        return F.pad(x, (0, 0, 0, 0, self.before, self.after))


class BasicBlock(nn.Module):
    """relu(BN(conv3x3(relu(BN(conv3x3(x))))) + shortcut(x)), the CIFAR ResNet building block."""

    def __init__(self, in_channels, out_channels, stride):
        super().__init__()
        self.conv1 = conv3x3(in_channels, out_channels, stride)
        self.bn1 = batch_norm(out_channels)
        self.conv2 = conv3x3(out_channels, out_channels)
        self.bn2 = batch_norm(out_channels)
        if stride != 1 or in_channels != out_channels:
            if stride != 2:
                raise ValueError(f"option A shortcut needs stride 2, got stride={stride}")
            self.shortcut = PadShortcut(in_channels, out_channels)
        else:
            self.shortcut = nn.Identity()

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + self.shortcut(x))


def cifar_resnet(blocks_per_stage):
    """He et al. (2016) CIFAR ResNet-(6n+2) with option A shortcuts; n=3 is ResNet-20, n=9 ResNet-56."""
    layers = [conv3x3(3, 16), batch_norm(16), nn.ReLU(inplace=True)]
    in_channels = 16
    for stage, channels in enumerate((16, 32, 64)):
        for block in range(blocks_per_stage):
            stride = 2 if stage > 0 and block == 0 else 1
            layers.append(BasicBlock(in_channels, channels, stride))
            in_channels = channels
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, NUM_CLASSES)]
    return nn.Sequential(*layers)


class Residual(nn.Module):
    """x + f(x)."""

    def __init__(self, *layers):
        super().__init__()
        self.body = nn.Sequential(*layers)

    def forward(self, x):
        return x + self.body(x)


class Scale(nn.Module):
    """Multiplies its input by a constant."""

    def __init__(self, factor):
        super().__init__()
        self.factor = factor

    def forward(self, x):
        return x * self.factor


def conv_bn(in_channels, out_channels):
    """Page's convbn: 3x3 convolution without bias, BatchNorm, ReLU."""
    return nn.Sequential(conv3x3(in_channels, out_channels), batch_norm(out_channels), nn.ReLU(inplace=True))


def resnet9():
    """David Page's DAWNBench ResNet-9 ("How to Train Your ResNet", 2018), output scaled by 0.125."""
    return nn.Sequential(
        conv_bn(3, 64),
        conv_bn(64, 128), nn.MaxPool2d(2), Residual(conv_bn(128, 128), conv_bn(128, 128)),
        conv_bn(128, 256), nn.MaxPool2d(2),
        conv_bn(256, 512), nn.MaxPool2d(2), Residual(conv_bn(512, 512), conv_bn(512, 512)),
        nn.AdaptiveMaxPool2d(1), nn.Flatten(),
        nn.Linear(512, NUM_CLASSES, bias=False),
        Scale(0.125),
    )


MODEL_BUILDERS = {
    "fashion_cnn": fashion_cnn,
    "resnet20": lambda: cifar_resnet(3),
    "resnet56": lambda: cifar_resnet(9),
    "resnet9": resnet9,
}


def build_model(name):
    """A freshly initialised model by name (PyTorch's default initialisation)."""
    if name not in MODEL_BUILDERS:
        raise ValueError(f"model must be one of {', '.join(MODEL_BUILDERS)}, got {name!r}")
    return MODEL_BUILDERS[name]()


def count_parameters(model):
    """Trainable parameters, BatchNorm weight and bias included (running statistics are buffers)."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


# ----------------------------------------------------------------------------------------------------------
# Runtime: threads and BLAS
# ----------------------------------------------------------------------------------------------------------

def loaded_blas_path():
    """Path of the BLAS library mapped into this process (Debian's torch links libblas.so.3), or None."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                if os.path.basename(path).startswith("libblas.so"):
                    return path
    except OSError:
        pass
    return None


def openblas_handle():
    """A ctypes handle on the loaded BLAS if it is OpenBLAS, else None."""
    path = loaded_blas_path()
    if path is None:
        return None
    try:
        lib = ctypes.CDLL(path)
        lib.openblas_get_config.restype = ctypes.c_char_p
        lib.openblas_get_corename.restype = ctypes.c_char_p
        return lib
    except (OSError, AttributeError):
        return None


def configure_threads(threads, interop_threads):
    """Sets torch's intra- and inter-op thread counts, and OpenBLAS's when it is the loaded BLAS."""
    torch.set_num_interop_threads(interop_threads)
    torch.set_num_threads(threads)
    lib = openblas_handle()
    if lib is not None:
        lib.openblas_set_num_threads(threads)


def blas_summary():
    """A short description of the math libraries: OpenBLAS kernels and threads, oneDNN, torch's BLAS_INFO."""
    parts = []
    lib = openblas_handle()
    if lib is not None:
        version = " ".join(lib.openblas_get_config().decode().split()[:2])
        core = lib.openblas_get_corename().decode()
        parts.append(f"{version} core={core} threads={lib.openblas_get_num_threads()}")
    for line in torch.__config__.show().splitlines():
        line = line.strip(" -")
        if "MKL-DNN" in line:
            parts.append(line.replace(" (Git Hash N/A)", ""))
        elif "BLAS_INFO=" in line:
            blas_info = [item.strip() for item in line.split(",") if "BLAS_INFO=" in item]
            parts.extend(item.replace("Build settings: ", "") for item in blas_info)
    return "; ".join(parts)


def warn_about_generic_openblas():
    """Warns on stderr if OpenBLAS fell back to old SSE3 kernels on a CPU with AVX2 (an unknown CPU model)."""
    lib = openblas_handle()
    if lib is None or "OPENBLAS_CORETYPE" in os.environ:
        return
    core = lib.openblas_get_corename().decode().lower()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            has_avx2 = " avx2" in cpuinfo.read()
    except OSError:
        has_avx2 = False
    if has_avx2 and core in ("prescott", "core2", "nehalem", "atom", "katmai", "coppermine"):
        log(f"warning: OpenBLAS uses {core} kernels although the CPU has AVX2 (CPU model unknown to this "
            "OpenBLAS); set OPENBLAS_CORETYPE=SkylakeX or Haswell to use the faster kernels")


def log(message):
    """A diagnostic line on stderr (stdout carries only JSON)."""
    print(message, file=sys.stderr, flush=True)


def emit(record):
    """One JSON line on stdout, flushed at once."""
    print(json.dumps(record), flush=True)


# ----------------------------------------------------------------------------------------------------------
# Batch files written by the Java side
# ----------------------------------------------------------------------------------------------------------

def read_batch_file(path):
    """Reads an LRKB batch file; returns (images float32 NCHW, labels int64).

    Layout (little-endian): b"LRKB", int32 version (1), int32 N, C, H, W, N*C*H*W float32 images, N int32
    labels.
    """
    try:
        raw = np.fromfile(path, dtype=np.uint8)
    except OSError as e:
        raise ValueError(f"cannot read batch file {path}: {e}") from e
    if raw.size < BATCH_HEADER_BYTES:
        raise ValueError(f"batch file {path} has {raw.size} bytes, fewer than the {BATCH_HEADER_BYTES}-byte "
                         "header")
    magic = raw[:4].tobytes()
    if magic != BATCH_MAGIC:
        raise ValueError(f"batch file {path} starts with {magic!r}, expected magic {BATCH_MAGIC!r}")
    version, n, c, h, w = (int(v) for v in np.frombuffer(raw, dtype="<i4", count=5, offset=4))
    if version != BATCH_VERSION:
        raise ValueError(f"batch file {path} has version {version}, expected {BATCH_VERSION}")
    for name, value in (("count N", n), ("channels C", c), ("height H", h), ("width W", w)):
        if value < 1:
            raise ValueError(f"batch file {path} has {name} = {value}, expected at least 1")
    values = n * c * h * w
    expected = BATCH_HEADER_BYTES + 4 * values + 4 * n
    if raw.size != expected:
        raise ValueError(f"batch file {path} is {raw.size} bytes long, expected {expected} "
                         f"(24-byte header + {n}x{c}x{h}x{w} float32 images + {n} int32 labels)")
    images = np.frombuffer(raw, dtype="<f4", count=values, offset=BATCH_HEADER_BYTES).reshape(n, c, h, w)
    labels = np.frombuffer(raw, dtype="<i4", count=n, offset=BATCH_HEADER_BYTES + 4 * values)
    bad = np.flatnonzero((labels < 0) | (labels >= NUM_CLASSES))
    if bad.size:
        raise ValueError(f"batch file {path}: label {int(labels[bad[0]])} of example {int(bad[0])} is "
                         f"outside [0, {NUM_CLASSES - 1}] ({bad.size} bad label(s) in all)")
    if not np.isfinite(images).all():
        raise ValueError(f"batch file {path} holds non-finite image values")
    return images.astype(np.float32), labels.astype(np.int64)


def mini_batches(images, labels, batch_size, source):
    """Cuts the examples into consecutive tensors of batch_size, dropping the remainder."""
    count = len(labels) // batch_size
    if count < 1:
        raise ValueError(f"--batch-size {batch_size} is larger than the {len(labels)} examples in {source}")
    return [(torch.from_numpy(images[i * batch_size:(i + 1) * batch_size].copy()),
             torch.from_numpy(labels[i * batch_size:(i + 1) * batch_size].copy()))
            for i in range(count)]


def check_input_shape(model_name, images, source):
    """Raises if the images' (C, H, W) is not the model's input shape."""
    expected = INPUT_SHAPES[model_name]
    actual = tuple(images.shape[1:])
    if actual != expected:
        raise ValueError(f"{source} holds images of shape {actual}, but --model {model_name} takes {expected}")


# ----------------------------------------------------------------------------------------------------------
# Subcommand: params
# ----------------------------------------------------------------------------------------------------------

def run_params(args):
    """Prints every model's parameter count; returns 1 if any differs from the DJL model's."""
    counts = {name: count_parameters(build_model(name)) for name in MODEL_BUILDERS}
    emit(counts)
    wrong = {name: (count, EXPECTED_PARAMETERS[name]) for name, count in counts.items()
             if count != EXPECTED_PARAMETERS[name]}
    for name, (count, expected) in wrong.items():
        log(f"error: {name} has {count} parameters, expected {expected}")
    return 1 if wrong else 0


# ----------------------------------------------------------------------------------------------------------
# Subcommand: flops
# ----------------------------------------------------------------------------------------------------------

def layer_flops(module, output):
    """Forward FLOPs of one Conv2d or Linear call (a multiply-add counts 2; a bias add counts 1)."""
    if isinstance(module, nn.Conv2d):
        kh, kw = module.kernel_size
        flops = 2 * output.numel() * (module.in_channels // module.groups) * kh * kw
    else:
        flops = 2 * (output.numel() // module.out_features) * module.in_features * module.out_features
    if module.bias is not None:
        flops += output.numel()
    return flops


def forward_flops(model_name):
    """Forward FLOPs for one image, counted on Conv2d and Linear layers with forward hooks."""
    model = build_model(model_name).eval()
    total = [0]

    def hook(module, _inputs, output):
        total[0] += layer_flops(module, output)

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model(torch.zeros(1, *INPUT_SHAPES[model_name]))
    for handle in handles:
        handle.remove()
    return total[0]


def run_flops(args):
    """Prints the forward FLOPs per image of every model."""
    emit({name: forward_flops(name) for name in MODEL_BUILDERS})
    return 0


# ----------------------------------------------------------------------------------------------------------
# Subcommand: matmul
# ----------------------------------------------------------------------------------------------------------

def matmul_gflops(n, min_seconds, warmup=3):
    """GFLOP/s of an n x n FP32 product, timed over as many repetitions as fill min_seconds."""
    a = torch.randn(n, n)
    b = torch.randn(n, n)
    c = torch.empty(n, n)
    for _ in range(warmup):
        torch.mm(a, b, out=c)
    reps = 0
    start = time.perf_counter()
    while True:
        torch.mm(a, b, out=c)
        reps += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            break
    log(f"matmul n={n}: {reps} reps in {elapsed:.3f} s")
    return 2.0 * n ** 3 * reps / elapsed / 1e9


def run_matmul(args):
    """Prints the dense FP32 matrix product rate for each size."""
    torch.manual_seed(args.seed)
    gflops = {str(n): round(matmul_gflops(n, args.min_seconds), 2) for n in args.sizes}
    emit({"framework": "pytorch", "version": torch.__version__, "threads": torch.get_num_threads(),
          "blas": blas_summary(), "gflops": gflops})
    return 0


# ----------------------------------------------------------------------------------------------------------
# Subcommand: throughput
# ----------------------------------------------------------------------------------------------------------

def sgd(model, lr, momentum, weight_decay, nesterov=False):
    """Plain SGD with momentum and L2 weight decay, as on the Java side."""
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum, nesterov=nesterov,
                           weight_decay=weight_decay)


def train_step(model, optimizer, scheduler, images, labels):
    """One training step; returns the loss as a float (reading it synchronises, as the Java side does)."""
    loss = F.cross_entropy(model(images), labels)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()


def run_throughput(args):
    """Times training steps on the batches of a batch file and prints one JSON line."""
    images, labels = read_batch_file(args.batches)
    check_input_shape(args.model, images, args.batches)
    batches = mini_batches(images, labels, args.batch_size, args.batches)
    memory_format = torch.channels_last if args.channels_last else torch.contiguous_format
    batches = [(x.contiguous(memory_format=memory_format), y) for x, y in batches]

    torch.manual_seed(args.seed)
    model = build_model(args.model).to(memory_format=memory_format)
    model.train()
    optimizer = sgd(model, THROUGHPUT_MAX_LR, momentum=0.9, weight_decay=5e-4)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=THROUGHPUT_MAX_LR,
                                                    total_steps=max(100, args.warmup_steps + args.steps))
    log(f"throughput: {args.model}, {len(batches)} mini-batches of {args.batch_size}, "
        f"{args.warmup_steps} warm-up + {args.steps} timed steps, {torch.get_num_threads()} threads")

    step = 0
    for _ in range(args.warmup_steps):
        x, y = batches[step % len(batches)]
        loss = train_step(model, optimizer, scheduler, x, y)
        step += 1

    durations = []
    profiler = torch.autograd.profiler.profile() if args.profile else None
    if profiler:
        profiler.__enter__()
    faults_at_start = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    start = time.perf_counter()
    for _ in range(args.steps):
        x, y = batches[step % len(batches)]
        step_start = time.perf_counter()
        loss = train_step(model, optimizer, scheduler, x, y)
        durations.append(time.perf_counter() - step_start)
        step += 1
    seconds = time.perf_counter() - start
    if profiler:
        profiler.__exit__(None, None, None)
        profiler.export_chrome_trace(args.profile)
    log("step ms: " + " ".join(f"{1000.0 * d:.1f}" for d in durations))

    emit({
        "framework": "pytorch",
        "version": torch.__version__,
        "model": args.model,
        "batch": args.batch_size,
        "threads": torch.get_num_threads(),
        "interop_threads": torch.get_num_interop_threads(),
        "steps": args.steps,
        "seconds": seconds,
        "images_per_second": args.steps * args.batch_size / seconds,
        "step_ms_median": 1000.0 * statistics.median(durations),
        "parameters": count_parameters(model),
        "page_faults_per_step": (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults_at_start) / args.steps,
        "final_loss": loss,
        "blas": blas_summary(),
        "channels_last": bool(args.channels_last),
    })
    return 0


# ----------------------------------------------------------------------------------------------------------
# Subcommand: accuracy (Fashion-MNIST)
# ----------------------------------------------------------------------------------------------------------

def read_idx(path, magic, dims):
    """Reads a gzipped IDX file with the given magic number and number of dimensions; returns a uint8 array."""
    try:
        with gzip.open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise ValueError(f"cannot read IDX file {path}: {e}") from e
    header = 4 + 4 * dims
    if len(data) < header:
        raise ValueError(f"IDX file {path} has {len(data)} bytes, fewer than its {header}-byte header")
    found, *shape = struct.unpack(f">{1 + dims}i", data[:header])
    if found != magic:
        raise ValueError(f"IDX file {path} has magic number {found}, expected {magic}")
    expected = header + int(np.prod(shape))
    if len(data) != expected:
        raise ValueError(f"IDX file {path} is {len(data)} bytes uncompressed, expected {expected} for shape "
                         f"{tuple(shape)}")
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(shape)


def load_fashion_split(data_dir, prefix):
    """Images (N, 1, 28, 28) normalised float32 and labels int64 of the 'train' or 't10k' split."""
    images_path = os.path.join(data_dir, f"{prefix}-images-idx3-ubyte.gz")
    labels_path = os.path.join(data_dir, f"{prefix}-labels-idx1-ubyte.gz")
    images = read_idx(images_path, IDX_IMAGES_MAGIC, 3)
    labels = read_idx(labels_path, IDX_LABELS_MAGIC, 1)
    if images.shape[0] != labels.shape[0]:
        raise ValueError(f"{images_path} has {images.shape[0]} images but {labels_path} has "
                         f"{labels.shape[0]} labels")
    if images.shape[1:] != (28, 28):
        raise ValueError(f"{images_path} holds images of {images.shape[1:]}, expected (28, 28)")
    if labels.max(initial=0) >= NUM_CLASSES:
        raise ValueError(f"{labels_path} holds label {int(labels.max())}, outside [0, {NUM_CLASSES - 1}]")
    normalised = (images.astype(np.float32) / 255.0 - FASHION_MEAN) / FASHION_STD
    return normalised[:, None, :, :], labels.astype(np.int64)


def balanced_subset(labels, size):
    """Indices of a class-balanced subset: the first examples of each class, in file order.

    Each class gets size // 10 examples; the remainder goes one each to classes 0, 1, ...
    """
    quota, remainder = divmod(size, NUM_CLASSES)
    chosen = []
    for cls in range(NUM_CLASSES):
        wanted = quota + (1 if cls < remainder else 0)
        of_class = np.flatnonzero(labels == cls)
        if len(of_class) < wanted:
            raise ValueError(f"--train-size {size} needs {wanted} examples of class {cls}, the data has "
                             f"{len(of_class)}")
        chosen.append(of_class[:wanted])
    return np.sort(np.concatenate(chosen))


def default_milestones(epochs):
    """Epochs at 50% and 75% of training (rounded down), without those below 1 and repeats."""
    return sorted({m for m in (epochs // 2, (3 * epochs) // 4) if m >= 1})


def evaluate(model, images, labels, batch_size=1000):
    """Test accuracy and mean cross-entropy loss, in eval mode without gradients."""
    model.eval()
    correct = 0
    loss_sum = 0.0
    with torch.no_grad():
        for start in range(0, len(labels), batch_size):
            x = images[start:start + batch_size]
            y = labels[start:start + batch_size]
            logits = model(x)
            loss_sum += F.cross_entropy(logits, y, reduction="sum").item()
            correct += (logits.argmax(dim=1) == y).sum().item()
    model.train()
    return correct / len(labels), loss_sum / len(labels)


def make_scheduler(args, optimizer, batches_per_epoch):
    """The --schedule's scheduler and whether it steps per batch (OneCycleLR) rather than per epoch."""
    if args.schedule == "step":
        return torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=args.milestones, gamma=args.gamma), False
    if args.schedule == "onecycle":
        return torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr,
                                                   total_steps=args.epochs * batches_per_epoch), True
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda _epoch: 1.0), False


def run_accuracy(args):
    """Trains on Fashion-MNIST, printing test accuracy after each epoch and a summary at the end."""
    if (args.train_batches is None) != (args.test_batches is None):
        raise ValueError("give both --train-batches and --test-batches, or neither (Fashion-MNIST from --data-dir)")
    if args.train_batches is not None:
        train_x, train_y = read_batch_file(args.train_batches)
        test_x, test_y = read_batch_file(args.test_batches)
    else:
        train_x, train_y = load_fashion_split(args.data_dir, "train")
        test_x, test_y = load_fashion_split(args.data_dir, "t10k")
    if args.train_size is not None:
        if args.train_size > len(train_y):
            raise ValueError(f"--train-size {args.train_size} exceeds the {len(train_y)} training examples")
        keep = balanced_subset(train_y, args.train_size)
        train_x, train_y = train_x[keep], train_y[keep]
    check_input_shape(args.model, train_x, args.data_dir)
    train_x, train_y = torch.from_numpy(np.ascontiguousarray(train_x)), torch.from_numpy(train_y)
    test_x, test_y = torch.from_numpy(np.ascontiguousarray(test_x)), torch.from_numpy(test_y)
    if args.milestones is None:
        args.milestones = default_milestones(args.epochs)
    log(f"accuracy: {args.model} on {len(train_y)} training / {len(test_y)} test examples, "
        f"{torch.get_num_threads()} threads")

    torch.manual_seed(args.seed)
    shuffle = torch.Generator().manual_seed(args.seed)
    model = build_model(args.model)
    model.train()
    optimizer = sgd(model, args.lr, args.momentum, args.weight_decay, args.nesterov)
    batches_per_epoch = -(-len(train_y) // args.batch_size)
    scheduler, per_batch = make_scheduler(args, optimizer, batches_per_epoch)

    start = time.perf_counter()
    accuracy = 0.0
    for epoch in range(1, args.epochs + 1):
        order = torch.randperm(len(train_y), generator=shuffle)
        loss_sum = 0.0
        for first in range(0, len(order), args.batch_size):
            index = order[first:first + args.batch_size]
            x, y = train_x[index], train_y[index]
            lr = optimizer.param_groups[0]["lr"]
            loss = F.cross_entropy(model(x), y)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            if per_batch:
                scheduler.step()
            loss_sum += loss.item() * len(index)
        if not per_batch:
            scheduler.step()
        accuracy, test_loss = evaluate(model, test_x, test_y)
        emit({"epoch": epoch, "train_loss": loss_sum / len(order), "test_accuracy": accuracy,
              "test_loss": test_loss, "lr": lr, "seconds": time.perf_counter() - start})

    emit({
        "summary": True,
        "final_accuracy": accuracy,
        "seconds": time.perf_counter() - start,
        "framework": "pytorch",
        "version": torch.__version__,
        "threads": torch.get_num_threads(),
        "interop_threads": torch.get_num_interop_threads(),
        "parameters": count_parameters(model),
        "model": args.model,
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "lr": args.lr,
        "momentum": args.momentum,
        "nesterov": bool(args.nesterov),
        "weight_decay": args.weight_decay,
        "schedule": args.schedule,
        "milestones": args.milestones if args.schedule == "step" else None,
        "gamma": args.gamma if args.schedule == "step" else None,
        "seed": args.seed,
        "train_size": len(train_y),
        "train_subset": "class-balanced, first of each class" if args.train_size is not None else "all",
        "test_size": len(test_y),
        "data_dir": args.data_dir,
        "blas": blas_summary(),
    })
    return 0


# ----------------------------------------------------------------------------------------------------------
# Command line
# ----------------------------------------------------------------------------------------------------------

def number_type(kind, description, accepts):
    """An argparse type: text read with kind (int or float), finite, and accepted by accepts; errors say
    'must be <description>'."""
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be {description}, got {text!r}") from None
        if not np.isfinite(value) or not accepts(value):
            raise argparse.ArgumentTypeError(f"must be {description}, got {text!r}")
        return value
    return parse


positive_int = number_type(int, "a positive integer", lambda v: v >= 1)
non_negative_int = number_type(int, "an integer >= 0", lambda v: v >= 0)
non_negative_float = number_type(float, "a finite number >= 0", lambda v: v >= 0)
positive_float = number_type(float, "a finite number > 0", lambda v: v > 0)


def int_list(text):
    """argparse type: a comma-separated list of positive integers, e.g. '5,8'."""
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be comma-separated integers, got {text!r}") from None
    if not values or any(v < 1 for v in values):
        raise argparse.ArgumentTypeError(f"must be comma-separated integers >= 1, got {text!r}")
    return values


def common_options():
    """Options shared by all subcommands: thread counts."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--threads", type=positive_int, default=2,
                        help="intra-op threads for torch.set_num_threads, also given to OpenBLAS (default 2)")
    parent.add_argument("--interop-threads", type=positive_int, default=1,
                        help="inter-op threads for torch.set_num_interop_threads (default 1)")
    return parent


def add_model_option(parser, default=None):
    """--model, required unless a default is given."""
    parser.add_argument("--model", choices=list(MODEL_BUILDERS), default=default, required=default is None,
                        help="network to train" + (f" (default {default})" if default else ""))


def build_parser():
    """The command-line parser with one subparser per subcommand."""
    parser = argparse.ArgumentParser(
        description="PyTorch side of lrkit's side-by-side training benchmark; prints JSON lines on stdout.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="SUBCOMMAND")
    common = common_options()

    p = sub.add_parser("params", parents=[common],
                       help="print parameter counts; exit 1 if any differs from lrkit's DJL models")
    p.set_defaults(run=run_params)

    p = sub.add_parser("flops", parents=[common],
                       help="print forward FLOPs per image (Conv2d and Linear layers, batch 1)")
    p.set_defaults(run=run_flops)

    p = sub.add_parser("matmul", parents=[common], help="dense FP32 matrix product rate in GFLOP/s")
    p.add_argument("--sizes", type=int_list, default=[512, 1024, 2048],
                   help="matrix sizes n, comma-separated (default 512,1024,2048)")
    p.add_argument("--min-seconds", type=positive_float, default=1.0,
                   help="time repetitions of each size until this many seconds have passed (default 1)")
    p.add_argument("--seed", type=int, default=0, help="random seed of the matrices (default 0)")
    p.set_defaults(run=run_matmul)

    p = sub.add_parser("throughput", parents=[common],
                       help="training images per second on a batch file written by the Java side")
    add_model_option(p)
    p.add_argument("--batches", required=True, metavar="FILE",
                   help="LRKB batch file (little-endian header, NCHW float32 images, int32 labels)")
    p.add_argument("--batch-size", type=positive_int, required=True,
                   help="examples per mini-batch; the file is cut into consecutive mini-batches")
    p.add_argument("--warmup-steps", type=non_negative_int, default=5, help="untimed steps first (default 5)")
    p.add_argument("--steps", type=positive_int, default=20, help="timed steps (default 20)")
    p.add_argument("--seed", type=int, default=0, help="torch.manual_seed before building the model (default 0)")
    p.add_argument("--channels-last", action="store_true",
                   help="convert the model and the inputs to torch.channels_last")
    p.add_argument("--profile", metavar="FILE", default=None,
                   help="record the timed steps with the autograd profiler into a Chrome trace FILE")
    p.set_defaults(run=run_throughput)

    p = sub.add_parser("accuracy", parents=[common],
                       help="time to accuracy on Fashion-MNIST or on batch files: one JSON line per epoch and a summary")
    add_model_option(p, default="fashion_cnn")
    p.add_argument("--data-dir", default=DEFAULT_DATA_DIR,
                   help=f"folder of the four gzipped IDX files (default {DEFAULT_DATA_DIR})")
    p.add_argument("--train-batches", metavar="FILE", default=None,
                   help="train on this LRKB batch file (already normalized) instead of Fashion-MNIST")
    p.add_argument("--test-batches", metavar="FILE", default=None,
                   help="evaluate on this LRKB batch file (with --train-batches)")
    p.add_argument("--epochs", type=positive_int, required=True, help="training epochs")
    p.add_argument("--batch-size", type=positive_int, default=128, help="mini-batch size (default 128)")
    p.add_argument("--lr", type=positive_float, default=0.1,
                   help="initial learning rate (step, constant) or peak (onecycle max_lr) (default 0.1)")
    p.add_argument("--momentum", type=non_negative_float, default=0.9, help="SGD momentum (default 0.9)")
    p.add_argument("--nesterov", action="store_true", help="Nesterov momentum (needs --momentum > 0)")
    p.add_argument("--weight-decay", type=non_negative_float, default=5e-4,
                   help="L2 weight decay of SGD (default 5e-4)")
    p.add_argument("--schedule", choices=["step", "onecycle", "constant"], default="step",
                   help="step: MultiStepLR per epoch; onecycle: OneCycleLR per batch, default settings; "
                        "constant: --lr throughout (default step)")
    p.add_argument("--milestones", type=int_list, default=None,
                   help="epochs after which step multiplies the lr by --gamma, e.g. 5,8 "
                        "(default: after 50%% and 75%% of --epochs, rounded down)")
    p.add_argument("--gamma", type=positive_float, default=0.1, help="step decay factor (default 0.1)")
    p.add_argument("--seed", type=int, default=0,
                   help="seed of initialisation (torch.manual_seed) and of the per-epoch shuffles (default 0)")
    p.add_argument("--train-size", type=positive_int, default=None,
                   help="train on a class-balanced subset of N examples: the first N//10 of each class in "
                        "file order, the remainder one each to classes 0, 1, ... (default: all 60000)")
    p.set_defaults(run=run_accuracy)
    return parser


def check_arguments(parser, args):
    """Cross-argument checks argparse cannot express."""
    if args.command == "accuracy":
        if args.nesterov and args.momentum == 0:
            parser.error("--nesterov needs --momentum > 0, got --momentum 0")
        if args.milestones is not None and args.milestones != sorted(args.milestones):
            parser.error(f"--milestones must be increasing, got {','.join(map(str, args.milestones))}")
    if args.command in ("throughput", "accuracy") and args.threads > (os.cpu_count() or args.threads):
        log(f"warning: --threads {args.threads} exceeds the {os.cpu_count()} CPUs")


def main(argv=None):
    """Parses the command line, sets the thread counts, runs the subcommand; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    check_arguments(parser, args)
    configure_threads(args.threads, args.interop_threads)
    warn_about_generic_openblas()
    try:
        return args.run(args)
    except ValueError as e:
        log(f"error: {e}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
