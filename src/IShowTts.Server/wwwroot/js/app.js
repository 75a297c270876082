// The panel's entry point: language and API key settings, hash routing between the four sections
// (#speak, #voices, #chat, #status), and start-up of each section's module. Sections talk to the server
// only through api.js; they share the voice list through voices-store.js.
import { initLanguage, t } from "./i18n.js";
import { apiKey, setApiKey } from "./api.js";
import { announce } from "./ui.js";
import * as speak from "./speak.js";
import * as voices from "./voices.js";
import * as chat from "./chat.js";
import * as status from "./status.js";
import { loadVoices } from "./voices-store.js";

const pages = { speak, voices, chat, status };
let active = null;

function route() {
  const name = (location.hash || "#speak").slice(1).split("?")[0];
  const target = pages[name] ? name : "speak";
  for (const key of Object.keys(pages)) {
    document.getElementById(`page-${key}`).hidden = key !== target;
    const tab = document.getElementById(`tab-${key}`);
    if (key === target) tab.setAttribute("aria-current", "page"); else tab.removeAttribute("aria-current");
  }
  if (active !== target) {
    pages[active]?.hide?.();
    active = target;
    pages[target].show?.();
    document.title = `${t(`tab.${target}`)} · iShowTTS`;
  }
}

function initKey() {
  const input = document.getElementById("api-key");
  input.value = apiKey();
  const save = () => {
    setApiKey(input.value.trim());
    announce(t(input.value.trim() ? "app.keySaved" : "app.keyCleared"));
    loadVoices().catch(() => {});
  };
  document.getElementById("api-key-save").addEventListener("click", save);
  input.addEventListener("keydown", e => { if (e.key === "Enter") { e.preventDefault(); save(); } });
}

initLanguage(document.getElementById("language"));
initKey();
for (const page of Object.values(pages)) page.init();
window.addEventListener("hashchange", route);
window.addEventListener("i18n:changed", () => { if (active) document.title = `${t(`tab.${active}`)} · iShowTTS`; });
route();
loadVoices().catch(() => {});
document.body.dataset.ready = "true";
