// Chat: connect/disconnect Twitch and YouTube channels with a voice each, the live feed (SSE
// /api/danmaku/feed) with each message's fate (queued, speaking, spoken, filtered and why), the queue with
// skip/remove/clear/pause/resume, the filter settings, and optional playback on this page at a chosen
// volume (DanmakuPlayer; the server resends unacknowledged items, so a reload resumes).
import { getJson, postJson, putJson, del, withKey } from "./api.js";
import { t } from "./i18n.js";
import { el, $, announce, showError, setFieldError, clearFieldErrors, badge, lines, syncList } from "./ui.js";
import { onVoices, fillVoiceSelect, voiceState } from "./voices-store.js";
import { DanmakuPlayer } from "./danmaku-player.js";

const PLAY_HERE = "ishowtts.chat.playHere";
const VOLUME = "ishowtts.chat.volume";
const FEED_LIMIT = 200;
let feed = null;
let player = null;
let visible = false;
let poll = null;
let refreshTimer = null;
const rows = new Map();   // message id → {li, badgeBox}
const played = [];        // what this page's player started, in order: {id, username, text, resent}

/** This page's player, as tests and the browser console see it: connected, volume (0–1), what it played. */
export function playerState() {
  return { connected: Boolean(player?.connected), volume: player ? player.gain.gain.value : null, played: [...played] };
}

export function init() {
  onVoices(() => fillVoiceSelect($("#chat-voice"), { includeDefault: true, defaultLabel: t("chat.defaultVoice") }));
  window.addEventListener("i18n:changed", () => {
    fillVoiceSelect($("#chat-voice"), { includeDefault: true, defaultLabel: t("chat.defaultVoice") });
    for (const row of rows.values()) row.badgeBox.replaceChildren(row.item ? stateBadge(row.item) : badge(t("chat.state.received"), "muted"));
    if (visible) refresh();
  });
  $("#chat-connect-form").addEventListener("submit", e => { e.preventDefault(); connectChannel(); });
  $("#queue-pause").addEventListener("click", () => control("/api/danmaku/queue/pause", "chat.pausedNow"));
  $("#queue-resume").addEventListener("click", () => control("/api/danmaku/queue/resume", "chat.resumedNow"));
  $("#queue-skip").addEventListener("click", () => control("/api/danmaku/queue/skip", "chat.skippedNow", { by: "panel" }));
  $("#queue-clear").addEventListener("click", () => control("/api/danmaku/queue/clear", "chat.clearedNow", { by: "panel" }));
  $("#filter-form").addEventListener("submit", e => { e.preventDefault(); saveFilters(); });

  const playHere = $("#chat-play-here");
  const volume = $("#chat-volume");
  playHere.checked = localStorage.getItem(PLAY_HERE) === "true";
  volume.value = localStorage.getItem(VOLUME) ?? "100";
  playHere.addEventListener("change", () => {
    localStorage.setItem(PLAY_HERE, String(playHere.checked));
    if (playHere.checked) startPlayer(); else stopPlayer();
  });
  volume.addEventListener("input", () => {
    localStorage.setItem(VOLUME, volume.value);
    player?.setVolume(volume.value / 100);
  });
  const describeVolume = () => { volume.setAttribute("aria-valuetext", `${volume.value} %`); $("#chat-volume-value").textContent = `${volume.value} %`; };
  describeVolume();
  volume.addEventListener("input", describeVolume);
  const overlay = new URL("overlay.html", location.href);
  $("#overlay-link").href = overlay.toString();
  $("#overlay-link").textContent = overlay.toString();
  // Playback on this page survives a reload: the player reconnects and the server resends what is unplayed.
  if (playHere.checked) startPlayer();
}

export function show() {
  visible = true;
  openFeed();
  refresh();
  loadFilters();
  poll = setInterval(refresh, 5000);
}

export function hide() {
  visible = false;
  clearInterval(poll);
  feed?.close();
  feed = null;
}

function startPlayer() {
  if (player) return;
  player = new DanmakuPlayer({
    player: "panel",
    volume: $("#chat-volume").value / 100,
    onPlay: h => {
      played.push({ id: h.id, username: h.username, text: h.display_text, resent: Boolean(h.resent) });
      $("#chat-now-playing").textContent = t("chat.nowPlaying", { user: h.display_name || h.username, text: h.display_text });
      $("#chat-now-playing").dataset.id = h.id;
    },
    onIdle: () => { $("#chat-now-playing").textContent = t("chat.playerIdle"); delete $("#chat-now-playing").dataset.id; },
    onBlocked: () => {
      // After a reload the browser may refuse audio until the page is used: the first click or key starts it.
      $("#chat-now-playing").textContent = t("chat.audioBlocked");
      const unlock = () => player?.unlock();
      document.addEventListener("pointerdown", unlock, { once: true });
      document.addEventListener("keydown", unlock, { once: true });
    },
    onConnection: (state, detail) => { if (state === "closed") $("#chat-now-playing").textContent = t("chat.playerDisconnected", { detail: detail ?? "" }); },
  });
  player.connect();
  player.unlock();
}

