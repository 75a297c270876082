// Small DOM helpers shared by the pages: element building without innerHTML (chat text is untrusted),
// inline error display for ApiError (title and detail), per-field errors with aria-invalid, and the
// polite live region that announces results to screen readers.
import { ApiError } from "./api.js";
import { t } from "./i18n.js";

/** el("button", {class: "small", onclick}, "text", child…); attributes starting with "on" become listeners. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name === "style" && typeof value === "object") Object.assign(node.style, value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/**
 * Updates a list in place from `items`: an element per key is made once (create(item)) and updated
 * (update(element, item)) on every refresh, so a polled list keeps the keyboard focus where it is.
 */
export function syncList(list, items, keyOf, create, update) {
  const existing = new Map([...list.children].map(node => [node.dataset.key, node]));
  const wanted = items.map(item => {
    const key = String(keyOf(item));
    let node = existing.get(key);
    if (!node) {
      node = create(item);
      node.dataset.key = key;
    }
    update(node, item);
    return node;
  });
  wanted.forEach((node, i) => { if (list.children[i] !== node) list.insertBefore(node, list.children[i] ?? null); });
  while (list.children.length > wanted.length) list.lastElementChild.remove();
}

export function announce(text) {
  const region = document.getElementById("app-status");
  if (!region) return;
  region.textContent = "";
  setTimeout(() => { region.textContent = text; }, 30);
}

/** Shows an error (ApiError: "title: detail") in `box`; an empty call clears it. */
export function showError(box, error) {
  if (!box) return;
  if (!error) { box.textContent = ""; return; }
  box.textContent = error instanceof ApiError ? error.display : (error.message || String(error));
}

/** Marks one field invalid with its message (aria-invalid, the field's error element). */
export function setFieldError(input, message) {
  if (!input) return;
  const box = document.getElementById(`${input.id}-error`);
  if (message) {
    input.setAttribute("aria-invalid", "true");
    if (box) box.textContent = message;
  } else {
    input.removeAttribute("aria-invalid");
    if (box) box.textContent = "";
  }
}

export function clearFieldErrors(form) {
  for (const input of form.querySelectorAll("[aria-invalid]")) setFieldError(input, "");
}

export function badge(text, kind) { return el("span", { class: `badge ${kind}` }, text); }

export function readyBadge(ready) { return badge(ready ? t("status.ready") : t("status.notReady"), ready ? "ok" : "bad"); }

export function formatSeconds(s) { return s == null || Number.isNaN(s) ? "–" : `${s.toFixed(2)} s`; }

export function formatBytes(n) {
  if (n == null || Number.isNaN(n)) return "–";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${n.toFixed(i ? 1 : 0)} ${units[i]}`;
}

/** Lines of a textarea as a trimmed list without empties. */
export function lines(text) { return text.split(/\r?\n|,/).map(s => s.trim()).filter(Boolean); }
