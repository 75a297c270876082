// Data-driven parity against the official F5-TTS outputs: every case of every `*_meta.json` under the
// golden directory (shared/golden/README.md), at the README's tolerances (fp32 on the CPU; the fp16
// column when ISHOWTTS_TEST_BACKEND selects a GPU). Each test prints its relative errors.
using IShowTts.Engine.Sampling;
using IShowTts.TestSupport;

namespace IShowTts.Engine.Tests.Parity;

[Trait("Category", "Parity")]
public sealed class ModelParityTests(ITestOutputHelper output)
{
    private static bool Fp16 => TestBackend.IsReducedPrecision;
    private static double ForwardTol => Fp16 ? 2e-2 : 1e-4;
    private static double MelTol => Fp16 ? 2e-2 : 1e-4;
    private static double WaveTol => Fp16 ? 5e-2 : 1e-3;

    public static TheoryData<string, string, string> Cases => GoldenModelSet.AllCases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesOfficialOutput(string meta, string kind, string parameter)
    {
        var set = GoldenModelSet.Get(meta);
        switch (kind)
        {
            case "mel": MelCase(set); break;
            case "dit": DitCase(set, parameter); break;
            case "sample": SampleCase(set, int.Parse(parameter)); break;
            case "batch": BatchCase(set); break;
            default: Assert.Fail($"{meta}: unknown case kind '{kind}'"); break;
        }
    }

    private void MelCase(GoldenModelSet set)
    {
        var c = set.Case("mel");
        var wave = set.Cases.Floats(c.GetProperty("input").GetString()!);
        var expected = set.Cases.Floats(c.GetProperty("output").GetString()!); // (D, frames)
        var mel = set.Model.Mel.Compute(wave); // (frames, D)
        Report("mel", Compare.AssertClose(Transpose(mel, mel.Length / 100, 100), expected, 1e-4, "log-mel"));
    }

    private void DitCase(GoldenModelSet set, string time)
    {
        var x = set.Cases.Floats("dit.x");
        var cond = set.Cases.Floats("dit.cond");
        var text = set.Cases.Ints("dit.text");
        var expected = set.Cases.Floats($"dit.t{time}.out");
        int n = set.Cases.Shape("dit.x")[1];
        var be = set.Model.Backend;
        var dit = set.Model.DiT;
        lock (set)
        {
            using var xt = new Tensors.OwnedTensor(be, 1, n, 100);
            using var ct = new Tensors.OwnedTensor(be, 1, n, 100);
            be.Upload(xt.T, x);
            be.Upload(ct.T, cond);
            dit.Prepare([text], ct.T, null, n, [float.Parse(time, System.Globalization.CultureInfo.InvariantCulture)], packed: true);
            dit.Forward(xt.T, 0);
            var v = new float[2 * n * 100];
            be.Download(dit.Velocity.View(0, 2 * n * 100), v);
            var condErr = Compare.AssertClose(v.AsSpan(0, n * 100), expected.AsSpan(0, n * 100), ForwardTol, $"dit t={time} conditional");
            var uncondErr = Compare.AssertClose(v.AsSpan(n * 100), expected.AsSpan(n * 100), ForwardTol, $"dit t={time} unconditional");
            Report($"dit t={time} cond", condErr);
            Report($"dit t={time} uncond", uncondErr);
        }
    }

