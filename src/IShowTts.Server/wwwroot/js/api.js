// The UI's only way to the server: the public HTTP API, with the API key from the settings (Bearer header,
// or ?key= for EventSource/WebSocket, which cannot send headers). Problem documents (RFC 7807) become
// ApiError with the server's title and detail, which the pages show as they are. No UI code here.
const KEY_STORAGE = "ishowtts.apiKey";

let pageKey = null;   // a key for this page only (the overlay's ?key=), not remembered

export function apiKey() { return pageKey ?? (localStorage.getItem(KEY_STORAGE) || ""); }
export function setApiKey(key, { remember = true } = {}) {
  if (!remember) { pageKey = key || null; return; }
  if (key) localStorage.setItem(KEY_STORAGE, key); else localStorage.removeItem(KEY_STORAGE);
}

/** A failed API call: status, the problem's type/title/detail and the whole problem document. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.type = (problem.type || "").replace("urn:ishowtts:problem:", "");
    this.title = problem.title || `HTTP ${status}`;
    this.detail = problem.detail || "";
  }
  /** "Title: detail", the text shown to the user. */
  get display() { return this.detail ? `${this.title}: ${this.detail}` : this.title; }
}

export function authHeaders(extra = {}) {
  const key = apiKey();
  return key ? { ...extra, Authorization: `Bearer ${key}` } : { ...extra };
}

/** A same-origin URL with ?key= added when a key is set (for EventSource, WebSocket, audio elements). */
export function withKey(path) {
  const url = new URL(path, location.href);
  const key = apiKey();
  if (key) url.searchParams.set("key", key);
  return url;
}

export function webSocketUrl(path) {
  const url = withKey(path);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

async function problemOf(response) {
  const text = await response.text().catch(() => "");
  try {
    const json = JSON.parse(text);
    if (json && typeof json === "object") return json;
  } catch { /* not JSON: keep the text */ }
  return { title: `${response.status} ${response.statusText}`.trim(), detail: text.slice(0, 500) };
}

/** fetch with the key; throws ApiError for any non-2xx answer. Returns the Response. */
export async function request(path, { method = "GET", json, form, headers = {}, signal } = {}) {
  const init = { method, headers: authHeaders(headers), signal };
  if (json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  } else if (form !== undefined) {
    init.body = form;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError(0, { title: "Server unreachable", detail: `${path}: ${e.message}` });
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response;
}

/** JSON answer of a call (null for 204). */
export async function getJson(path, options) {
  const response = await request(path, options);
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const postJson = (path, json, options = {}) => getJson(path, { ...options, method: "POST", json });
export const putJson = (path, json, options = {}) => getJson(path, { ...options, method: "PUT", json });
export const del = (path, options = {}) => getJson(path, { ...options, method: "DELETE" });

/** Reads a text/event-stream body, calling onEvent(name, data) for each event; resolves at its end. */
export async function readEventStream(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
      let name = "message";
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) onEvent(name, data.join("\n"));
    }
  }
}

/** Downloads an API resource (with the key) as a file named `name`. */
export async function download(path, name) {
  const response = await request(path);
  saveBlob(await response.blob(), name);
}

export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
