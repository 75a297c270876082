// Voices: the list (engine, language, readiness, source, override), a preview of each, adding a voice by
// upload or microphone recording with its transcript, and the reference editor (override text and/or
// audio, reset to baseline, download baseline/override). Server validation errors land on their field.
import { request, postJson, del, download, getJson, ApiError } from "./api.js";
import { t } from "./i18n.js";
import { el, $, announce, showError, setFieldError, clearFieldErrors, badge, readyBadge } from "./ui.js";
import { onVoices, loadVoices, voiceState, engineLabel, voiceName } from "./voices-store.js";
import { bindRecordButton } from "./recorder.js";

let recordedAdd = null;        // File from the microphone for the add form
let recordedReference = null;  // File from the microphone for the reference editor
let editing = null;            // voice id in the reference editor

// Which field a problem type belongs to, for inline errors.
const addFieldOf = {
  "invalid-voice-id": "#add-id", "voice-exists": "#add-id",
  "reference-text-required": "#add-text", "text-too-long": "#add-text",
  "bad-audio": "#add-audio", "audio-too-long": "#add-audio", "upload-too-large": "#add-audio", "reference-clipped": "#add-audio",
};
const referenceFieldOf = {
  "reference-text-required": "#reference-text", "text-too-long": "#reference-text",
  "bad-audio": "#reference-audio", "audio-too-long": "#reference-audio", "upload-too-large": "#reference-audio", "reference-clipped": "#reference-audio",
};

const recordTexts = () => ({
  record: t("voices.record"), stop: t("voices.stopRecording"), recording: t("voices.recordingNow"),
  recorded: s => t("voices.recorded", { seconds: s.toFixed(1) }), denied: m => t("voices.micDenied", { reason: m }),
});

export function init() {
  onVoices(render);
  window.addEventListener("i18n:changed", () => render(voiceState()));
  $("#voices-refresh").addEventListener("click", () => loadVoices().catch(e => showError($("#voices-error"), e)));
  const engine = $("#add-engine");
  onVoices(state => {
    const previous = engine.value;
    engine.replaceChildren(...state.engines.map(e => new Option(e.label, e.id)));
    if (!state.engines.length) engine.append(new Option("F5-TTS", "f5"));
    engine.value = [...engine.options].some(o => o.value === previous) ? previous : (engine.options[0]?.value ?? "f5");
    updateEngineFields();
  });
  engine.addEventListener("change", updateEngineFields);
  $("#add-voice-form").addEventListener("submit", e => { e.preventDefault(); addVoice(); });
  bindRecordButton($("#add-record"), $("#add-record-state"), file => {
    recordedAdd = file;
    $("#add-audio").value = "";
    const preview = $("#add-record-preview");
    preview.src = URL.createObjectURL(file);
    preview.hidden = false;
  }, recordTexts);
  $("#add-audio").addEventListener("change", () => { recordedAdd = null; $("#add-record-state").textContent = ""; });
  bindRecordButton($("#reference-record"), $("#reference-record-state"), file => { recordedReference = file; $("#reference-audio").value = ""; }, recordTexts);
  $("#reference-audio").addEventListener("change", () => { recordedReference = null; $("#reference-record-state").textContent = ""; });
  $("#reference-form").addEventListener("submit", e => { e.preventDefault(); saveOverride(); });
  $("#reference-reset").addEventListener("click", resetOverride);
  $("#reference-close").addEventListener("click", closeEditor);
  $("#reference-editor").addEventListener("keydown", e => { if (e.key === "Escape") { e.preventDefault(); closeEditor(); } });
  $("#reference-download-baseline").addEventListener("click", () => downloadReference("baseline"));
  $("#reference-download-override").addEventListener("click", () => downloadReference("override"));
}

export function show() { loadVoices().catch(e => showError($("#voices-error"), e)); }

function updateEngineFields() {
  const espeak = $("#add-engine").value === "espeak";
  $("#add-espeak-row").hidden = !espeak;
}

