# PyTorch's scaled_dot_product_attention per backend at W1's attention shape (2, 16, 1326, 64) and larger
# ones, fp16, on the device machine: the reference rates our attention kernels are compared with.
# Median of 200 launches after 20 warm-ups, CUDA events. usage: python3 bench/gpu/sdpa_reference.py
import torch
from torch.nn.attention import SDPBackend, sdpa_kernel

def time_ms(fn, reps=200, warmup=20):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(reps):
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record(); fn(); end.record(); torch.cuda.synchronize()
        times.append(start.elapsed_time(end))
    times.sort()
    return times[len(times) // 2]

print(torch.cuda.get_device_name(), "torch", torch.__version__, "cudnn", torch.backends.cudnn.version())
for b, n in [(2, 1326), (8, 1326), (2, 4096), (1, 8192)]:
    q, k, v = (torch.randn(b, 16, n, 64, device="cuda", dtype=torch.float16) for _ in range(3))
    flops = 4.0 * b * 16 * n * n * 64
    for name, backend in [("cudnn", SDPBackend.CUDNN_ATTENTION), ("flash", SDPBackend.FLASH_ATTENTION)]:
        try:
            with sdpa_kernel(backend):
                ms = time_ms(lambda: torch.nn.functional.scaled_dot_product_attention(q, k, v))
            print(f"sdpa {name:6} ({b},16,{n},64) {ms * 1000:8.1f} us {flops / ms / 1e9:7.1f} TFLOP/s")
        except Exception as e:
            print(f"sdpa {name:6} ({b},16,{n},64) failed: {e}")
