#!/usr/bin/python3
"""Time the head_k / tail_k modules of a coinfer TorchScript package in PyTorch itself.

  python3 bench_torch.py PACKAGE_DIR [--repeats N] [--threads T]

Prints JSON: {"torch": version, "threads": T, "points": [{"point": k, "headMs": median,
"tailMs": median}, ...]} for one image at a time, after two warm-up runs, in inference mode.
`coinfer bench-split` runs this and compares it with the same modules run through DJL.
"""
import argparse
import json
import os
import statistics
import time

import torch


def median_ms(fn, x, repeats):
    times = []
    for i in range(repeats + 2):
        t0 = time.perf_counter()
        fn(x)
        t1 = time.perf_counter()
        if i >= 2:
            times.append((t1 - t0) * 1e3)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("package")
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    with open(os.path.join(args.package, "manifest.json")) as f:
        manifest = json.load(f)
    size = manifest["input"]["height"]
    x = torch.randn(1, 3, size, size)
    points = []
    with torch.inference_mode():
        for k in range(1, 5):
            head = torch.jit.load(os.path.join(args.package, "head_%d.pt" % k)).eval()
            tail = torch.jit.load(os.path.join(args.package, "tail_%d.pt" % k)).eval()
            feature = head(x)
            points.append({"point": k,
                           "headMs": median_ms(head, x, args.repeats),
                           "tailMs": median_ms(tail, feature, args.repeats)})
    print(json.dumps({"torch": torch.__version__, "threads": args.threads, "points": points}))


if __name__ == "__main__":
    main()
