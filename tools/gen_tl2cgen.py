#!/usr/bin/env python3
"""Generate tl2cgen C code for the churn models (peer baseline for benches).

    target/venv/bin/python tools/gen_tl2cgen.py [--no-compile-check]

Reads tests/fixtures/churn/models/all_states.json and models/states/<ST>.json
(written by tools/train_churn.py), loads each with
treelite.frontend.load_xgboost_model and writes
tl2cgen.generate_c_code(model, dirpath, params={}) into
    benches/peers/tl2cgen/all_states/
    benches/peers/tl2cgen/states/<ST>/
Each directory holds header.h, main.c and recipe.json. Unless
--no-compile-check is given, every main.c is compiled with
`gcc -O3 -march=native -c` (object files go to a temporary dir) to check
that the generated code builds. If the generated C would exceed --max-mb
(default 8) in total, the per-state models are not written.

Always writes all 51 states. Git tracks only all_states/ and the three
states that benches/peers/tl2cgen/.gitignore lets through (AK, TX, WY); the
other 48 stay untracked and ignored, and benches/build.rs links them into
churn_bench on the next build. The output is byte-identical from run to run,
so re-running leaves the committed files unchanged.

The generated API (see header.h): union Entry {int missing; float fvalue;
int qvalue;}; set .missing = -1 for a missing feature, otherwise .fvalue;
void predict(union Entry* data, int pred_margin, float* result) adds into
result[0] (zero it first); plus get_num_feature(), get_num_target(),
get_num_class(int32_t*), get_threshold_type(), get_leaf_output_type(),
postprocess(float*).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import tl2cgen
import treelite

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MODELS = os.path.join(ROOT, "tests", "fixtures", "churn", "models")
OUT = os.path.join(ROOT, "benches", "peers", "tl2cgen")


def gen(model_path: str, dirpath: str) -> int:
    if os.path.isdir(dirpath):
        shutil.rmtree(dirpath)
    model = treelite.frontend.load_xgboost_model(model_path)
    tl2cgen.generate_c_code(model, dirpath, params={})
    return sum(os.path.getsize(os.path.join(dirpath, f)) for f in os.listdir(dirpath))


def compile_check(dirpath: str, tmp: str) -> None:
    obj = os.path.join(tmp, os.path.basename(dirpath.rstrip("/")) + ".o")
    r = subprocess.run(["gcc", "-O3", "-march=native", "-c", os.path.join(dirpath, "main.c"),
                        "-o", obj], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"gcc failed for {dirpath}:\n{r.stderr}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-compile-check", action="store_true")
    ap.add_argument("--max-mb", type=float, default=8.0)
    args = ap.parse_args()

    os.makedirs(OUT, exist_ok=True)
    total = gen(os.path.join(MODELS, "all_states.json"), os.path.join(OUT, "all_states"))
    dirs = [os.path.join(OUT, "all_states")]

    sdir = os.path.join(MODELS, "states")
    states = sorted(f[:-5] for f in os.listdir(sdir) if f.endswith(".json"))
    # Generate into a scratch dir first so that an oversize run leaves nothing behind.
    with tempfile.TemporaryDirectory() as tmp:
        scratch = os.path.join(tmp, "states")
        state_bytes = 0
        for st in states:
            state_bytes += gen(os.path.join(sdir, f"{st}.json"), os.path.join(scratch, st))
        if (total + state_bytes) / 1e6 > args.max_mb:
            print(f"per-state C code would be {state_bytes} bytes (total {total + state_bytes}); "
                  f"over {args.max_mb} MB: not written")
        else:
            if os.path.isdir(os.path.join(OUT, "states")):
                shutil.rmtree(os.path.join(OUT, "states"))
            shutil.copytree(scratch, os.path.join(OUT, "states"))
            dirs += [os.path.join(OUT, "states", st) for st in states]
            total += state_bytes
        if not args.no_compile_check:
            for d in dirs:
                compile_check(d, tmp)
            print(f"gcc -O3 -march=native -c: {len(dirs)} files compiled")
    print(f"generated C: {total} bytes in {len(dirs)} dirs under {OUT}")
    print("git tracks all_states/ and the states let through by benches/peers/tl2cgen/.gitignore; "
          "benches/build.rs links every state present (rebuild churn_bench to use them)")


if __name__ == "__main__":
    main()
