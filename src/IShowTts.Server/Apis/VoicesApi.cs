// Voices: the original's list and reference-override routes (get, set by multipart text and/or audio,
// reset to baseline, download either audio), plus adding and removing whole voices by upload with their
// owner and consent note. Every change is validated, persisted (VoiceStore) and applied at once.
using IShowTts.Server.Contracts;
using IShowTts.Server.Persistence;
using IShowTts.Server.Problems;
using IShowTts.Server.Security;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Voices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IShowTts.Server.Apis;

internal static class VoicesApi
{
    public static RouteGroupBuilder MapVoicesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/voices").WithTags("Voices");

        api.MapGet("", List).WithName("ListVoices").WithSummary("Every voice: the original's fields plus source, owner, consent note, override and readiness.")
            .RequireScope(ApiScopes.Speak);
        api.MapGet("/{id}", Get).WithName("GetVoice").WithSummary("One voice.").RequireScope(ApiScopes.Speak);
        api.MapPost("", Add).WithName("AddVoice")
            .WithSummary("Add a voice by upload (multipart: id, audio, text, language, label, owner, consent_note; engine=espeak with espeak_voice needs no audio).")
            .Accepts<IFormFile>("multipart/form-data").DisableAntiforgery().RequireScope(ApiScopes.Admin);
        api.MapDelete("/{id}", Remove).WithName("RemoveVoice").WithSummary("Remove a voice added through the API, with its files.")
            .RequireScope(ApiScopes.Admin);
        api.MapGet("/{id}/reference", GetReference).WithName("GetVoiceReference")
            .WithSummary("The baseline and override reference text, whether each audio exists, and when the override was set.").RequireScope(ApiScopes.Speak);
        api.MapPost("/{id}/reference", SetReference).WithName("SetVoiceReference")
            .WithSummary("Override the reference: multipart 'text' and/or 'audio' (new audio needs its transcript); applied at once, kept across restarts.")
            .Accepts<IFormFile>("multipart/form-data").DisableAntiforgery().RequireScope(ApiScopes.Admin);
        api.MapDelete("/{id}/reference", ResetReference).WithName("ResetVoiceReference").WithSummary("Back to the baseline reference.")
            .RequireScope(ApiScopes.Admin);
        api.MapGet("/{id}/reference/audio", DownloadReference).WithName("DownloadVoiceReference")
            .WithSummary("Download the reference audio: ?source=baseline|override (default: the one in use).").RequireScope(ApiScopes.Admin);
        return api;
    }

    public static Ok<VoiceInfo[]> List(Synthesizer synthesizer, VoiceStore store) =>
        TypedResults.Ok(synthesizer.Voices.All.Select(v => Describe(v, synthesizer, store)).ToArray());

    public static Results<Ok<VoiceInfo>, ProblemHttpResult> Get(string id, Synthesizer synthesizer, VoiceStore store)
    {
        if (Find(id, synthesizer) is (null, var problem)) return problem!;
        synthesizer.Voices.TryGet(id, out var voice);
        return TypedResults.Ok(Describe(voice, synthesizer, store));
    }

    public static async Task<Results<Created<AddedVoiceResponse>, ProblemHttpResult>> Add(HttpContext http, Synthesizer synthesizer, VoiceStore store,
        ServerOptions options)
    {
        var (form, formProblem) = await ReadFormAsync(http, options);
        if (formProblem is not null) return formProblem;
        var id = form!["id"].ToString().Trim();
        if (id.Length == 0) return Problem.InvalidRequest("the form field 'id' is required: the new voice's id (letters, digits, '-', '_', '.')");
        if (!VoiceCatalog.IsValidId(id)) return Problem.InvalidVoiceId(id);
        if (synthesizer.Voices.TryGet(id, out _))
            return Problem.Of(409, ProblemTypes.VoiceExists, "Voice exists", $"a voice '{id}' already exists; remove it first or choose another id");
        var engineId = Field(form, "engine") ?? "f5";
        var engine = synthesizer.Engine(engineId);
        if (engine is null)
            return Problem.Of(400, ProblemTypes.UnknownEngine, "Unknown engine",
                $"unknown engine '{Problem.Shorten(engineId)}' (known: {string.Join(", ", synthesizer.Engines.Select(e => e.Id))})");
        var language = Field(form, "language") ?? "en-US";
        if (language.Length > 16 || !language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            return Problem.InvalidRequest($"'{Problem.Shorten(language)}' is not a language tag (en-US, zh-CN…)");
        var label = Field(form, "label");
        var owner = Field(form, "owner");
        var consent = Field(form, "consent_note");
        if ((TooLong(label, 200, "label") ?? TooLong(owner, 200, "owner") ?? TooLong(consent, 2000, "consent_note")) is { } tooLong) return tooLong;

        CheckedReference? reference = null;
        string? text = null;
        string? espeakVoice = null;
        if (engineId == "espeak")
        {
            espeakVoice = Field(form, "espeak_voice");
            if (espeakVoice is not null && !espeakVoice.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+'))
                return Problem.InvalidRequest($"'{Problem.Shorten(espeakVoice)}' is not an espeak voice name (en-us, cmn, fr…)");
        }
        else
        {
            var file = form.Files.GetFile("audio");
            if (file is null || file.Length == 0)
                return Problem.InvalidRequest("the form field 'audio' is required: a 5–12 s recording of the voice (WAV, MP3, FLAC, Ogg)");
            text = Field(form, "text");
            var (checkedRef, problem) = await ReferenceUploads.CheckAsync(file, text, AcceptClipping(form), options, http.RequestAborted);
            if (problem is not null) return problem;
            reference = checkedRef;
        }
        var definition = new AddedVoice(id, engineId, language, null, text, label, owner, consent, espeakVoice, DateTimeOffset.UtcNow);
        Voice voice;
        try
        {
            voice = store.Add(definition, reference?.Audio);
        }
        catch (SpeechException e)
        {
            return Problem.Of(400, ProblemTypes.BadAudio, "Unusable voice", e.Message);
        }
        return TypedResults.Created($"/api/voices/{id}", new AddedVoiceResponse(Describe(voice, synthesizer, store), reference?.Seconds, reference?.Clipped ?? false));
    }

    public static Results<NoContent, ProblemHttpResult> Remove(string id, Synthesizer synthesizer, VoiceStore store)
    {
        if (Find(id, synthesizer) is (null, var problem)) return problem!;
        if (store.Added(id) is null)
            return Problem.Of(409, ProblemTypes.VoiceNotRemovable, "Voice not removable",
                $"'{id}' was not added through the API: it comes from the configuration file or an engine; remove it there");
        store.Remove(id);
        return TypedResults.NoContent();
    }

    public static Results<Ok<VoiceReferenceResponse>, ProblemHttpResult> GetReference(string id, Synthesizer synthesizer, VoiceStore store)
    {
        if (Find(id, synthesizer) is (null, var problem)) return problem!;
        return TypedResults.Ok(DescribeReference(id, synthesizer, store));
    }

    public static async Task<Results<Ok<VoiceReferenceResponse>, ProblemHttpResult>> SetReference(string id, HttpContext http, Synthesizer synthesizer,
        VoiceStore store, ServerOptions options)
    {
        if (Find(id, synthesizer) is (null, var problem)) return problem!;
        synthesizer.Voices.TryGet(id, out var voice);
        if (voice.Engine != "f5")
            return Problem.Of(409, ProblemTypes.NoReference, "Voice has no reference", $"'{id}' is a {voice.Engine} voice; only F5 voices have a reference recording");
        var (form, formProblem) = await ReadFormAsync(http, options);
        if (formProblem is not null) return formProblem;
        var text = Field(form!, "text");
        var file = form!.Files.GetFile("audio");
        if (file is { Length: 0 }) file = null;
        if (file is null && text is null)
            return Problem.InvalidRequest("send the form field 'text' (the new transcript) and/or 'audio' (a new recording with its transcript in 'text')");
        if (text is not null && text.Length > ReferenceUploads.MaxTranscriptChars)
            return Problem.Of(400, ProblemTypes.TextTooLong, "Transcript too long", $"the transcript has {text.Length} characters; at most {ReferenceUploads.MaxTranscriptChars} are accepted");
        CheckedReference? reference = null;
        if (file is not null)
        {
            var (checkedRef, uploadProblem) = await ReferenceUploads.CheckAsync(file, text, AcceptClipping(form), options, http.RequestAborted);
            if (uploadProblem is not null) return uploadProblem;
            reference = checkedRef;
        }
        try
        {
            store.SetOverride(voice, reference?.Audio, text);
        }
        catch (SpeechException e)
        {
            return Problem.Of(400, ProblemTypes.BadAudio, "Unusable reference", e.Message);
        }
        return TypedResults.Ok(DescribeReference(id, synthesizer, store));
    }

    public static Results<Ok<VoiceReferenceResponse>, ProblemHttpResult> ResetReference(string id, Synthesizer synthesizer, VoiceStore store)
    {
        if (Find(id, synthesizer) is (null, var problem)) return problem!;
        store.ClearOverride(id);
        return TypedResults.Ok(DescribeReference(id, synthesizer, store));
    }

    public static Results<PhysicalFileHttpResult, ProblemHttpResult> DownloadReference(string id, string? source, HttpContext http, Synthesizer synthesizer,
        VoiceStore store)
    {
        if (Find(id, synthesizer) is (null, var problem)) return problem!;
        synthesizer.Voices.TryGet(id, out var active);
        var o = store.Override(id);
        string? path;
        string label;
        switch (source?.ToLowerInvariant())
        {
            case "baseline":
                path = store.Baseline(id)?.ReferenceAudio;
                label = "baseline";
                break;
            case "override":
                path = o is null ? null : store.OverrideAudioPath(o);
                label = "override";
                if (path is null)
                    return Problem.Of(404, ProblemTypes.NoOverride, "No override audio", $"'{id}' has no override audio; see ?source=baseline");
                break;
            case null or "" or "active":
                path = active.ReferenceAudio;
                label = o?.ReferenceAudio is null ? "baseline" : "override";
                break;
            default:
                return Problem.InvalidRequest($"source must be baseline, override or active (got '{Problem.Shorten(source)}')");
        }
        if (path is null || !File.Exists(path))
            return Problem.Of(404, ProblemTypes.NoReference, "No reference audio", $"'{id}' has no {label} reference audio");
        http.Response.Headers["X-Voice-Reference-Source"] = label;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.PhysicalFile(path, ReferenceUploads.ContentTypeOf(path), $"{id}-{label}{Path.GetExtension(path)}");
    }

    private static VoiceInfo Describe(Voice v, Synthesizer synthesizer, VoiceStore store)
    {
        var engine = synthesizer.Engine(v.Engine);
        var source = store.Added(v.Id) is not null ? "api"
            : synthesizer.Engines.Any(e => e.BuiltInVoices.Any(b => b.Id == v.Id)) ? "engine" : "config";
        return new VoiceInfo(v.Id, v.Engine, engine?.Label ?? v.Engine, v.Language, v.ReferenceText, v.Label, source,
            store.Override(v.Id) is not null, engine?.Status.Ready ?? false, v.Owner, v.ConsentNote);
    }

    private static VoiceReferenceResponse DescribeReference(string id, Synthesizer synthesizer, VoiceStore store)
    {
        synthesizer.Voices.TryGet(id, out var active);
        var baseline = store.Baseline(id) ?? active;
        var o = store.Override(id);
        var overridePath = o is null ? null : store.OverrideAudioPath(o);
        return new VoiceReferenceResponse(id, active.Engine, synthesizer.Engine(active.Engine)?.Label ?? active.Engine, active.Language,
            active.ReferenceText, baseline.ReferenceText, o?.ReferenceText,
            baseline.ReferenceAudio is not null && File.Exists(baseline.ReferenceAudio),
            overridePath is not null && File.Exists(overridePath), o?.UpdatedAt);
    }

    private static (Voice? Voice, ProblemHttpResult? Problem) Find(string id, Synthesizer synthesizer)
    {
        if (!VoiceCatalog.IsValidId(id)) return (null, Problem.InvalidVoiceId(id));
        return synthesizer.Voices.TryGet(id, out var voice) ? (voice, null)
            : (null, Problem.VoiceNotFound(id, synthesizer.Voices.All.Select(v => v.Id)));
    }

    private static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadFormAsync(HttpContext http, ServerOptions options)
    {
        if (!http.Request.HasFormContentType)
            return (null, Problem.UnsupportedMediaType("send the fields as multipart/form-data (curl -F text=… -F audio=@voice.wav)"));
        try
        {
            return (await http.Request.ReadFormAsync(http.RequestAborted), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ReferenceUploads.TooLarge(http.Request.ContentLength ?? 0, options.MaxUploadBytes));
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, Problem.InvalidRequest($"the multipart form cannot be read: {e.Message}"));
        }
    }

    private static string? Field(IFormCollection form, string name)
    {
        var value = form[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    private static bool AcceptClipping(IFormCollection form) =>
        Field(form, "accept_clipping") is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1");

    private static ProblemHttpResult? TooLong(string? value, int max, string field) =>
        value is not null && value.Length > max ? Problem.InvalidRequest($"'{field}' has {value.Length} characters; at most {max} are accepted") : null;
}
