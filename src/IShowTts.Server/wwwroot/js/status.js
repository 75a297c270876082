// Status: engines and their readiness with the server's reason and what to do (GET /ready), the machine and
// each engine's compute device (GET /api/ui/device: CPU model, memory, GPU name and memory), the synthesis
// queue, recent latency and real-time factor (GET /metrics,
// Prometheus text; "recent" is the change since the previous refresh) and the chat queue. Refreshes every
// 5 s while shown.
import { getJson, request, ApiError } from "./api.js";
import { t } from "./i18n.js";
import { el, $, showError, readyBadge, formatBytes } from "./ui.js";

let timer = null;
let previous = null;   // last metrics sample, for "recent" figures

export function init() {
  $("#status-refresh").addEventListener("click", refresh);
  window.addEventListener("i18n:changed", () => { if (timer) refresh(); });
}

export function show() {
  refresh();
  timer = setInterval(refresh, 5000);
}

export function hide() {
  clearInterval(timer);
  timer = null;
}

/** Prometheus text → [{name, labels, value}]. */
export function parseMetrics(text) {
  const samples = [];
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const match = line.match(/^([a-zA-Z_:][\w:]*)(\{([^}]*)\})?\s+(\S+)/);
    if (!match) continue;
    const labels = {};
    for (const pair of (match[3] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]] = pair[2];
    samples.push({ name: match[1], labels, value: Number(match[4]) });
  }
  return samples;
}

