// Browser-side audio helpers: 16-bit WAV encoding of PCM (history downloads, microphone recordings),
// base64 PCM decoding, and StreamingPcmPlayer, which schedules PCM chunks on the Web Audio clock as they
// arrive so speech starts with the first chunk. Not a decoder of other formats (the browser does that).

export function base64ToBytes(b64) {
  const raw = atob(b64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Little-endian 16-bit PCM bytes to float samples in [-1, 1). */
export function pcm16ToFloat(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength & ~1);
  const out = new Float32Array(view.byteLength / 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true) / 32768;
  return out;
}

/** A mono 16-bit WAV file of float samples. */
export function encodeWav(samples, sampleRate) {
  const data = samples.length * 2;
  const buffer = new ArrayBuffer(44 + data);
  const v = new DataView(buffer);
  const ascii = (offset, s) => { for (let i = 0; i < s.length; i++) v.setUint8(offset + i, s.charCodeAt(i)); };
  ascii(0, "RIFF"); v.setUint32(4, 36 + data, true); ascii(8, "WAVE");
  ascii(12, "fmt "); v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true);
  v.setUint32(24, sampleRate, true); v.setUint32(28, sampleRate * 2, true); v.setUint16(32, 2, true); v.setUint16(34, 16, true);
  ascii(36, "data"); v.setUint32(40, data, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    v.setInt16(44 + i * 2, s < 0 ? s * 32768 : s * 32767, true);
  }
  return new Blob([buffer], { type: "audio/wav" });
}

export function concatFloat(chunks) {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Float32Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

let sharedContext;
/** One AudioContext for the page (browsers limit how many may exist). */
export function audioContext() {
  sharedContext ??= new AudioContext();
  return sharedContext;
}

/** Plays PCM chunks back to back as they arrive: each is scheduled right after the previous one. */
export class StreamingPcmPlayer {
  constructor(sampleRate) {
    this.context = audioContext();
    this.sampleRate = sampleRate;
    this.nextTime = 0;
    this.sources = new Set();
    this.startedAt = null;
  }

  async push(samples) {
    if (samples.length === 0) return;
    if (this.context.state === "suspended") await this.context.resume().catch(() => {});
    const buffer = this.context.createBuffer(1, samples.length, this.sampleRate);
    buffer.copyToChannel(samples, 0);
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.context.destination);
    // A small lead keeps the first chunk from starting in the past; later chunks join seamlessly.
    const at = Math.max(this.context.currentTime + 0.05, this.nextTime);
    source.start(at);
    this.startedAt ??= at;
    this.nextTime = at + buffer.duration;
    this.sources.add(source);
    source.onended = () => this.sources.delete(source);
  }

  /** Seconds until everything scheduled has played. */
  get remaining() { return Math.max(0, this.nextTime - this.context.currentTime); }

  stop() {
    for (const s of this.sources) { try { s.stop(); } catch { /* already stopped */ } }
    this.sources.clear();
    this.nextTime = 0;
  }
}
