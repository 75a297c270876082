// The wire forms of playout events. Binary (the original's layout, byte for byte): a little-endian u32
// header length, the UTF-8 JSON header, then the WAV bytes. Control events are small JSON texts
// ({"type":"stop","id":…,"reason":…}, {"type":"paused"}, {"type":"resumed"}), and players answer
// {"type":"ack","id":…}.
using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using IShowTts.Chat.Queue;

namespace IShowTts.Server.Danmaku;

internal static class PlaybackFrames
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Binary(PlaybackHeader header, ReadOnlySpan<byte> wav)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        var frame = new byte[4 + json.Length + wav.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)json.Length);
        json.CopyTo(frame.AsSpan(4));
        wav.CopyTo(frame.AsSpan(4 + json.Length));
        return frame;
    }

    /// <summary>The control text of a Stop, Paused or Resumed event.</summary>
    public static string Control(PlayoutEvent e) => e.Kind switch
    {
        PlayoutEventKind.Stop => JsonSerializer.Serialize(new { type = "stop", id = e.ItemId, reason = e.Reason }, Json),
        PlayoutEventKind.Paused => """{"type":"paused"}""",
        PlayoutEventKind.Resumed => """{"type":"resumed"}""",
        _ => throw new ArgumentException($"{e.Kind} is not a control event", nameof(e)),
    };

    /// <summary>The item id of a player's {"type":"ack","id":N} message; null for anything else.</summary>
    public static long? AckId(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "ack") return null;
            return root.TryGetProperty("id", out var id) && id.TryGetInt64(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