function stopPlayer() {
  player?.disconnect();
  player = null;
  $("#chat-now-playing").textContent = "";
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refresh, 250);
}

async function refresh() {
  try {
    const [status, queue] = await Promise.all([getJson("/api/danmaku/status"), getJson("/api/danmaku/queue")]);
    showError($("#chat-error"), null);
    renderChannels(status.channels ?? []);
    renderStats(status.statistics ?? {});
    renderQueue(queue ?? []);
  } catch (e) {
    showError($("#chat-error"), e);
  }
}

// The lists below are refreshed every few seconds: they are updated in place so focus stays put.
function renderChannels(channels) {
  syncList($("#chat-channel-list"), channels, c => `${c.platform}:${c.channel}`,
    c => el("li", { dataset: { channel: `${c.platform}:${c.channel}` } },
      el("span", { class: "grow" }),
      el("button", { type: "button", class: "small", onclick: () => disconnectChannel(c) })),
    (li, c) => {
      li.firstElementChild.replaceChildren(`${c.platform} · ${c.channel}`, el("span", { class: "meta" }, ` — ${c.voice_id ?? t("chat.defaultVoice")}`));
      const button = li.querySelector("button");
      button.setAttribute("aria-label", t("chat.disconnectChannel", { channel: c.channel }));
      button.textContent = t("chat.disconnect");
    });
}

function renderStats(s) {
  $("#chat-paused").hidden = !s.paused;
  $("#chat-stats").textContent = t("chat.stats", {
    waiting: s.waiting ?? 0, played: s.played ?? 0, skipped: s.skipped ?? 0, filtered: s.not_spoken_total ?? 0, players: s.players ?? 0,
  });
}

function renderQueue(items) {
  $("#queue-empty").hidden = items.length > 0;
  syncList($("#queue-list"), items, item => item.id,
    item => el("li", { dataset: { id: item.id } },
      el("span", { class: "state" }),
      el("span", { class: "grow" }),
      el("button", { type: "button", class: "small danger", onclick: () => removeItem(item.id) })),
    (li, item) => {
      li.dataset.state = item.state;
      li.children[0].replaceChildren(stateBadge(item));
      li.children[1].replaceChildren(userLabel(item), " ", item.text);
      const button = li.querySelector("button");
      button.setAttribute("aria-label", t("chat.removeItem", { user: item.display_name || item.username }));
      button.textContent = t("chat.remove");
    });
}

