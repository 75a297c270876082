// The listening page's script: lists sessions (GET /api/quality/sessions), resumes a listener's ratings,
// plays each unrated trial's A and B (the server's blind order, shuffled again per listener) and posts
// the choice, optional 1–5 scores and a comment. Nothing here knows which side is which NFE.
import { getJson, postJson, withKey } from "./api.js";
import { initLanguage, t } from "./i18n.js";
import { $, announce, showError, setFieldError, clearFieldErrors } from "./ui.js";

const LISTENER = "ishowtts.quality.listener";
let session = null;
let pending = [];
let done = 0;
let current = null;

initLanguage($("#language"));
window.addEventListener("i18n:changed", () => { fillScores(); if (current) showTrial(); });
$("#quality-listener").value = localStorage.getItem(LISTENER) ?? "";
$("#quality-setup").addEventListener("submit", e => { e.preventDefault(); start(); });
$("#quality-trial").addEventListener("submit", e => { e.preventDefault(); rate(); });
$("#quality-play-a").addEventListener("click", () => play("a"));
$("#quality-play-b").addEventListener("click", () => play("b"));
fillScores();
loadSessions();

function fillScores() {
  for (const select of [$("#quality-score-a"), $("#quality-score-b")]) {
    const value = select.value;
    select.replaceChildren(new Option(t("quality.noScore"), ""), ...[1, 2, 3, 4, 5].map(n => new Option(String(n), String(n))));
    select.value = value;
  }
}

async function loadSessions() {
  try {
    const sessions = await getJson("/api/quality/sessions");
    const select = $("#quality-session");
    select.replaceChildren(...sessions.map(s => new Option(`${s.id} · ${s.voice_id} · ${s.trials}`, s.id)));
    $("#quality-empty").hidden = sessions.length > 0;
    document.body.dataset.ready = "true";
  } catch (e) {
    showError($("#quality-error"), e);
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
  const listener = $("#quality-listener").value.trim();
  if (!listener) { setFieldError($("#quality-listener"), t("quality.listenerRequired")); $("#quality-listener").focus(); return; }
  const id = $("#quality-session").value;
  if (!id) return;
  localStorage.setItem(LISTENER, listener);
  try {
    session = await getJson(`/api/quality/sessions/${encodeURIComponent(id)}`);
    const rated = await getJson(`/api/quality/sessions/${encodeURIComponent(id)}/ratings?listener=${encodeURIComponent(listener)}`);
    const ratedTrials = new Set((rated ?? []).map(r => r.trial));
    pending = shuffle(session.trials.filter(trial => !ratedTrials.has(trial.trial)));
    done = session.trials.length - pending.length;
    if (done) announce(t("quality.resumed", { n: done, listener }));
    next();
  } catch (e) {
    showError($("#quality-error"), e);
  }
}

function next() {
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
  $("#quality-trial-category").textContent = current.category ? t("quality.category", { category: current.category }) : "";
  $("#quality-trial-text").textContent = current.text ?? "";
}

function play(side) {
  const [mine, other] = side === "a" ? [$("#quality-audio-a"), $("#quality-audio-b")] : [$("#quality-audio-b"), $("#quality-audio-a")];
  other.pause();
  mine.currentTime = 0;
  mine.play().catch(e => showError($("#quality-trial-error"), e));
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
      listener: localStorage.getItem(LISTENER), comment: comment || undefined,
    });
    done++;
    $("#quality-progress").textContent = t("quality.saved");
    announce(t("quality.saved"));
    for (const audio of [$("#quality-audio-a"), $("#quality-audio-b")]) audio.pause();
    next();
  } catch (e) {
    showError($("#quality-trial-error"), e);
  }
}
