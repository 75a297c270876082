// Microphone recording to a 16-bit WAV file, for a voice's reference. The samples are taken straight
// from Web Audio (not MediaRecorder, whose WebM the server does not decode); capped at 15 s so a
// recording stays within F5's 12 s reference plus a little to trim. Not an editor.
import { encodeWav, concatFloat } from "./audio.js";

const MAX_SECONDS = 15;

export class MicRecorder {
  /** Starts recording; resolves once the microphone is open. onStop(blob, seconds) fires when it stops. */
  async start(onStop, onProgress) {
    this.onStop = onStop;
    this.onProgress = onProgress;
    this.stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false } });
    this.context = new AudioContext();
    this.source = this.context.createMediaStreamSource(this.stream);
    // ScriptProcessorNode is deprecated but needs no extra module; recording is not latency-critical.
    this.node = this.context.createScriptProcessor(4096, 1, 1);
    this.chunks = [];
    this.samples = 0;
    this.node.onaudioprocess = e => {
      // A buffer already queued when stop() ran would otherwise add samples and overwrite "Recorded".
      if (!this.recording) return;
      const data = new Float32Array(e.inputBuffer.getChannelData(0));
      this.chunks.push(data);
      this.samples += data.length;
      this.onProgress?.(this.samples / this.context.sampleRate);
      if (this.samples >= MAX_SECONDS * this.context.sampleRate) this.stop();
    };
    this.source.connect(this.node);
    this.node.connect(this.context.destination);
    this.recording = true;
  }

  stop() {
    if (!this.recording) return;
    this.recording = false;
    this.node.disconnect();
    this.source.disconnect();
    for (const track of this.stream.getTracks()) track.stop();
    const rate = this.context.sampleRate;
    this.context.close();
    const samples = concatFloat(this.chunks);
    this.onStop?.(encodeWav(samples, rate), samples.length / rate);
  }
}

/** Wires a Record/Stop button: the finished WAV goes to onRecorded(file, seconds). */
export function bindRecordButton(button, stateBox, onRecorded, texts) {
  let recorder = null;
  button.setAttribute("aria-pressed", "false");
  button.addEventListener("click", async () => {
    if (recorder?.recording) { recorder.stop(); return; }
    recorder = new MicRecorder();
    try {
      await recorder.start((blob, seconds) => {
        button.textContent = texts().record;
        button.setAttribute("aria-pressed", "false");
        stateBox.classList.remove("recording");
        stateBox.textContent = texts().recorded(seconds);
        onRecorded(new File([blob], "recording.wav", { type: "audio/wav" }), seconds);
      }, seconds => {
        stateBox.dataset.seconds = seconds.toFixed(2);
        stateBox.textContent = `${texts().recording} ${seconds.toFixed(1)} s`;
      });
      button.textContent = texts().stop;
      button.setAttribute("aria-pressed", "true");
      stateBox.classList.add("recording");
      stateBox.textContent = texts().recording;
    } catch (e) {
      stateBox.textContent = texts().denied(e.message);
    }
  });
}
