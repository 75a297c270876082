#!/usr/bin/env bash
# Runs on the GPU machine (the device tool), from the repository root, with .device-bundle carried:
# unpacks the self-contained tests and the tiny golden sets, prints the machine, then runs
#   1. the GPU op/compile/memory tests (trait Category=Gpu) of the engine and of the operations kit,
#   2. the model parity tests on the CUDA backend in fp16 and in fp32 (ISHOWTTS_TEST_BACKEND=cuda),
#   3. the W1 timings (trait Category=GpuBench) unless SKIP_BENCH=1,
#   4. `ishowtts bench --random-weights --device cuda --nfe 7,16,32` (BENCH_NFE overrides, empty skips),
#   5. `ishowtts doctor` and `ishowtts profile --device cuda` (SKIP_OPS=1 skips them).
# Step 0 compiles every kernel for every arch first and stops with the log if one fails.
# ONLY=bench runs steps 3 and 4 alone; SKIP_PARITY=1 leaves out step 2; SKIP_COMPILE=1 leaves out step 0 (the
# device's own arch is still compiled by the first test); STEP_TIMEOUT=S ends any one test step after S seconds
# (a hung kernel then costs S seconds, not the whole call).
# Logs and the per-row report go to $OUT (they come back with the reply); the last lines summarise.
# usage: bash bench/gpu/run-gpu-tests.sh [extra xunit args for step 1]
set -uo pipefail
root="$(pwd)"
out="${OUT:-/tmp/ishowtts-gpu-out}"
work=/tmp/ishowtts-gpu
mkdir -p "$out" "$work"
tar -C "$work" -xJf "$root/.device-bundle/tests.tar.xz"
tar -C "$work" -xJf "$root/.device-bundle/golden.tar.xz" 2>/dev/null || true
export ISHOWTTS_GOLDEN_DIR="$work" ISHOWTTS_KERNEL_CACHE="$work/kernel-cache" ISHOWTTS_GPU_REPORT="$out/report.txt"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_gcServer=0
: > "$ISHOWTTS_GPU_REPORT"
run() { timeout "${STEP_TIMEOUT:-900}" "$@"; }
tests="$work/tests/IShowTts.Engine.Tests"

{
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm --format=csv 2>&1
  ls /usr/local/cuda*/targets/*/lib/ 2>/dev/null | grep -E 'libcublasLt|libnvrtc\.so|libcufft' | sort -u | tr '\n' ' '; echo
} | tee "$out/machine.txt"

summary() { grep -E 'Total:' "$1" | tail -1 | sed "s|^ *|$2: |"; }

: > "$out/summary.txt"
# 0. Every kernel compiles for every arch (fast, parallel): stop here with the NVRTC log if not.
if [ "${SKIP_COMPILE:-0}" != 1 ]; then
run "$tests" -class IShowTts.Engine.Tests.Cuda.CudaKernelCompileTests -noColor > "$out/compile.log" 2>&1
summary "$out/compile.log" "compile" >> "$out/summary.txt"
fi
if [ -f "$out/compile.log" ] && grep -qE '\[FAIL\]' "$out/compile.log"; then
  echo "---- kernel compilation failed"; grep -vE '^\s*at ' "$out/compile.log" | head -80; cat "$out/summary.txt"; exit 1
fi
if [ "${ONLY:-}" != bench ]; then
run "$tests" -trait Category=Gpu -class- IShowTts.Engine.Tests.Cuda.CudaKernelCompileTests -noColor -parallelMode none "$@" > "$out/gpu-tests.log" 2>&1
summary "$out/gpu-tests.log" "gpu ops" >> "$out/summary.txt"
run "$work/tests/IShowTts.Ops.Tests" -trait Category=Gpu -noColor -parallelMode none > "$out/ops-gpu-tests.log" 2>&1
summary "$out/ops-gpu-tests.log" "ops gpu" >> "$out/summary.txt"

for precision in $([ "${SKIP_PARITY:-0}" = 1 ] || echo f16 f32); do
  ISHOWTTS_TEST_BACKEND=cuda ISHOWTTS_CUDA_DTYPE=$precision run "$tests" -trait Category=Parity -noColor -showLiveOutput \
    -parallelMode none > "$out/parity-$precision.log" 2>&1
  summary "$out/parity-$precision.log" "parity $precision" >> "$out/summary.txt"
done
fi

if [ "${SKIP_BENCH:-0}" != 1 ]; then
  run "$tests" -trait Category=GpuBench -noColor -parallelMode none > "$out/bench.log" 2>&1
  summary "$out/bench.log" "bench" >> "$out/summary.txt"
fi

# 4. The CLI bench on W1, all NFEs in one process (BENCH_NFE="7,16,32" by default; BENCH_NFE= skips it),
#    its JSON record kept; 5. the operations kit's GPU paths: doctor and profile (SKIP_OPS=1 skips them).
if [ -n "${BENCH_NFE-7,16,32}" ]; then
  "$work/tests/ishowtts" bench --random-weights --device cuda --nfe "${BENCH_NFE-7,16,32}" --warmup 3 --runs 10 \
    --json "$out/bench.json" --no-history > "$out/cli-bench.log" 2> "$out/cli-bench.err"
  echo "cli bench: exit $?" >> "$out/summary.txt"
fi
if [ "${SKIP_OPS:-0}" != 1 ]; then
  "$work/tests/ishowtts" doctor --no-checksums > "$out/doctor.log" 2>&1; echo "doctor: exit $?" >> "$out/summary.txt"
  "$work/tests/ishowtts" profile --random-weights --device cuda --nfe 7 > "$out/profile.log" 2> "$out/profile.err"
  echo "profile: exit $?" >> "$out/summary.txt"
fi

echo "---- failures"; grep -E '\[FAIL\]' "$out"/*.log | head -40
echo "---- op errors (relative L2)"; grep -vE '^(sm_|NVRTC)' "$ISHOWTTS_GPU_REPORT" | sort -t$'\t' -k5 | head -120
echo "---- parity errors"; grep -hE 'relative L2 error' "$out"/parity-*.log | sed 's/^ *//' | head -60
echo "---- graph vs eager"; grep -h 'graph vs eager' "$ISHOWTTS_GPU_REPORT" | head -40
echo "---- W1 timings"; grep -hE 'µs|W1 NFE|engine memory|first request|prepare parts' "$ISHOWTTS_GPU_REPORT" | head -60
for f in cli-bench doctor profile; do [ -s "$out/$f.log" ] && { echo "---- $f"; head -${HEAD_LINES:-40} "$out/$f.log"; }; done
echo "---- summary"; cat "$out/summary.txt"
# At most 8 files come back from the device tool: pack the logs into one archive beside the report.
(cd "$out" && tar -czf logs.tar.gz --remove-files ./*.log ./*.err machine.txt 2>/dev/null)