function render(state) {
  showError($("#voices-error"), state.error);
  const body = $("#voices-table tbody");
  body.replaceChildren(...state.voices.map(voice => el("tr", { dataset: { voice: voice.id } },
    el("th", { scope: "row" },
      el("div", {}, voiceName(voice)),
      el("div", { class: "meta" },
        t(`voices.source.${voice.source}`),
        voice.has_override ? [" · ", badge(t("voices.overridden"), "warn")] : null,
        voice.owner ? ` · ${t("voices.owner")}: ${voice.owner}` : null)),
    el("td", { "data-label": t("speak.engine") }, voice.engine_label || engineLabel(voice.engine)),
    el("td", { "data-label": t("voices.language") }, voice.language ?? "–"),
    el("td", { "data-label": t("voices.ready") }, readyBadge(voice.ready)),
    el("td", { "data-label": t("voices.actions") },
      el("div", { class: "row" },
        el("button", { type: "button", class: "small", "aria-label": t("voices.previewVoice", { voice: voice.id }), onclick: e => preview(voice, e.currentTarget) },
          t("voices.preview")),
        el("button", { type: "button", class: "small", "aria-label": t("voices.editVoice", { voice: voice.id }), onclick: () => openEditor(voice.id) },
          t("voices.reference")),
        voice.source === "api"
          ? el("button", { type: "button", class: "small danger", "aria-label": t("voices.removeVoice", { voice: voice.id }), onclick: () => removeVoice(voice.id) },
            t("voices.remove"))
          : null)))));
}

const sampleText = language => (language ?? "").toLowerCase().startsWith("zh") ? t("voices.sampleZh") : t("voices.sampleEn");

async function preview(voice, button) {
  showError($("#voices-error"), null);
  button.disabled = true;
  try {
    const answer = await postJson("/api/tts", { text: sampleText(voice.language), voice_id: voice.id });
    const audio = $("#voice-preview-audio");
    audio.src = `data:${answer.format};base64,${answer.audio_base64}`;
    audio.dataset.voice = voice.id;
    await audio.play().catch(() => {});
    announce(t("voices.previewPlaying", { voice: voice.id }));
  } catch (e) {
    showError($("#voices-error"), e);
  } finally {
    button.disabled = false;
  }
}

function fieldProblem(error, map, fallbackBox) {
  const selector = error instanceof ApiError ? map[error.type] : null;
  if (selector) {
    setFieldError($(selector), error.display);
    $(selector).focus();
  }
  showError(fallbackBox, error);
}

async function addVoice() {
  const form = $("#add-voice-form");
  const errorBox = $("#add-voice-error");
  clearFieldErrors(form);
  showError(errorBox, null);
  const id = $("#add-id").value.trim();
  if (!id) {
    setFieldError($("#add-id"), t("voices.idRequired"));
    $("#add-id").focus();
    return;
  }
  const data = new FormData();
  data.set("id", id);
  data.set("engine", $("#add-engine").value);
  data.set("language", $("#add-language").value);
  const optional = { label: "#add-label", owner: "#add-owner", consent_note: "#add-consent", text: "#add-text" };
  for (const [name, selector] of Object.entries(optional)) {
    const value = $(selector).value.trim();
    if (value) data.set(name, value);
  }
  if ($("#add-engine").value === "espeak" && $("#add-espeak-voice").value.trim()) data.set("espeak_voice", $("#add-espeak-voice").value.trim());
  const file = recordedAdd ?? $("#add-audio").files[0];
  if (file) data.set("audio", file, file.name);
  if ($("#add-accept-clipping").checked) data.set("accept_clipping", "true");
  try {
    const answer = await getJson("/api/voices", { method: "POST", form: data });
    announce(t("voices.added", { voice: answer.voice.id }));
    $("#add-voice-error").textContent = "";
    form.reset();
    recordedAdd = null;
    $("#add-record-preview").hidden = true;
    $("#add-record-state").textContent = t("voices.added", { voice: answer.voice.id });
    await loadVoices();
  } catch (e) {
    fieldProblem(e, addFieldOf, errorBox);
  }
}

