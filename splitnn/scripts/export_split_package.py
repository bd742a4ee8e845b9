#!/usr/bin/python3
"""Export a coinfer TorchScript model package: head_k.pt / tail_k.pt for k = 1..4, full.pt and
manifest.json, traced with PyTorch (Debian's python3-torch works; torchvision only for resnet18).

  python3 export_split_package.py --model tiny --out DIR       # the committed test fixture
  python3 export_split_package.py --model resnet18 --out DIR   # torchvision resnet18, 224x224

The cut points are the paper's: for resnet18 the inputs of layer1, layer2[1], layer3[1] and
layer4[1]. Weights are random (seeded): the packages exist to test import and to benchmark.
"""
import argparse
import json
import os

import torch
import torch.nn as nn


def tiny_segments():
    """A 3x32x32 -> 3-class CNN in five segments (points 1..4 between them)."""
    return [
        nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding=1), nn.ReLU()),     # -> 8x16x16
        nn.Sequential(nn.Conv2d(8, 16, 3, stride=2, padding=1), nn.ReLU()),    # -> 16x8x8
        nn.Sequential(nn.Conv2d(16, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU()),  # 16x8x8
        nn.Sequential(nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.ReLU()),   # -> 32x4x4
        nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 3)),
    ], 32, ["red", "green", "blue"]


def resnet18_segments():
    import torchvision
    net = torchvision.models.resnet18(num_classes=101)
    return [
        nn.Sequential(net.conv1, net.bn1, net.relu, net.maxpool),
        nn.Sequential(net.layer1, net.layer2[0]),
        nn.Sequential(net.layer2[1], net.layer3[0]),
        nn.Sequential(net.layer3[1], net.layer4[0]),
        nn.Sequential(net.layer4[1], net.avgpool, nn.Flatten(), net.fc),
    ], 224, ["class%d" % i for i in range(101)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["tiny", "resnet18"], default="tiny")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    segments, size, labels = tiny_segments() if args.model == "tiny" else resnet18_segments()
    for s in segments:
        s.eval()
    os.makedirs(args.out, exist_ok=True)
    example = torch.randn(1, 3, size, size)
    points = []
    with torch.no_grad():
        full = nn.Sequential(*segments).eval()
        torch.jit.trace(full, example).save(os.path.join(args.out, "full.pt"))
        for k in range(1, 5):
            head = nn.Sequential(*segments[:k]).eval()
            tail = nn.Sequential(*segments[k:]).eval()
            feature = head(example)
            torch.jit.trace(head, example).save(os.path.join(args.out, "head_%d.pt" % k))
            torch.jit.trace(tail, feature).save(os.path.join(args.out, "tail_%d.pt" % k))
            points.append({"point": k, "shape": list(feature.shape[1:])})
    model_id = "tiny-cnn" if args.model == "tiny" else "resnet18-torchscript"
    manifest = {
        "formatVersion": 1,
        "modelId": model_id,
        "format": "torchscript",
        "architecture": None,
        "input": {"channels": 3, "height": size, "width": size,
                  "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]},
        "labels": labels,
        "points": points,
        "provenance": {"createdBy": "splitnn/scripts/export_split_package.py --model " + args.model,
                       "torch": torch.__version__, "seed": str(args.seed)},
    }
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
