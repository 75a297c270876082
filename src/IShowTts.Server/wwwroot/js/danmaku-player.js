// A chat-audio player on the WebSocket GET /api/danmaku/stream (docs/chat.md): binary frames (u32 LE header
// length, JSON header, WAV) are played one after another in arrival order and acknowledged when they end;
// text frames stop an item, or pause/resume playout. It reconnects on its own, and the server resends what
// nobody acknowledged, so a reloaded page resumes. Shared by the panel's Chat section and the OBS overlay;
// it draws nothing itself (callbacks do).
import { webSocketUrl } from "./api.js";

export class DanmakuPlayer {
  /**
   * options: player (name), channel ("[platform:]channel" or ""), volume (0–1), and callbacks
   * onPlay(header), onEnd(header), onIdle(), onConnection(state: "connecting"|"open"|"closed", detail),
   * onBlocked() (the browser refuses to start audio without a click), onPause(paused).
   */
  constructor(options = {}) {
    this.options = options;
    this.queue = [];
    this.current = null;
    this.paused = false;
    this.seen = new Set();      // ids acknowledged or stopped: a resent copy is not played twice
    this.socket = null;
    this.retry = 1000;
    this.closedByUser = true;
    this.context = new AudioContext();
    this.gain = this.context.createGain();
    this.gain.gain.value = options.volume ?? 1;
    this.gain.connect(this.context.destination);
  }

  get connected() { return this.socket?.readyState === WebSocket.OPEN; }

  setVolume(volume) { this.gain.gain.value = volume; }

  /** Resumes an AudioContext the browser suspended (call from a click). */
  async unlock() {
    await this.context.resume().catch(() => {});
    this.pump();
  }

  connect() {
    this.closedByUser = false;
    const query = new URLSearchParams();
    query.set("player", this.options.player || "web");
    if (this.options.channel) query.set("channel", this.options.channel);
    this.options.onConnection?.("connecting");
    const socket = new WebSocket(webSocketUrl(`/api/danmaku/stream?${query}`));
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    socket.onopen = () => { this.retry = 1000; this.options.onConnection?.("open"); };
    socket.onmessage = e => (typeof e.data === "string" ? this.control(JSON.parse(e.data)) : this.receive(e.data));
    socket.onclose = e => {
      if (this.socket !== socket) return;
      this.options.onConnection?.("closed", e.reason || `code ${e.code}`);
      if (!this.closedByUser) {
        setTimeout(() => { if (!this.closedByUser) this.connect(); }, this.retry);
        this.retry = Math.min(this.retry * 2, 15000);
      }
    };
  }

  disconnect() {
    this.closedByUser = true;
    this.socket?.close(1000, "player closed");
    this.socket = null;
    this.stopCurrent();
    this.queue = [];
    this.options.onIdle?.();
  }

  receive(buffer) {
    const view = new DataView(buffer);
    const length = view.getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, length)));
    const wav = buffer.slice(4 + length);
    if (this.seen.has(header.id) || this.current?.header.id === header.id || this.queue.some(q => q.header.id === header.id)) return;
    this.queue.push({ header, wav });
    this.pump();
  }

  control(message) {
    switch (message.type) {
      case "stop":
        this.seen.add(message.id);
        this.queue = this.queue.filter(q => q.header.id !== message.id);
        if (this.current?.header.id === message.id) this.stopCurrent(true);
        break;
      case "paused":
        this.paused = true;
        this.options.onPause?.(true);
        break;
      case "resumed":
        this.paused = false;
        this.options.onPause?.(false);
        this.pump();
        break;
      default:
        break;
    }
  }

  stopCurrent(advance = false) {
    const current = this.current;
    if (!current) return;
    this.current = null;
    current.source.onended = null;
    try { current.source.stop(); } catch { /* not started */ }
    this.options.onEnd?.(current.header);
    if (advance) this.pump();
  }

  ack(id) {
    this.seen.add(id);
    if (this.connected) this.socket.send(JSON.stringify({ type: "ack", id }));
  }

  async pump() {
    if (this.current || this.paused || this.starting) return;
    const next = this.queue.shift();
    if (!next) { this.options.onIdle?.(); return; }
    this.starting = true;
    try {
      if (this.context.state === "suspended") {
        await this.context.resume().catch(() => {});
        if (this.context.state === "suspended") {
          this.queue.unshift(next);
          this.options.onBlocked?.();
          return;
        }
      }
      let audio;
      try {
        audio = await this.context.decodeAudioData(next.wav.slice(0));
      } catch {
        this.ack(next.header.id);   // undecodable: do not hold the queue up
        setTimeout(() => this.pump(), 0);
        return;
      }
      const source = this.context.createBufferSource();
      source.buffer = audio;
      source.connect(this.gain);
      this.current = { header: next.header, source };
      source.onended = () => {
        if (this.current?.source !== source) return;
        this.current = null;
        this.ack(next.header.id);
        this.options.onEnd?.(next.header);
        this.pump();
      };
      source.start();
      this.options.onPlay?.(next.header);
    } finally {
      this.starting = false;
    }
  }
}
