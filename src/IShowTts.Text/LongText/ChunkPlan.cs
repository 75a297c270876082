// One chunk of a long-text request as official F5-TTS runs it: the chunk, its local speed, the frames
// asked of the sampler (before CFM.sample's clamp) and the text given to the frontend. Data only.
namespace IShowTts.Text.LongText;

public sealed record ChunkPlan(string Text, double LocalSpeed, int DurationFrames, string ModelText);