const pick = (samples, name, labels = {}) =>
  samples.filter(s => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
const one = (samples, name, labels) => pick(samples, name, labels)[0]?.value;

async function refresh() {
  showError($("#status-error"), null);
  let ready;
  try {
    const response = await fetch("/ready");
    ready = await response.json();
  } catch (e) {
    showError($("#status-error"), new ApiError(0, { title: t("status.unreachable"), detail: e.message }));
    $("#status-overall").replaceChildren(readyBadge(false));
    return;
  }
  renderReady(ready);
  let samples = null;
  let metricsNote = "";
  try {
    samples = parseMetrics(await (await request("/metrics")).text());
  } catch (e) {
    metricsNote = e instanceof ApiError && (e.status === 401 || e.status === 403) ? t("status.metricsNeedAdmin") : (e.display ?? e.message);
  }
  let chat = null;
  try { chat = await getJson("/api/danmaku/status"); } catch { /* chat routes absent or not allowed */ }
  let device = null;
  try { device = await getJson("/api/ui/device"); } catch { /* an older server: fall back to the metrics */ }
  renderDevice(device, samples);
  renderMetrics(ready, samples, chat);
  $("#status-metrics-note").textContent = metricsNote;
}

function renderReady(ready) {
  const kind = { ready: "ok", degraded: "warn", not_ready: "bad" }[ready.status] ?? "muted";
  $("#status-overall").replaceChildren(
    el("span", { class: `badge ${kind}`, id: "status-overall-badge" }, t(`status.overall.${ready.status}`)), " ",
    t("status.voiceCount", { voices: ready.voices, voice: ready.default_voice ?? "–" }));
  $("#status-engines").replaceChildren(...(ready.engines ?? []).map(e => el("li", { dataset: { engine: e.id, ready: String(e.ready) } },
    el("div", { class: "grow" },
      el("strong", {}, e.label), " ", el("span", { class: "meta" }, `(${e.id})`),
      e.reason ? el("div", { class: "meta" }, e.reason) : null,
      e.hint ? el("div", { class: "notice" }, t("status.hint"), " ", el("code", {}, e.hint)) : null),
    readyBadge(e.ready))));
  const problems = ready.voice_problems ?? [];
  $("#status-voice-problems").replaceChildren(...(problems.length
    ? [el("h4", {}, t("status.voiceProblems")), el("ul", {}, problems.map(p => el("li", {}, `${p.voice_id}: ${p.reason}`)))]
    : []));
}

function renderDevice(device, samples) {
  const rows = [];
  if (device?.host) {
    const h = device.host;
    rows.push([t("status.cpu"), h.cpu]);
    rows.push([t("status.hostMemory"), t("status.coresMemory", { cores: h.logical_cores, memory: formatBytes(h.memory_bytes) })]);
    rows.push([t("status.processMemory"), formatBytes(h.process_working_set_bytes)]);
  }
  for (const d of device?.engines ?? []) {
    rows.push([t("status.engineDevice", { engine: d.engine }), el("span", { dataset: { kind: d.kind } }, d.name,
      d.details ? el("div", { class: "meta" }, d.details) : null)]);
    if (d.kind === "cuda" && d.total_memory_bytes)
      rows.push([t("status.gpuMemory", { engine: d.engine }),
        `${formatBytes(d.allocated_bytes)} / ${formatBytes(d.total_memory_bytes)} (${t("status.peak")} ${formatBytes(d.peak_reserved_bytes)})`]);
  }
  if (!device) {
    // No device route: what the metrics say about GPU memory, if anything.
    const gpu = samples ? pick(samples, "ishowtts_gpu_memory_bytes") : [];
    const engines = [...new Set(gpu.map(s => s.labels.engine))];
    for (const engine of engines) {
      const of = kind => one(gpu, "ishowtts_gpu_memory_bytes", { engine, kind });
      rows.push([t("status.gpuMemory", { engine }), `${formatBytes(of("allocated"))} / ${formatBytes(of("total"))} (${t("status.peak")} ${formatBytes(of("peak_reserved"))})`]);
    }
    if (!engines.length) rows.push([t("status.compute"), samples ? t("status.cpuOnly") : "–"]);
    rows.push([t("status.deviceName"), t("status.deviceNotReported")]);
  } else if (!device.engines?.length) {
    rows.push([t("status.compute"), t("status.noModelDevice")]);
  }
  $("#status-device").replaceChildren(...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

function histogramMean(samples, name, engine, before) {
  const sum = one(samples, `${name}_sum`, { engine });
  const count = one(samples, `${name}_count`, { engine });
  if (!count) return { mean: null, recent: null, count: 0 };
  const prevSum = before ? one(before, `${name}_sum`, { engine }) ?? 0 : 0;
  const prevCount = before ? one(before, `${name}_count`, { engine }) ?? 0 : 0;
  const recent = count > prevCount && before ? (sum - prevSum) / (count - prevCount) : null;
  return { mean: sum / count, recent, count };
}

function renderMetrics(ready, samples, chat) {
  const rows = [];
  if (samples) {
    rows.push([t("status.queueDepth"), `${one(samples, "ishowtts_queue_depth") ?? 0} / ${one(samples, "ishowtts_queue_capacity") ?? "–"}`]);
    rows.push([t("status.inflight"), `${one(samples, "ishowtts_inflight_syntheses") ?? 0} / ${one(samples, "ishowtts_max_parallel") ?? "–"}`]);
    for (const engine of (ready.engines ?? []).map(e => e.id)) {
      const rtf = histogramMean(samples, "ishowtts_synthesis_rtf", engine, previous);
      const first = histogramMean(samples, "ishowtts_time_to_first_audio_seconds", engine, previous);
      if (!rtf.count && !first.count) continue;
      const fmt = (h, f) => (h.mean == null ? "–" : `${f(h.mean)}${h.recent != null ? ` (${t("status.recent")} ${f(h.recent)})` : ""}`);
      rows.push([t("status.rtf", { engine }), `${fmt(rtf, v => v.toFixed(3))} · n=${rtf.count}`]);
      rows.push([t("status.firstAudio", { engine }), fmt(first, v => `${Math.round(v * 1000)} ms`)]);
    }
    const hits = one(samples, "ishowtts_clip_cache_hits_total");
    if (hits != null) rows.push([t("status.cache"), `${hits} / ${hits + (one(samples, "ishowtts_clip_cache_misses_total") ?? 0)}`]);
    previous = samples;
  }
  if (chat?.statistics) {
    const s = chat.statistics;
    rows.push([t("status.chatQueue"), t("chat.stats", { waiting: s.waiting ?? 0, played: s.played ?? 0, skipped: s.skipped ?? 0,
      filtered: s.not_spoken_total ?? 0, players: s.players ?? 0 })]);
  }
  $("#status-metrics").replaceChildren(...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}
