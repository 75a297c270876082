// Speak: text, linked engine/voice selectors, NFE/speed/seed (starting from the server's configured defaults,
// GET /api/ui/defaults), and synthesis streamed over POST /api/tts/stream with Accept: text/event-stream
// (base64 PCM events), so playback starts with the first chunk. The finished clip becomes a WAV for the
// player, the download link and the history (replay and download of each recent result).
import { request, readEventStream, getJson, ApiError } from "./api.js";
import { base64ToBytes, pcm16ToFloat, encodeWav, concatFloat, StreamingPcmPlayer } from "./audio.js";
import { t } from "./i18n.js";
import { el, $, announce, showError } from "./ui.js";
import { onVoices, voiceState, fillVoiceSelect, engineLabel, voiceName } from "./voices-store.js";

const HISTORY_LIMIT = 20;
const history = [];
let running = null;   // {controller, player}
let defaults = null;  // GET /api/ui/defaults: {nfe_step, speed, seed, …}
const tuning = { nfe_step: "#speak-nfe", speed: "#speak-speed", seed: "#speak-seed" };

export function init() {
  const engine = $("#speak-engine");
  const voice = $("#speak-voice");
  const fillEngines = state => {
    const previous = engine.value;
    engine.replaceChildren(new Option(t("speak.anyEngine"), ""));
    for (const e of state.engines) engine.append(new Option(`${e.label}${e.ready ? "" : ` (${t("status.notReady")})`}`, e.id));
    engine.value = [...engine.options].some(o => o.value === previous) ? previous : "";
    fillVoiceSelect(voice, { engine: engine.value });
  };
  onVoices(fillEngines);
  window.addEventListener("i18n:changed", () => fillEngines(voiceState()));
  // Linked: an engine narrows the voices; a voice of another engine switches the engine to it.
  engine.addEventListener("change", () => fillVoiceSelect(voice, { engine: engine.value }));
  voice.addEventListener("change", () => {
    const chosen = voiceState().voices.find(v => v.id === voice.value);
    if (chosen && engine.value && engine.value !== chosen.engine) engine.value = chosen.engine;
  });
  $("#speak-form").addEventListener("submit", e => { e.preventDefault(); synthesize(); });
  $("#speak-text").addEventListener("keydown", e => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); synthesize(); }
  });
  $("#speak-stop").addEventListener("click", stop);
  $("#speak-reset-defaults").addEventListener("click", () => applyDefaults(true));
  for (const selector of Object.values(tuning)) $(selector).addEventListener("input", e => { e.currentTarget.dataset.edited = "true"; });
  $("#history-clear").addEventListener("click", () => { history.splice(0).forEach(h => URL.revokeObjectURL(h.url)); renderHistory(); });
  window.addEventListener("i18n:changed", () => { renderHistory(); describeDefaults(); });
  renderHistory();
  loadDefaults();
}

/** The configured defaults fill NFE, speed and seed (a field the user changed keeps its value). */
async function loadDefaults() {
  try {
    defaults = await getJson("/api/ui/defaults");
  } catch {
    defaults = null;   // an older server or a key without access: the fields stay empty, and empty means default
  }
  applyDefaults(false);
}

function applyDefaults(force) {
  if (!defaults) return;
  for (const [key, selector] of Object.entries(tuning)) {
    const input = $(selector);
    if (force || !input.dataset.edited) {
      input.value = String(defaults[key]);
      delete input.dataset.edited;
    }
  }
  if (defaults.max_text_chars) $("#speak-text").maxLength = defaults.max_text_chars;
  describeDefaults();
}

function describeDefaults() {
  if (!defaults) return;
  $("#speak-defaults-hint").textContent = t("speak.defaultsFrom", { nfe: defaults.nfe_step, speed: defaults.speed, seed: defaults.seed });
}

function numberOrUndefined(input) {
  const value = input.value.trim();
  return value === "" ? undefined : Number(value);
}

function body() {
  const voice = $("#speak-voice").value;
  const engine = $("#speak-engine").value;
  return {
    text: $("#speak-text").value,
    voice_id: voice || undefined,
    engine: engine || undefined,
    nfe_step: numberOrUndefined($("#speak-nfe")),
    speed: numberOrUndefined($("#speak-speed")),
    seed: numberOrUndefined($("#speak-seed")),
  };
}

function stop() {
  running?.controller.abort();
  running?.player?.stop();
}

/** Where a synthesis stands, for tests and the browser console: running, and whether audio is scheduled. */
export function speakState() {
  const player = running?.player;
  return { busy: $("#speak-form").getAttribute("aria-busy") === "true", playing: Boolean(player?.startedAt != null && player.context.state === "running") };
}

function setBusy(busy) {
  $("#speak-submit").disabled = busy;
  $("#speak-stop").disabled = !busy;
  $("#speak-form").setAttribute("aria-busy", String(busy));
}

