// The listening page's script: lists sessions (GET /api/quality/sessions; ?session=ID preselects one,
// ?key= is an API key for this page only), resumes a listener's ratings, plays each unrated trial's A
// and B (the server's blind order, shuffled again per listener) and posts the choice, optional 1–5
// scores and a comment. Nothing here knows which side is which NFE: the API never says.
import { getJson, postJson, setApiKey, withKey } from "./api.js";
import { initLanguage, t } from "./i18n.js";
import { $, announce, showError, setFieldError, clearFieldErrors } from "./ui.js";

const LISTENER = "ishowtts.quality.listener";
const query = new URLSearchParams(location.search);
if (query.get("key")) setApiKey(query.get("key"), { remember: false });

let sessions = [];
let session = null;
let listener = "";
let pending = [];
let done = 0;
let current = null;

initLanguage($("#language"));
window.addEventListener("i18n:changed", () => { fillSessions(); fillScores(); if (current) showTrial(); });
$("#quality-listener").value = localStorage.getItem(LISTENER) ?? "";
$("#quality-setup").addEventListener("submit", e => { e.preventDefault(); start(); });
$("#quality-trial").addEventListener("submit", e => { e.preventDefault(); rate(); });
$("#quality-play-a").addEventListener("click", () => play("a"));
$("#quality-play-b").addEventListener("click", () => play("b"));
document.addEventListener("keydown", shortcut);
fillScores();
loadSessions();

function fillScores() {
  for (const select of [$("#quality-score-a"), $("#quality-score-b")]) {
    const value = select.value;
    select.replaceChildren(new Option(t("quality.noScore"), ""), ...[1, 2, 3, 4, 5].map(n => new Option(String(n), String(n))));
    select.value = value;
  }
}

function fillSessions() {
  const select = $("#quality-session");
  const value = select.value;
  select.replaceChildren(...sessions.map(s => new Option(t("quality.sessionOption", { id: s.id, voice: s.voice_id, trials: s.trials }), s.id)));
  if (value) select.value = value;
}

async function loadSessions() {
  try {
    sessions = await getJson("/api/quality/sessions");
    fillSessions();
    $("#quality-empty").hidden = sessions.length > 0;
    const wanted = query.get("session");
    if (wanted && sessions.some(s => s.id === wanted)) $("#quality-session").value = wanted;
    else if (wanted) showError($("#quality-error"), new Error(t("quality.unknownSession", { id: wanted })));
  } catch (e) {
    showError($("#quality-error"), e);
  } finally {
    document.body.dataset.ready = "true";
  }
}

function shuffle(items) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

async function start() {
  clearFieldErrors($("#quality-setup"));
  showError($("#quality-error"), null);
  const name = $("#quality-listener").value.trim();
  if (!name) { setFieldError($("#quality-listener"), t("quality.listenerRequired")); $("#quality-listener").focus(); return; }
  const id = $("#quality-session").value;
  if (!id) return;
  localStorage.setItem(LISTENER, name);
  try {
    const path = `/api/quality/sessions/${encodeURIComponent(id)}`;
    session = await getJson(path);
    listener = name;
    const rated = await getJson(`${path}/ratings?listener=${encodeURIComponent(listener)}`);
    const ratedTrials = new Set((rated ?? []).map(r => r.trial));
    pending = shuffle(session.trials.filter(trial => !ratedTrials.has(trial.trial)));
    done = session.trials.length - pending.length;
    $("#quality-done").hidden = true;
    if (done) announce(t("quality.resumed", { n: done, listener }));
    next();
  } catch (e) {
    showError($("#quality-error"), e);
  }
}

function next() {
  for (const audio of [$("#quality-audio-a"), $("#quality-audio-b")]) audio.pause();
  current = pending.shift() ?? null;
  if (!current) {
    $("#quality-trial").hidden = true;
    $("#quality-done").hidden = false;
    $("#quality-done h2").focus();
    return;
  }
  $("#quality-trial").reset();
  fillScores();
  $("#quality-audio-a").src = withKey(current.audio_a).toString();
  $("#quality-audio-b").src = withKey(current.audio_b).toString();
  $("#quality-trial").hidden = false;
  $("#quality-trial").dataset.trial = current.trial;
  showTrial();
  $("#quality-trial-title").focus();
}

function showTrial() {
  $("#quality-trial-title").textContent = t("quality.trial", { n: done + 1, total: session.trials.length });
  $("#quality-trial-category").textContent = current.category ? t("quality.category", { category: categoryName(current.category) }) : "";
  $("#quality-trial-text").textContent = current.text ?? "";
}

/** A corpus category in the page's language; a category this page does not know stays as the server says it. */
function categoryName(category) {
  const key = `quality.cat.${category}`;
  const name = t(key);
  return name === key ? category : name;
}

function play(side) {
  if (!current) return;
  const [mine, other] = side === "a" ? [$("#quality-audio-a"), $("#quality-audio-b")] : [$("#quality-audio-b"), $("#quality-audio-a")];
  other.pause();
  mine.currentTime = 0;
  mine.play().catch(e => showError($("#quality-trial-error"), e));
}

/** A and B play a side while a trial is shown, unless the listener is typing (the comment box, the name). */
function shortcut(e) {
  if (!current || $("#quality-trial").hidden || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.target.closest?.("textarea, select, input[type=text]")) return;
  const key = e.key.toLowerCase();
  if (key !== "a" && key !== "b") return;
  e.preventDefault();
  play(key);
}

async function rate() {
  showError($("#quality-trial-error"), null);
  const choice = document.querySelector('input[name="choice"]:checked')?.value;
  if (!choice) { showError($("#quality-trial-error"), new Error(t("quality.chooseFirst"))); $("#choice-a").focus(); return; }
  const score = select => (select.value ? Number(select.value) : undefined);
  const comment = $("#quality-comment").value.trim();
  try {
    await postJson(`/api/quality/sessions/${encodeURIComponent(session.id)}/ratings`, {
      trial: current.trial, choice, score_a: score($("#quality-score-a")), score_b: score($("#quality-score-b")),
      listener, comment: comment || undefined,
    });
    done++;
    $("#quality-progress").textContent = t("quality.saved");
    announce(t("quality.saved"));
    next();
  } catch (e) {
    showError($("#quality-trial-error"), e);
  }
}