function userLabel(item) {
  const name = item.display_name || item.username || "?";
  return el("span", { class: "user", style: { color: /^#[0-9a-f]{3,8}$/i.test(item.color ?? "") ? item.color : "" } }, `${name}:`);
}

const stateKind = {
  Queued: "queued", Synthesizing: "queued", Ready: "queued", AwaitingApproval: "approval",
  Playing: "speaking", Played: "spoken", Skipped: "skipped", Filtered: "filtered", Dropped: "filtered", Removed: "removed",
};

function stateBadge(item) {
  const kind = stateKind[item.state] ?? "queued";
  const css = { spoken: "ok", speaking: "ok", filtered: "bad", removed: "bad", skipped: "muted", approval: "warn" }[kind] ?? "muted";
  let text = t(`chat.state.${kind}`);
  if (item.reason && (kind === "filtered" || kind === "removed")) text += ` (${item.reason}${item.detail ? `: ${item.detail}` : ""})`;
  return badge(text, css);
}

function messageText(message) {
  const content = message.content ?? {};
  return content.Text ?? content.text ?? content.System ?? content.system ?? message.text ?? "";
}

function feedRow(id, user, color, text) {
  let row = rows.get(id);
  if (row) return row;
  const badgeBox = el("span", {}, badge(t("chat.state.received"), "muted"));
  const li = el("li", { dataset: { message: id } }, badgeBox,
    el("span", { class: "grow" }, el("span", { class: "user", style: { color: /^#[0-9a-f]{3,8}$/i.test(color ?? "") ? color : "" } }, `${user}:`), " ", text));
  row = { li, badgeBox };
  rows.set(id, row);
  const list = $("#chat-feed");
  list.prepend(li);
  while (list.children.length > FEED_LIMIT) {
    const last = list.lastElementChild;
    rows.delete(last.dataset.message);
    last.remove();
  }
  return row;
}

function openFeed() {
  if (feed) return;
  feed = new EventSource(withKey("/api/danmaku/feed"));
  feed.onopen = () => { $("#feed-state").textContent = t("chat.feedOpen"); };
  feed.onerror = () => { $("#feed-state").textContent = t("chat.feedReconnecting"); };
  feed.addEventListener("message", e => {
    const m = JSON.parse(e.data);
    feedRow(String(m.id), m.display_name || m.username, m.color, messageText(m));
  });
  feed.addEventListener("item", e => {
    const item = JSON.parse(e.data);
    const row = feedRow(String(item.message_id ?? item.id), item.display_name || item.username, item.color, item.text);
    row.li.dataset.state = item.state;
    row.item = item;
    row.badgeBox.replaceChildren(stateBadge(item));
    scheduleRefresh();
  });
  feed.addEventListener("connection", e => {
    const c = JSON.parse(e.data);
    $("#feed-state").textContent = t("chat.connectionEvent", { detail: [c.platform, c.channel, c.state, c.detail].filter(Boolean).join(" · ") });
    scheduleRefresh();
  });
  feed.addEventListener("moderation", scheduleRefresh);
}

async function connectChannel() {
  const form = $("#chat-connect-form");
  clearFieldErrors(form);
  showError($("#chat-connect-error"), null);
  const channel = $("#chat-channel").value.trim().replace(/^#/, "");
  if (!channel) { setFieldError($("#chat-channel"), t("chat.channelRequired")); $("#chat-channel").focus(); return; }
  const voiceId = $("#chat-voice").value;
  const voice = voiceState().voices.find(v => v.id === voiceId);
  try {
    await postJson("/api/danmaku/start", { platform: $("#chat-platform").value, channel, voice_id: voiceId || undefined, engine: voice?.engine });
    announce(t("chat.connected", { channel }));
    $("#chat-channel").value = "";
    await refresh();
  } catch (e) {
    showError($("#chat-connect-error"), e);
  }
}

async function disconnectChannel(c) {
  try {
    await postJson("/api/danmaku/stop", { platform: c.platform, channel: c.channel });
    announce(t("chat.disconnected", { channel: c.channel }));
    await refresh();
    $("#chat-channel").focus();
  } catch (e) {
    showError($("#chat-connect-error"), e);
  }
}

async function control(path, doneKey, body = {}) {
  try {
    await postJson(path, body);
    announce(t(doneKey));
    await refresh();
  } catch (e) {
    showError($("#chat-error"), e);
  }
}

async function removeItem(id) {
  const list = $("#queue-list");
  const index = [...list.children].findIndex(li => li.dataset.key === String(id));
  const hadFocus = list.contains(document.activeElement);
  try {
    await del(`/api/danmaku/queue/${encodeURIComponent(id)}?by=panel`);
    announce(t("chat.removed"));
    await refresh();
    // Keyboard users stay in the list: the next message's Remove, or the queue controls when it is empty.
    if (hadFocus) (list.children[Math.min(index, list.children.length - 1)]?.querySelector("button") ?? $("#queue-pause")).focus();
  } catch (e) {
    showError($("#chat-error"), e);
  }
}

const filterFields = {
  mode: ["#filter-mode", "value"], max_words: ["#filter-max-words", "number"], max_chars: ["#filter-max-chars", "number"],
  user_cooldown_secs: ["#filter-cooldown", "number"], allow_links: ["#filter-allow-links", "check"],
  ignore_commands: ["#filter-ignore-commands", "check"], strip_emotes: ["#filter-strip-emotes", "check"],
  banned_keywords: ["#filter-banned", "list"], denied_users: ["#filter-denied", "list"], allowed_users: ["#filter-allowed", "list"],
};

async function loadFilters() {
  try {
    const settings = await getJson("/api/danmaku/filter");
    for (const [key, [selector, kind]] of Object.entries(filterFields)) {
      const input = $(selector);
      const value = settings[key];
      if (kind === "check") input.checked = Boolean(value);
      else if (kind === "list") input.value = (value ?? []).join("\n");
      else input.value = value == null ? "" : String(value).toLowerCase();
    }
  } catch (e) {
    showError($("#filter-error"), e);
  }
}

async function saveFilters() {
  const form = $("#filter-form");
  clearFieldErrors(form);
  showError($("#filter-error"), null);
  $("#filter-saved").textContent = "";
  const body = {};
  for (const [key, [selector, kind]] of Object.entries(filterFields)) {
    const input = $(selector);
    if (kind === "check") body[key] = input.checked;
    else if (kind === "list") body[key] = lines(input.value);
    else if (kind === "number") { if (input.value !== "") body[key] = Number(input.value); }
    else body[key] = input.value;
  }
  try {
    await putJson("/api/danmaku/filter", body);
    $("#filter-saved").textContent = t("filter.saved");
    announce(t("filter.saved"));
    await loadFilters();
  } catch (e) {
    const key = Object.keys(filterFields).find(k => e.detail?.includes(k));
    if (key) setFieldError($(filterFields[key][0]), e.display);
    showError($("#filter-error"), e);
  }
}
