#!/usr/bin/env python3
"""Peer comparison for the sentiment CNNs: TFLite (float32, int8) and ONNX Runtime vs mlc.

Run from the repository root, pinned to one core:

    taskset -c 1 target/venv-tf/bin/python benches/peers/sentiment/peers.py [--reps 15]

For each of imdb_cnn and imdb_cnn_mcu:
  1. rebuild the Keras model from tests/fixtures/sentiment/<name>/ (config.json + safetensors)
     and check it against expected_keras_<name>.csv (|d| <= 1e-5) on expected_ids_<name>.csv;
  2. convert with tf.lite.TFLiteConverter to float32 TFLite and full-integer int8 TFLite
     (representative data: the 296 id rows), and with tf2onnx to ONNX (opset 17);
  3. time single-review inference, one thread, over the 296 rows one at a time, `reps` times
     after a warm-up pass: median and min of the per-repetition mean, in us per review;
     decision agreement (p > 0.5) with Keras float and max |dprob|.
Then runs mlc's own harness (sentiment_bench) in the same process tree and prints both.
Converted models go to target/peers-sentiment/ (not committed).
"""
import argparse
import contextlib
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_NUM_INTRAOP_THREADS", "1")
os.environ.setdefault("TF_NUM_INTEROP_THREADS", "1")

import numpy as np  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FIX = os.path.join(ROOT, "tests", "fixtures", "sentiment")
OUTDIR = os.path.join(ROOT, "target", "peers-sentiment")
MODELS = ["imdb_cnn", "imdb_cnn_mcu"]


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def load_keras(name):
    import keras
    from safetensors.numpy import load_file

    d = os.path.join(FIX, name)
    with open(os.path.join(d, "config.json")) as f:
        model = keras.models.model_from_json(f.read())
    tensors = load_file(os.path.join(d, "model.safetensors"))
    used = set()
    for layer in model.layers:
        if not layer.weights:
            continue
        vals = []
        for w in layer.weights:
            vname = w.path.split("/")[-1]
            key = f"{layer.name}/{vname}"
            if key not in tensors:
                raise KeyError(f"{key} not in safetensors ({sorted(tensors)})")
            vals.append(tensors[key])
            used.add(key)
        layer.set_weights(vals)
    missing = set(tensors) - used
    if missing:
        raise KeyError(f"unused tensors: {sorted(missing)}")
    return model


def load_ids(name):
    return np.loadtxt(os.path.join(FIX, f"expected_ids_{name}.csv"), delimiter=",", dtype=np.int32).reshape(-1, 400)


def load_expected(name):
    return np.loadtxt(os.path.join(FIX, f"expected_keras_{name}.csv"), dtype=np.float64).reshape(-1)


def to_tflite(model, ids, int8):
    import tensorflow as tf

    conv = tf.lite.TFLiteConverter.from_keras_model(model)
    if int8:
        conv.optimizations = [tf.lite.Optimize.DEFAULT]

        def rep():
            for row in ids:
                yield [row.reshape(1, -1).astype(np.int32)]

        conv.representative_dataset = rep
        conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        # the input is int32 token ids (the embedding gather's index): it stays int32; the
        # output is quantized to int8 and dequantized here with its scale/zero point.
        conv.inference_output_type = tf.int8
    return conv.convert()


def to_onnx(model, path):
    import tensorflow as tf
    import tf2onnx

    spec = (tf.TensorSpec((1, 400), tf.int32, name="token_ids"),)
    # keras 3 models are not tf.keras models; wrap the call in a tf.function.
    fn = tf.function(lambda x: model(x, training=False), input_signature=spec)
    proto, _ = tf2onnx.convert.from_function(fn, input_signature=spec, opset=17, output_path=path)
    return proto


def time_loop(run_one, ids, reps):
    n = len(ids)
    for row in ids:  # warm-up
        run_one(row)
    per = []
    for _ in range(reps):
        t0 = time.perf_counter_ns()
        for row in ids:
            run_one(row)
        per.append((time.perf_counter_ns() - t0) / n / 1e3)
    return statistics.median(per), min(per)


def tflite_runner(content):
    from ai_edge_litert.interpreter import Interpreter

    it = Interpreter(model_content=content, num_threads=1)
    it.allocate_tensors()
    inp = it.get_input_details()[0]
    out = it.get_output_details()[0]
    ii, oi = inp["index"], out["index"]
    in_dtype = inp["dtype"]
    oscale, ozp = out["quantization"]
    set_tensor, invoke, get_tensor = it.set_tensor, it.invoke, it.get_tensor
    buf = np.zeros((1, 400), dtype=in_dtype)

    def run_one(row):
        buf[0] = row
        set_tensor(ii, buf)
        invoke()
        return get_tensor(oi)

    def prob(row):
        y = run_one(row).astype(np.float64).reshape(-1)[0]
        if oscale:
            y = (y - ozp) * oscale
        return y

    desc = f"in {np.dtype(in_dtype).name}{[int(x) for x in inp['shape']]}, out {np.dtype(out['dtype']).name}" + (
        f" (scale {oscale:.3g}, zp {ozp})" if oscale else "")
    return run_one, prob, desc


