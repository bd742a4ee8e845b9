#!/usr/bin/python3
"""The PyTorch side of `coinfer bench-split`: times the head_k / tail_k modules of a coinfer
TorchScript package in PyTorch itself, on request, so that the Java side can interleave its DJL
runs with these.

  python3 bench_torch.py PACKAGE_DIR [--threads T] [--clock wall|cpu] [--mkldnn on|off]
                         [--flush-denormal] [--head-layout contiguous|channels_last]

On start it loads head_k.pt and tail_k.pt for k = 1..4, makes a seeded 1x3xSxS input for the heads
and head_k(input) for tail_k, and prints one JSON line: {"torch": version, "threads": T, "mkldnn":
bool}. Then, for each line "MODULE RUNS" on standard input (e.g. "head_1 5"), it runs that module
RUNS times and prints one line with the milliseconds of each run. It ends at end of input.

Each run does what the DJL side (`Stopwatch`) does: the input is copied into a fresh tensor
(untimed); the timed part is the forward call plus copying the output into a new array (numpy
here, a Java float[] there); with `--head-layout channels_last` a head's input is first put in
the channels-last memory format inside the timed part (`TorchScriptSplitModel` does the same);
gradients are off (`torch.no_grad()`, which is DJL's guard around a TorchScript forward). Warm-up
runs are just runs whose times the caller ignores. `--clock cpu` times each run by the main
thread's CPU time (time.thread_time: with one intra-op thread the forward runs on it) instead of
elapsed time, so that time slices taken by other processes do not count.
"""
import argparse
import json
import os
import sys
import time

import torch


def time_runs(module, x, runs, clock, layout):
    """Milliseconds of each of `runs` calls of module on a fresh copy of x put in memory format
    `layout` (None: as it is), read on clock()."""
    times = []
    for _ in range(runs):
        copy = x.clone()
        t0 = clock()
        if layout is not None:
            copy = copy.contiguous(memory_format=layout)
        out = module(copy).contiguous().numpy().copy()
        t1 = clock()
        del copy, out
        times.append((t1 - t0) * 1e3)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("package")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                        help="elapsed time or the main thread's CPU time")
    parser.add_argument("--mkldnn", choices=["on", "off"], default="on",
                        help="oneDNN (torch.backends.mkldnn) for convolutions")
    parser.add_argument("--flush-denormal", action="store_true",
                        help="torch.set_flush_denormal(True)")
    parser.add_argument("--head-layout", choices=["contiguous", "channels_last"],
                        default="contiguous",
                        help="the memory format a head's image is put in before each run")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.backends.mkldnn.enabled = args.mkldnn == "on"
    if args.flush_denormal:
        torch.set_flush_denormal(True)
    clock = time.perf_counter if args.clock == "wall" else time.thread_time
    head_layout = (torch.channels_last if args.head_layout == "channels_last"
                   else None)
    torch.manual_seed(0)
    with open(os.path.join(args.package, "manifest.json")) as f:
        manifest = json.load(f)
    size = manifest["input"]["height"]
    image = torch.randn(1, 3, size, size)
    modules = {}
    inputs = {}
    with torch.no_grad():
        for k in range(1, 5):
            for part in ("head", "tail"):
                name = "%s_%d" % (part, k)
                modules[name] = torch.jit.load(os.path.join(args.package, name + ".pt")).eval()
            inputs["head_%d" % k] = image
            # each head's first run (which TorchScript profiles) sees the layout of the timed
            # runs, as on the DJL side; a tail gets a contiguous feature, as a decoder makes it
            first = image if head_layout is None else image.contiguous(memory_format=head_layout)
            inputs["tail_%d" % k] = modules["head_%d" % k](first).contiguous()
        print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(),
                          "mkldnn": torch.backends.mkldnn.enabled}), flush=True)
        for line in sys.stdin:
            name, runs = line.split()
            if name not in modules:
                sys.exit("unknown module %r (expected head_1..4 or tail_1..4)" % name)
            layout = head_layout if name.startswith("head_") else None
            times = time_runs(modules[name], inputs[name], int(runs), clock, layout)
            print(" ".join("%.4f" % t for t in times), flush=True)


if __name__ == "__main__":
    main()
