// The Prometheus metrics of one server instance (its own registry, so several servers in one process
// do not mix): HTTP requests, synthesis latency and real-time factor, time to first audio, queue depth,
// in-flight work, engine readiness, clip cache and GPU memory. Gauges are refreshed at scrape time.
using IShowTts.Engine.Backends.Cuda;
using IShowTts.Server.Scheduling;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Engines.F5;
using Prometheus;

namespace IShowTts.Server.Observability;

internal sealed class ServerMetrics
{
    private readonly Counter _requests;
    private readonly Histogram _requestSeconds;
    private readonly Histogram _synthesisSeconds;
    private readonly Histogram _rtf;
    private readonly Histogram _firstAudio;
    private readonly Counter _audioSeconds;
    private readonly Counter _syntheses;
    private readonly Counter _rejected;

    public ServerMetrics(Synthesizer synthesizer, SynthesisScheduler scheduler)
    {
        Registry = Metrics.NewCustomRegistry();
        var f = Metrics.WithCustomRegistry(Registry);
        _requests = f.CreateCounter("ishowtts_http_requests_total", "HTTP requests answered.", "route", "method", "status");
        _requestSeconds = f.CreateHistogram("ishowtts_http_request_duration_seconds", "HTTP request duration, to the last byte.",
            new HistogramConfiguration { LabelNames = ["route"], Buckets = Histogram.ExponentialBuckets(0.005, 2, 16) });
        _synthesisSeconds = f.CreateHistogram("ishowtts_synthesis_duration_seconds", "Synthesis time per request (in a slot, to the last chunk).",
            new HistogramConfiguration { LabelNames = ["engine"], Buckets = Histogram.ExponentialBuckets(0.01, 2, 15) });
        _rtf = f.CreateHistogram("ishowtts_synthesis_rtf", "Real-time factor: synthesis seconds per second of audio.",
            new HistogramConfiguration { LabelNames = ["engine"], Buckets = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10] });
        _firstAudio = f.CreateHistogram("ishowtts_time_to_first_audio_seconds", "From the request's arrival to its first audio chunk (queue wait included).",
            new HistogramConfiguration { LabelNames = ["engine"], Buckets = Histogram.ExponentialBuckets(0.005, 2, 16) });
        _audioSeconds = f.CreateCounter("ishowtts_audio_seconds_total", "Seconds of audio produced.", "engine");
        _syntheses = f.CreateCounter("ishowtts_syntheses_total", "Syntheses by outcome (ok, error, cancelled, timeout).", "engine", "outcome");
        _rejected = f.CreateCounter("ishowtts_rejected_total", "Requests refused before synthesis (queue full, shutting down).", "reason");

        var queueDepth = f.CreateGauge("ishowtts_queue_depth", "Requests waiting for a synthesis slot.");
        var inFlight = f.CreateGauge("ishowtts_inflight_syntheses", "Syntheses running now.");
        var maxParallel = f.CreateGauge("ishowtts_max_parallel", "Synthesis slots ([api] max_parallel).");
        var queueCapacity = f.CreateGauge("ishowtts_queue_capacity", "Wait queue capacity.");
        var engineReady = f.CreateGauge("ishowtts_engine_ready", "1 when the engine can speak.", "engine");
        var voices = f.CreateGauge("ishowtts_voices", "Voices in the catalog.");
        var cacheHits = f.CreateCounter("ishowtts_clip_cache_hits_total", "Requests answered from the clip cache.");
        var cacheMisses = f.CreateCounter("ishowtts_clip_cache_misses_total", "Requests the clip cache could not answer.");
        var gpu = f.CreateGauge("ishowtts_gpu_memory_bytes", "GPU memory of an engine's CUDA backend (allocated, peak_reserved, total).", "engine", "kind");

        Registry.AddBeforeCollectCallback(() =>
        {
            queueDepth.Set(scheduler.Waiting);
            inFlight.Set(scheduler.Running);
            maxParallel.Set(scheduler.MaxParallel);
            queueCapacity.Set(scheduler.QueueCapacity);
            voices.Set(synthesizer.Voices.All.Count);
            foreach (var engine in synthesizer.Engines) engineReady.WithLabels(engine.Id).Set(engine.Status.Ready ? 1 : 0);
            cacheHits.IncTo(synthesizer.Clips.Hits);
            cacheMisses.IncTo(synthesizer.Clips.Misses);
            foreach (var f5 in synthesizer.Engines.OfType<F5Engine>())
                if (f5.Model?.Backend is CudaBackend cuda)
                {
                    gpu.WithLabels(f5.Id, "allocated").Set(cuda.AllocatedBytes);
                    gpu.WithLabels(f5.Id, "peak_reserved").Set(cuda.PeakReservedBytes);
                    gpu.WithLabels(f5.Id, "total").Set(cuda.Device.TotalMemoryBytes);
                }
        });
    }

    public CollectorRegistry Registry { get; }

    public void Request(string route, string method, int status, double seconds)
    {
        _requests.WithLabels(route, method, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        _requestSeconds.WithLabels(route).Observe(seconds);
    }

    public void FirstAudio(string engine, double seconds) => _firstAudio.WithLabels(engine).Observe(seconds);

    public void Synthesis(string engine, string outcome, double seconds, double audioSeconds)
    {
        _syntheses.WithLabels(engine, outcome).Inc();
        if (outcome != "ok") return;
        _synthesisSeconds.WithLabels(engine).Observe(seconds);
        _audioSeconds.WithLabels(engine).Inc(audioSeconds);
        if (audioSeconds > 0) _rtf.WithLabels(engine).Observe(seconds / audioSeconds);
    }

    public void Rejected(RefusalReason reason) => _rejected.WithLabels(reason == RefusalReason.QueueFull ? "queue_full" : "shutting_down").Inc();
}