async function synthesize() {
  const errorBox = $("#speak-error");
  const progress = $("#speak-progress");
  showError(errorBox, null);
  const payload = body();
  if (!payload.text.trim()) {
    showError(errorBox, new Error(t("speak.emptyText")));
    $("#speak-text").setAttribute("aria-invalid", "true");
    $("#speak-text").focus();
    return;
  }
  $("#speak-text").removeAttribute("aria-invalid");
  stop();
  const controller = new AbortController();
  running = { controller, player: null };
  setBusy(true);
  progress.textContent = t("speak.waiting");
  const began = performance.now();
  const chunks = [];
  let start = null;
  let failure = null;
  try {
    const response = await request("/api/tts/stream", {
      method: "POST", json: payload, headers: { Accept: "text/event-stream" }, signal: controller.signal,
    });
    await readEventStream(response, (name, data) => {
      const event = JSON.parse(data);
      if (name === "start") {
        start = event;
        running.player = new StreamingPcmPlayer(event.sample_rate);
      } else if (name === "audio") {
        const samples = pcm16ToFloat(base64ToBytes(event.audio_base64));
        chunks.push(samples);
        running.player?.push(samples);
        if (chunks.length === 1) {
          progress.textContent = t("speak.playing", { ms: Math.round(performance.now() - began) });
          $("#speak-form").dataset.firstAudio = "true";
        }
      } else if (name === "error") {
        failure = new ApiError(500, event);
      }
    });
  } catch (e) {
    if (e.name !== "AbortError") failure = e;
  } finally {
    setBusy(false);
  }
  if (failure) {
    showError(errorBox, failure);
    progress.textContent = "";
    announce(t("speak.failed"));
    return;
  }
  if (!start || chunks.length === 0) { progress.textContent = controller.signal.aborted ? t("speak.stopped") : ""; return; }
  const samples = concatFloat(chunks);
  const seconds = samples.length / start.sample_rate;
  const entry = {
    url: URL.createObjectURL(encodeWav(samples, start.sample_rate)),
    text: payload.text,
    voice: start.voice_id,
    engine: start.engine,
    engineLabel: start.engine_label,
    seconds,
    ttfb: start.time_to_first_byte_ms,
    at: new Date(),
  };
  history.unshift(entry);
  while (history.length > HISTORY_LIMIT) URL.revokeObjectURL(history.pop().url);
  showResult(entry);
  renderHistory();
  progress.textContent = controller.signal.aborted ? t("speak.stopped") : t("speak.done", { seconds: seconds.toFixed(2) });
  announce(t("speak.done", { seconds: seconds.toFixed(2) }));
}

function fileName(entry) {
  const stamp = entry.at.toISOString().replace(/[:.]/g, "-").slice(0, 19);
  return `ishowtts-${entry.voice}-${stamp}.wav`;
}

function describe(entry) {
  const voice = voiceState().voices.find(v => v.id === entry.voice);
  return `${voice ? voiceName(voice) : entry.voice} · ${entry.engineLabel || engineLabel(entry.engine)}`;
}

/** Puts a history entry back into the result player and plays it. */
function replay(entry) {
  showResult(entry);
  const audio = $("#speak-audio");
  audio.currentTime = 0;
  audio.play().catch(() => {});
  announce(t("speak.replaying", { text: entry.text.slice(0, 60) }));
}

function showResult(entry) {
  $("#speak-result").hidden = false;
  $("#speak-result-meta").textContent =
    `${describe(entry)} · ${entry.seconds.toFixed(2)} s · ${t("speak.ttfb", { ms: Math.round(entry.ttfb ?? 0) })}`;
  if ($("#speak-audio").getAttribute("src") !== entry.url) $("#speak-audio").src = entry.url;
  const link = $("#speak-download");
  link.href = entry.url;
  link.download = fileName(entry);
}

function renderHistory() {
  const list = $("#speak-history");
  $("#history-empty").hidden = history.length > 0;
  list.replaceChildren(...history.map((entry, i) => {
    return el("li", { dataset: { engine: entry.engine, voice: entry.voice } },
      el("div", { class: "grow" },
        el("div", { class: "meta" }, `${describe(entry)} · ${entry.seconds.toFixed(2)} s · ${entry.at.toLocaleTimeString()}`),
        el("div", {}, entry.text.length > 140 ? `${entry.text.slice(0, 140)}…` : entry.text)),
      el("button", { type: "button", class: "small", "aria-label": t("speak.replayItem", { n: i + 1 }),
        onclick: () => replay(entry) }, t("speak.replay")),
      el("a", { class: "button small", href: entry.url, download: fileName(entry), "aria-label": t("speak.downloadItem", { n: i + 1 }) },
        t("speak.downloadShort")));
  }));
}
