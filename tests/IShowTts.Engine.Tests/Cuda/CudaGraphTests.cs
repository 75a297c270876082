// CUDA graphs through the sampler: a request shape runs eagerly, is recorded, and its next request is one
// graph launch; the replay must equal the eager loop (relative L2 ≤ 1e-6, the error is printed) on every
// golden model and on random F5TTS_v1_Base weights at a W1-like length — for a repeat of the shape, a new
// length, a masked batch of 2, and after a longer request regrew the state (old graphs dropped). Also:
// work that allocates or synchronises inside a capture fails loudly and leaves the backend usable.
using IShowTts.Engine.F5;
using IShowTts.Engine.Sampling;
using IShowTts.Engine.Tensors;
using IShowTts.TestSupport;

namespace IShowTts.Engine.Tests.Cuda;

[Trait("Category", "Gpu")]
public sealed class CudaGraphTests(CudaBackendFixture fixture) : IClassFixture<CudaBackendFixture>
{
    private const double ReplayTolerance = 1e-6;

    public static TheoryData<string> GoldenModels() => Golden.Cases("*_meta.json");

    [Theory]
    [MemberData(nameof(GoldenModels))]
    public void ReplayedGraphsEqualTheEagerLoopOnAGoldenModel(string meta)
    {
        var cuda = fixture.Require();
        using var model = F5Tts.Load(ModelFiles.Resolve(Path.GetDirectoryName(Golden.PathOf(meta))!), cuda);
        Scenario(cuda, model.DiT, model.Sampler, meta, nfe: 5, first: 150, second: 97, batch: (120, 83), longer: 260);
    }

    [Fact]
    public void ReplayedGraphsEqualTheEagerLoopOnV1BaseShapesAtAW1Length()
    {
        var cuda = fixture.Require();
        using var dit = new DiT(cuda, F5Checkpoint.Random(F5Config.V1Base, cuda, 11));
        using var sampler = new FlowSampler(cuda, dit);
        Scenario(cuda, dit, sampler, "F5TTS_v1_Base random", nfe: 3, first: 1326, second: 900, batch: (700, 512), longer: 1600);
    }

    [Fact]
    public void CaptureOfWorkThatAllocatesOrSynchronisesFailsAndLeavesTheBackendUsable()
    {
        var cuda = fixture.Require();
        var e1 = Assert.ThrowsAny<Exception>(() => cuda.Capture(() => cuda.AllocateStorage(DType.F16, 1 << 20)));
        Assert.Contains("graph", e1.Message);
        var e2 = Assert.Throws<InvalidOperationException>(() => cuda.Capture(() => cuda.Synchronize()));
        Assert.Contains("Synchronize", e2.Message);

        var y = cuda.Allocate(DType.F32, 1000);
        try
        {
            using (var graph = cuda.Capture(() => cuda.Fill(y, 2.5f, 1000)))
            {
                cuda.Fill(y, 0f, 1000);
                Assert.All(cuda.ToArray(y), v => Assert.Equal(0f, v));
                graph!.Launch();
                Assert.All(cuda.ToArray(y), v => Assert.Equal(2.5f, v));
            }
            Assert.Equal(0, cuda.LiveGraphs);
        }
        finally
        {
            y.Storage.Dispose();
        }
    }

    private static void Scenario(IBackend cuda, DiT dit, FlowSampler sampler, string what, int nfe, int first, int second,
        (int A, int B) batch, int longer)
    {
        var c = dit.Config;
        var random = new Random(17);
        SampleRequest Request(params int[] durations)
        {
            var conds = new List<float[]>();
            var lens = new List<int>();
            var ids = new List<int[]>();
            int textLen = Math.Max(8, durations.Min() / 5);
            foreach (var d in durations)
            {
                int refFrames = d * 2 / 3;
                conds.Add(Enumerable.Range(0, refFrames * c.MelDim).Select(_ => 2f * random.NextSingle() - 1f).ToArray());
                lens.Add(refFrames);
                // Shorter items are padded with −1, as the batcher does.
                int own = Math.Max(4, textLen * d / durations.Max());
                ids.Add([.. Enumerable.Range(0, textLen).Select(i => i < own ? random.Next(1, c.VocabSize) : -1)]);
            }
            return new SampleRequest(conds, lens, ids, durations, Nfe: nfe, Seed: 23);
        }
        float[] Run(SampleRequest r, bool graphs, string expectedMode)
        {
            sampler.UseGraphs = graphs;
            var mel = sampler.Sample(r, out _);
            Assert.Equal(expectedMode, sampler.LastMode);
            return mel;
        }
        var lines = new List<string>();
        void Same(string label, float[] replay, float[] eager)
        {
            double error = Compare.RelativeL2(replay, eager);
            lines.Add($"graph vs eager, {what}, {label}: relL2 {error:E2}{(error == 0 ? " (bit-identical)" : "")}");
            Compare.AssertClose(replay, eager, ReplayTolerance, $"{what}: {label}");
        }

        var a = Request(first);
        var b = Request(second);
        var pair = Request(batch.A, batch.B);
        var longRequest = Request(longer);

        var eagerA = Run(a, graphs: false, "eager");
        Same($"n {first}, recording run", Run(a, graphs: true, "graph recorded"), eagerA);
        Same($"n {first}, replay", Run(a, graphs: true, "graph replayed"), eagerA);

        var eagerB = Run(b, graphs: false, "eager");
        Run(b, graphs: true, "graph recorded");
        Same($"n {second} (a second graph), replay", Run(b, graphs: true, "graph replayed"), eagerB);
        Same($"n {first} again, replay of the first graph", Run(a, graphs: true, "graph replayed"), eagerA);

        var eagerPair = Run(pair, graphs: false, "eager");
        Run(pair, graphs: true, "graph recorded");
        Same($"batch of 2 ({batch.A}, {batch.B}) with masks, replay", Run(pair, graphs: true, "graph replayed"), eagerPair);

        // A longer request regrows the state: earlier graphs are dropped and recorded anew.
        int generation = dit.State.Generation;
        var recordedLong = Run(longRequest, graphs: true, "graph recorded");
        Assert.NotEqual(generation, dit.State.Generation);
        var replayedLong = Run(longRequest, graphs: true, "graph replayed");
        var eagerLong = Run(longRequest, graphs: false, "eager");
        Same($"n {longer} after the state regrew, recording run", recordedLong, eagerLong);
        Same($"n {longer} after the state regrew, replay", replayedLong, eagerLong);
        Run(a, graphs: true, "graph recorded");
        var replayedA = Run(a, graphs: true, "graph replayed");
        Same($"n {first} after the state regrew, replay", replayedA, Run(a, graphs: false, "eager"));

        var text = string.Join(Environment.NewLine, lines);
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        var report = Environment.GetEnvironmentVariable("ISHOWTTS_GPU_REPORT");
        if (!string.IsNullOrEmpty(report)) File.AppendAllText(report, text + Environment.NewLine);
    }
}
