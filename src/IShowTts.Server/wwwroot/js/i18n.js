// Interface language: English or Simplified Chinese, chosen from the browser's languages unless the user
// picked one (remembered in localStorage). Static text carries data-i18n / data-i18n-placeholder /
// data-i18n-aria-label; scripts call t(key, {params}). Changing language fires "i18n:changed" on window.
// Not translated: what the server says (problem details, voice names, chat messages).
import en from "./i18n/en.js";
import zhCN from "./i18n/zh-CN.js";

const STORAGE = "ishowtts.lang";
const dictionaries = { "en": en, "zh-CN": zhCN };
let current = "en";

export function detectLanguage() {
  const saved = localStorage.getItem(STORAGE);
  if (saved && dictionaries[saved]) return saved;
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language || "en"];
  for (const tag of wanted) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("zh")) return "zh-CN";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}

export function language() { return current; }

/** The text for `key` in the current language (English, then the key itself, when missing). */
export function t(key, params = {}) {
  const text = dictionaries[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

export function applyTranslations(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll("[data-i18n-aria-label]")) el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
  for (const el of root.querySelectorAll("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle);
}

export function setLanguage(lang, remember = true) {
  current = dictionaries[lang] ? lang : "en";
  if (remember) localStorage.setItem(STORAGE, current);
  document.documentElement.lang = current;
  applyTranslations();
  window.dispatchEvent(new CustomEvent("i18n:changed", { detail: current }));
}

/** Sets the language from the browser/remembered choice and binds a <select> as the switch. */
export function initLanguage(select) {
  current = detectLanguage();
  document.documentElement.lang = current;
  applyTranslations();
  if (select) {
    select.value = current;
    select.addEventListener("change", () => setLanguage(select.value));
  }
}