    private void SampleCase(GoldenModelSet set, int nfe)
    {
        var c = set.Case("sample");
        int duration = c.GetProperty("duration").GetInt32();
        int refFrames = c.GetProperty("ref_frames").GetInt32();
        var refWave = set.Cases.Floats("sample.ref_wave");
        var text = set.Cases.Ints("sample.text");
        var y0 = set.Cases.Floats("sample.y0");
        var steps = set.Cases.Floats($"sample.nfe{nfe}.steps");
        var expectedMel = set.Cases.Floats($"sample.nfe{nfe}.mel");
        var expectedWave = set.Cases.Floats($"sample.nfe{nfe}.wave");
        int stepSize = duration * 100;
        double worstStep = 0;
        lock (set)
        {
            Assert.Equal(refFrames, refWave.Length / F5Tts.HopLength);
            var cond = set.Model.Mel.Compute(refWave);
            var request = new SampleRequest([cond], [cond.Length / 100], [text], [duration], nfe,
                (float)c.GetProperty("cfg_strength").GetDouble(), (float)c.GetProperty("sway_sampling_coef").GetDouble(),
                InitialNoise: y0, UseEpss: c.GetProperty("epss").GetBoolean(),
                Trajectory: (step, state) =>
                {
                    var err = Compare.RelativeL2(state, steps.AsSpan(step * stepSize, stepSize));
                    worstStep = Math.Max(worstStep, err);
                    if (!Fp16) Compare.AssertClose(state, steps.AsSpan(step * stepSize, stepSize), 1e-4, $"nfe {nfe} step {step}");
                });
            var mel = set.Model.Sampler.Sample(request, out int frames);
            Assert.Equal(duration, frames);
            Report($"sample nfe={nfe} worst step", worstStep);
            Report($"sample nfe={nfe} mel", Compare.AssertClose(mel, expectedMel, MelTol, $"nfe {nfe} final mel"));
            // The waveform is checked on the official mel so it measures the vocoder alone, then end to end.
            int generated = duration - refFrames;
            var wave = set.Model.Vocoder.Decode(expectedMel.AsSpan(refFrames * 100), generated);
            Report($"sample nfe={nfe} vocoder", Compare.AssertClose(wave, expectedWave, WaveTol, $"nfe {nfe} vocoder on the official mel"));
            var endToEnd = set.Model.Vocoder.Decode(mel.AsSpan(refFrames * 100), generated);
            Report($"sample nfe={nfe} wave", Compare.AssertClose(endToEnd, expectedWave, WaveTol, $"nfe {nfe} waveform"));
        }
    }

    private void BatchCase(GoldenModelSet set)
    {
        var c = set.Case("batch");
        var condShape = set.Cases.Shape("batch.cond_mel");
        int b = condShape[0], rows = condShape[1];
        var condAll = set.Cases.Floats("batch.cond_mel");
        var textAll = set.Cases.Ints("batch.text");
        int nt = textAll.Length / b;
        var lens = set.Cases.Ints("batch.lens");
        var durations = set.Cases.Ints("batch.durations");
        var y0 = set.Cases.Floats("batch.y0");
        var expected = set.Cases.Floats("batch.mel");
        int n = set.Cases.Shape("batch.mel")[1];
        var conds = Enumerable.Range(0, b).Select(i => condAll.AsSpan(i * rows * 100, rows * 100).ToArray()).ToArray();
        var texts = Enumerable.Range(0, b).Select(i => textAll.AsSpan(i * nt, nt).ToArray()).ToArray();
        lock (set)
        {
            var request = new SampleRequest(conds, lens, texts, durations, c.GetProperty("nfe").GetInt32(),
                (float)c.GetProperty("cfg_strength").GetDouble(), (float)c.GetProperty("sway_sampling_coef").GetDouble(), InitialNoise: y0);
            var mel = set.Model.Sampler.Sample(request, out int frames);
            Assert.Equal(n, frames);
            for (int i = 0; i < b; i++)
            {
                int valid = durations[i] * 100;
                Report($"batch item {i}", Compare.AssertClose(mel.AsSpan(i * n * 100, valid), expected.AsSpan(i * n * 100, valid), MelTol, $"batch item {i}"));
            }
        }
    }

    private void Report(string what, double error) =>
        output.WriteLine($"{what}: relative L2 error {error:E3} ({TestBackend.Name})");

    private static float[] Transpose(float[] m, int rows, int cols)
    {
        var t = new float[m.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                t[c * rows + r] = m[r * cols + c];
        return t;
    }
}
