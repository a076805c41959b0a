#!/usr/bin/env bash
# Counts the aarch64 instructions a program executes under qemu-aarch64 (user mode), for the
# emulated "timings" of the aarch64 kernels (benches/README.md, "aarch64 instruction counts").
# Debian's qemu-user-static 7.2 has no TCG plugins (no libinsn.so), so this runs the program
# with -singlestep (one guest instruction per translation block) and -d exec,nochain (one log
# line per block executed) and counts the log's "Trace" lines through a FIFO: every executed
# instruction of every thread, at a few hundred thousand instructions a second (so keep the
# work small). Counts include the process's start-up, loading and parsing; take differences
# between runs that differ only in the work to count. Repeated runs differ by a few hundred
# instructions (well under 0.1 %).
#
#   scripts/aarch64-insns.sh CPU [QEMU-OPTION...] -- PROGRAM [ARG...]
#
# e.g. scripts/aarch64-insns.sh cortex-a72 -E MLC_NO_SIMD=1 -- target/aarch64/aarch64-unknown-linux-gnu/release/mlc predict M.mlc rows.csv
# prints the count on stderr's last line ("aarch64 instructions: N"); the program's output
# goes to stdout as usual.
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,15p' "$0" >&2; exit 2; }
cpu=$1; shift
opts=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do opts+=("$1"); shift; done
[ "${1:-}" = "--" ] || { echo "missing -- before the program" >&2; exit 2; }
shift
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/log"
grep -c '^Trace' < "$dir/log" > "$dir/count" &
counter=$!
qemu-aarch64-static -cpu "$cpu" -singlestep -d exec,nochain -D "$dir/log" \
  -L /usr/aarch64-linux-gnu -E LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib "${opts[@]}" "$@"
wait "$counter" || true
echo "aarch64 instructions: $(cat "$dir/count")" >&2