def ort_runner(path):
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    iname = sess.get_inputs()[0].name
    oname = sess.get_outputs()[0].name
    buf = np.zeros((1, 400), dtype=np.int32)
    run = sess.run

    def run_one(row):
        buf[0] = row
        return run([oname], {iname: buf})[0]

    def prob(row):
        return float(run_one(row).reshape(-1)[0])

    return run_one, prob, f"onnxruntime {ort.__version__}, CPUExecutionProvider"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=15)
    ap.add_argument("--no-mlc", action="store_true", help="skip mlc's sentiment_bench")
    ap.add_argument("--no-onnx", action="store_true")
    ap.add_argument("--paths", action="store_true",
                    help="also run sentiment_bench's int8 builds with the vector kernels capped: "
                         "MLC_NO_AVX512=1 (AVX2) and MLC_NO_SIMD=1 (portable)")
    args = ap.parse_args()

    import tensorflow as tf
    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    import keras

    os.makedirs(OUTDIR, exist_ok=True)
    versions = {"python": platform.python_version(), "tensorflow": tf.__version__, "keras": keras.__version__}
    try:
        import ai_edge_litert
        versions["ai-edge-litert"] = getattr(ai_edge_litert, "__version__", "?")
    except Exception:
        pass
    try:
        import onnxruntime, tf2onnx
        versions["onnxruntime"] = onnxruntime.__version__
        versions["tf2onnx"] = tf2onnx.__version__
    except Exception as e:
        print(f"onnx unavailable: {e}")
        args.no_onnx = True

    print(f"command: {' '.join([os.path.relpath(sys.executable, ROOT)] + sys.argv)}")
    print(f"cpu: {cpu_model()}; affinity {sorted(os.sched_getaffinity(0))}")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    print(f"inputs: 296 committed id rows per model, one review per call, warm-up pass then {args.reps} reps\n")

    rows = []
    notes = []
    for name in MODELS:
        ids = load_ids(name)
        expected = load_expected(name)
        model = load_keras(name)
        kp = model.predict(ids, batch_size=64, verbose=0).astype(np.float64).reshape(-1)
        d = np.max(np.abs(kp - expected))
        print(f"{name}: Keras rebuilt from config.json + model.safetensors, max |d| vs expected_keras = {d:.3g}")
        assert d <= 1e-5, f"{name}: Keras reproduction failed ({d})"
        kdec = expected > 0.5

        peers = []
        t0 = time.time()
        with contextlib.redirect_stdout(io.StringIO()):  # the converter's SavedModel chatter
            fl = to_tflite(model, ids, int8=False)
            q = to_tflite(model, ids, int8=True)
        open(os.path.join(OUTDIR, f"{name}_float32.tflite"), "wb").write(fl)
        open(os.path.join(OUTDIR, f"{name}_int8.tflite"), "wb").write(q)
        peers.append(("TFLite float32 (LiteRT, XNNPACK)", len(fl), tflite_runner(fl)))
        peers.append(("TFLite int8 (LiteRT, XNNPACK)", len(q), tflite_runner(q)))
        if not args.no_onnx:
            p = os.path.join(OUTDIR, f"{name}.onnx")
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    to_onnx(model, p)
                peers.append(("ONNX Runtime float32", os.path.getsize(p), ort_runner(p)))
            except Exception as e:  # report, keep going
                notes.append(f"{name}: ONNX conversion failed: {type(e).__name__}: {e}")
                print(notes[-1])
        print(f"  converted in {time.time() - t0:.1f} s")

        for label, size, (run_one, prob, desc) in peers:
            probs = np.array([prob(r) for r in ids])
            agree = int(np.sum((probs > 0.5) == kdec))
            maxd = float(np.max(np.abs(probs - expected)))
            med, mn = time_loop(run_one, ids, args.reps)
            print(f"  {label}: {desc}; {size} bytes; agree {agree}/{len(ids)}, max|dprob| {maxd:.3g}; "
                  f"{med:.1f} us median, {mn:.1f} us min")
            rows.append(dict(model=name, runtime=label, bytes=size, median=med, min=mn, agree=agree, n=len(ids), maxd=maxd))

    print("\n| model | runtime | model bytes | µs/review (median) | µs/review (min) | agree w/ Keras | max abs Δprob |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['model']} | {r['runtime']} | {r['bytes']:,} | {r['median']:.1f} | {r['min']:.1f} | {r['agree']}/{r['n']} | {r['maxd']:.2g} |")
    for n in notes:
        print(n)

    if not args.no_mlc:
        cmd = ["cargo", "run", "--release", "-q", "-p", "mlc-benches", "--bin", "sentiment_bench", "--", "--reps", str(args.reps)]
        print(f"\n$ {' '.join(cmd)}   (cwd {ROOT}, inherits this process's CPU affinity)")
        sys.stdout.flush()
        subprocess.run(cmd, cwd=ROOT, check=True)
        if args.paths:
            for var in ["MLC_NO_AVX512", "MLC_NO_SIMD"]:
                print(f"\n$ {var}=1 {' '.join(cmd)} --only int8")
                sys.stdout.flush()
                subprocess.run(cmd + ["--only", "int8"], cwd=ROOT, check=True, env=dict(os.environ, **{var: "1"}))

    with open(os.path.join(OUTDIR, "peers.json"), "w") as f:
        json.dump(dict(versions=versions, cpu=cpu_model(), reps=args.reps, rows=rows, notes=notes), f, indent=1)


if __name__ == "__main__":
    main()
