// The voice list and the engines, loaded once from GET /api/voices and GET /ready and shared by the
// sections (Speak's selectors, Voices' table, Chat's per-channel voice). Call loadVoices() after a change;
// subscribers are called with {voices, engines, defaultVoice, error}.
import { getJson } from "./api.js";

const state = { voices: [], engines: [], defaultVoice: null, error: null };
const listeners = new Set();

export function voiceState() { return state; }

export function onVoices(listener) {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}

export async function loadVoices() {
  try {
    const [voices, ready] = await Promise.all([
      getJson("/api/voices"),
      fetch("/ready").then(r => r.json()).catch(() => null),
    ]);
    state.voices = voices ?? [];
    state.engines = ready?.engines ?? [...new Set(state.voices.map(v => v.engine))].map(id => ({ id, label: id, ready: true }));
    state.defaultVoice = ready?.default_voice ?? null;
    state.error = null;
  } catch (e) {
    state.error = e;
  }
  for (const listener of listeners) listener(state);
  if (state.error) throw state.error;
  return state;
}

/** "Label (id)" when the voice has a label different from its id. */
export function voiceName(voice) {
  return voice.label && voice.label !== voice.id ? `${voice.label} (${voice.id})` : voice.id;
}

export function engineLabel(id) {
  return state.engines.find(e => e.id === id)?.label ?? id;
}

/** Fills a <select> with voices (optionally of one engine), keeping the selection where possible. */
export function fillVoiceSelect(select, { engine = "", includeDefault = false, defaultLabel = "" } = {}) {
  const previous = select.value;
  select.replaceChildren();
  if (includeDefault) select.append(new Option(defaultLabel, ""));
  for (const voice of state.voices.filter(v => !engine || v.engine === engine)) {
    const option = new Option(`${voiceName(voice)} · ${engineLabel(voice.engine)}${voice.ready ? "" : " ⚠"}`, voice.id);
    option.dataset.engine = voice.engine;
    select.append(option);
  }
  if ([...select.options].some(o => o.value === previous)) select.value = previous;
  else if (!includeDefault && state.defaultVoice && [...select.options].some(o => o.value === state.defaultVoice)) select.value = state.defaultVoice;
}
