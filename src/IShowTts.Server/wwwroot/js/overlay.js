// The OBS overlay's script: reads the query string (position, font, channel, volume, player, name, lang,
// key), plays the chat audio through DanmakuPlayer and shows the speaker and text while each clip plays.
// window.overlayLog lists what was shown, in order (for tests and for debugging in OBS's "Interact" window).
import { DanmakuPlayer } from "./danmaku-player.js";
import { setApiKey } from "./api.js";
import { initLanguage, setLanguage } from "./i18n.js";

const query = new URLSearchParams(location.search);
const positions = ["top-left", "top", "top-right", "left", "center", "right", "bottom-left", "bottom", "bottom-right"];
const position = positions.includes(query.get("position")) ? query.get("position") : "bottom-left";
const font = Math.min(200, Math.max(8, Number(query.get("font")) || 32));
const volume = Math.min(100, Math.max(0, Number(query.get("volume") ?? 100))) / 100;
initLanguage(null);
if (query.get("lang")) setLanguage(query.get("lang").toLowerCase().startsWith("zh") ? "zh-CN" : "en", false);
if (query.get("key")) setApiKey(query.get("key"), { remember: false });   // a browser source cannot type it anywhere else

const caption = document.getElementById("caption");
const nameBox = document.getElementById("caption-name");
const textBox = document.getElementById("caption-text");
const unlock = document.getElementById("unlock");
const connection = document.getElementById("connection");
caption.classList.add(`pos-${position}`);
document.body.style.setProperty("--font", `${font}px`);
window.overlayLog = [];

const safeColor = color => (/^#[0-9a-f]{3,8}$/i.test(color ?? "") ? color : "#9d87ff");

const player = new DanmakuPlayer({
  player: query.get("player") || "obs",
  channel: query.get("channel") || "",
  volume,
  onPlay(header) {
    nameBox.textContent = header.display_name || header.username || "";
    nameBox.style.color = safeColor(header.color);
    nameBox.hidden = query.get("name") === "0" || !nameBox.textContent;
    textBox.textContent = header.display_text ?? "";
    caption.dataset.id = header.id;
    document.body.dataset.state = "playing";
    unlock.hidden = true;
    window.overlayLog.push({ id: header.id, username: header.username, text: header.display_text });
  },
  onIdle() { document.body.dataset.state = "idle"; },
  onEnd() { if (!player.current) document.body.dataset.state = "idle"; },
  onBlocked() { unlock.hidden = false; },
  onConnection(state, detail) {
    connection.hidden = state !== "closed";
    connection.textContent = state === "open" ? "" : `iShowTTS: ${state}${detail ? ` (${detail})` : ""}`;
    document.body.dataset.connection = state;
  },
});
unlock.addEventListener("click", () => player.unlock());
player.connect();
document.body.dataset.ready = "true";