async function removeVoice(id) {
  if (!confirm(t("voices.confirmRemove", { voice: id }))) return;
  try {
    await del(`/api/voices/${encodeURIComponent(id)}`);
    announce(t("voices.removed", { voice: id }));
    if (editing === id) closeEditor();
    await loadVoices();
    $("#voices-refresh").focus();   // the row and its button are gone
  } catch (e) {
    showError($("#voices-error"), e);
  }
}

async function openEditor(id) {
  editing = id;
  recordedReference = null;
  const editor = $("#reference-editor");
  clearFieldErrors($("#reference-form"));
  showError($("#reference-error"), null);
  $("#reference-form").reset();
  $("#reference-record-state").textContent = "";
  editor.hidden = false;
  $("#reference-title").textContent = t("voices.referenceOf", { voice: id });
  $("#reference-title").focus();
  await refreshEditor();
}

function closeEditor() {
  $("#reference-editor").hidden = true;
  const back = document.querySelector(`#voices-table tr[data-voice="${CSS.escape(editing ?? "")}"] button`);
  editing = null;
  back?.focus();
}

async function refreshEditor() {
  const info = $("#reference-info");
  try {
    const ref = await getJson(`/api/voices/${encodeURIComponent(editing)}/reference`);
    const row = (key, value) => [el("dt", {}, t(key)), el("dd", {}, value ?? "–")];
    info.replaceChildren(
      ...row("voices.baselineText", ref.baseline_reference_text),
      ...row("voices.overrideText", ref.override_reference_text),
      ...row("voices.overrideUpdated", ref.override_updated_at ? new Date(ref.override_updated_at).toLocaleString() : null),
      ...row("voices.audio", [ref.baseline_audio_available ? t("voices.baselineAudio") : null,
        ref.override_audio_available ? t("voices.overrideAudio") : null].filter(Boolean).join(", ") || t("voices.noAudio")));
    $("#reference-text").value = ref.active_reference_text ?? "";
    $("#reference-text").dataset.original = ref.active_reference_text ?? "";
    $("#reference-download-baseline").disabled = !ref.baseline_audio_available;
    $("#reference-download-override").disabled = !ref.override_audio_available;
    $("#reference-reset").disabled = !ref.override_reference_text && !ref.override_audio_available;
  } catch (e) {
    showError($("#reference-error"), e);
  }
}

async function saveOverride() {
  const errorBox = $("#reference-error");
  clearFieldErrors($("#reference-form"));
  showError(errorBox, null);
  const text = $("#reference-text").value.trim();
  const file = recordedReference ?? $("#reference-audio").files[0];
  const data = new FormData();
  if (text && (text !== $("#reference-text").dataset.original || file)) data.set("text", text);
  if (file) data.set("audio", file, file.name);
  if (![...data.keys()].length) {
    setFieldError($("#reference-text"), t("voices.nothingChanged"));
    return;
  }
  try {
    await getJson(`/api/voices/${encodeURIComponent(editing)}/reference`, { method: "POST", form: data });
    announce(t("voices.overrideSaved", { voice: editing }));
    $("#reference-form").reset();
    recordedReference = null;
    await refreshEditor();
    await loadVoices();
  } catch (e) {
    fieldProblem(e, referenceFieldOf, errorBox);
  }
}

async function resetOverride() {
  showError($("#reference-error"), null);
  try {
    await request(`/api/voices/${encodeURIComponent(editing)}/reference`, { method: "DELETE" });
    announce(t("voices.resetDone", { voice: editing }));
    await refreshEditor();
    await loadVoices();
  } catch (e) {
    showError($("#reference-error"), e);
  }
}

async function downloadReference(source) {
  showError($("#reference-error"), null);
  try {
    await download(`/api/voices/${encodeURIComponent(editing)}/reference/audio?source=${source}`, `${editing}-${source}.wav`);
  } catch (e) {
    showError($("#reference-error"), e);
  }
}
