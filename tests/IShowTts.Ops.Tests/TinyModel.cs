// The tiny golden checkpoint (shared/golden/f5-tiny: dim 64, depth 2, 4 heads of 16, vocabulary 2545) on a
// given backend: W1 runs through it end to end in a fraction of a second on the CPU, so bench and profile
// are tested on the real engine, not a stand-in.
using IShowTts.Engine;
using IShowTts.Engine.Tensors;
using IShowTts.TestSupport;

namespace IShowTts.Ops.Tests;

internal static class TinyModel
{
    public const int Depth = 2, Heads = 4, HeadSize = 16;

    public static string Directory => Golden.PathOf("f5-tiny");

    public static F5Tts Load(IBackend backend) => F5Tts.Load(ModelFiles.Resolve(Directory), backend);
}
