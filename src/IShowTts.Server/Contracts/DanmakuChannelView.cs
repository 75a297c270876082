// A channel being read, with its voice and engine (null: the chat default), as start and status answer.
using IShowTts.Chat.Model;

namespace IShowTts.Server.Contracts;

public sealed record DanmakuChannelView(ChatPlatform Platform, string Channel, string? VoiceId, string? Engine);
