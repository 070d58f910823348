/**
 * Frames in, a video file out. WebCodecs' VideoEncoder (VP9, else VP8) into a WebM written by
 * webm-muxer, with each frame's time set by its index, so the clip runs at exactly `fps` however long
 * each frame took to draw. Where WebCodecs is missing, MediaRecorder on the drawing canvas, fed one
 * frame per 1/fps of real time.
 */
import { MediaError } from './mediaTypes.ts';

export interface VideoSink {
  /** Adds the canvas's current picture as frame `index`. */
  add(index: number): Promise<void>;
  finish(): Promise<Blob>;
  abort(): void;
}

const CODECS = [
  { encoder: 'vp09.00.10.08', muxer: 'V_VP9' },
  { encoder: 'vp8', muxer: 'V_VP8' },
] as const;

/** Bits per second: about 0.1 bit per pixel per frame keeps the anatomy's edges clean. */
function bitrate(width: number, height: number, fps: number): number {
  return Math.round(Math.min(40e6, Math.max(1e6, width * height * fps * 0.1)));
}

export async function createVideoSink(canvas: HTMLCanvasElement, fps: number, frames: number): Promise<VideoSink> {
  if (typeof VideoEncoder !== 'undefined' && typeof VideoFrame !== 'undefined') {
    for (const codec of CODECS) {
      const config: VideoEncoderConfig = { codec: codec.encoder, width: canvas.width, height: canvas.height, bitrate: bitrate(canvas.width, canvas.height, fps), framerate: fps };
      const support = await VideoEncoder.isConfigSupported(config).catch(() => null);
      if (support?.supported) return webCodecsSink(canvas, fps, frames, config, codec.muxer);
    }
  }
  if (typeof MediaRecorder !== 'undefined' && typeof canvas.captureStream === 'function') return mediaRecorderSink(canvas, fps);
  throw new MediaError('unsupported', 'This browser can encode neither VP9/VP8 (WebCodecs) nor a canvas stream (MediaRecorder)');
}

async function webCodecsSink(canvas: HTMLCanvasElement, fps: number, frames: number, config: VideoEncoderConfig, muxerCodec: string): Promise<VideoSink> {
  const { Muxer, ArrayBufferTarget } = await import('webm-muxer');
  const target = new ArrayBufferTarget();
  const muxer = new Muxer({ target, video: { codec: muxerCodec, width: canvas.width, height: canvas.height, frameRate: fps } });
  let failure: Error | null = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
    error: (e) => (failure = e instanceof Error ? e : new Error(String(e))),
  });
  encoder.configure(config);
  const frameUs = 1e6 / fps;
  return {
    async add(index) {
      if (failure) throw new MediaError('failed', failure.message);
      const frame = new VideoFrame(canvas, { timestamp: Math.round(index * frameUs), duration: Math.round(frameUs) });
      // A key frame every two seconds, so a slide player can seek in the clip.
      encoder.encode(frame, { keyFrame: index % Math.max(1, Math.round(2 * fps)) === 0 });
      frame.close();
      // Back-pressure: never hold more than a few frames in the encoder.
      while (encoder.encodeQueueSize > 3 && !failure) await new Promise((r) => encoder.addEventListener('dequeue', r, { once: true }));
    },
    async finish() {
      await encoder.flush();
      if (failure) throw new MediaError('failed', failure.message);
      encoder.close();
      muxer.finalize();
      const bytes = new Uint8Array(target.buffer);
      setWebmDuration(bytes, (frames * 1000) / fps);
      return new Blob([bytes], { type: 'video/webm' });
    },
    abort() {
      if (encoder.state !== 'closed') encoder.close();
    },
  };
}

/**
 * The muxer writes the segment's duration as the last frame's start; the clip lasts one frame more.
 * Rewrites the Duration element (ID 0x4489, an 8-byte float in milliseconds) of the segment info.
 */
export function setWebmDuration(bytes: Uint8Array, durationMs: number): boolean {
  const end = Math.min(bytes.length - 11, 4096);
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x44 && bytes[i + 1] === 0x89 && bytes[i + 2] === 0x88) {
      new DataView(bytes.buffer, bytes.byteOffset + i + 3, 8).setFloat64(0, durationMs, false);
      return true;
    }
  }
  return false;
}

function mediaRecorderSink(canvas: HTMLCanvasElement, fps: number): VideoSink {
  const type = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm', 'video/mp4'].find((t) => MediaRecorder.isTypeSupported(t));
  if (!type) throw new MediaError('unsupported', 'MediaRecorder offers no video format here');
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack | undefined;
  if (!track) throw new MediaError('unsupported', 'The canvas gives no video track');
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: bitrate(canvas.width, canvas.height, fps) });
  const parts: Blob[] = [];
  recorder.ondataavailable = (e) => e.data.size > 0 && parts.push(e.data);
  recorder.start();
  const started = performance.now();
  return {
    async add(index) {
      track.requestFrame();
      // A recorder stamps frames with real time: hold each frame for its 1/fps.
      const due = started + ((index + 1) * 1000) / fps;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    },
    finish() {
      return new Promise<Blob>((resolve) => {
        recorder.onstop = () => resolve(new Blob(parts, { type: type.split(';')[0] }));
        recorder.stop();
        track.stop();
      });
    },
    abort() {
      if (recorder.state !== 'inactive') recorder.stop();
      track.stop();
    },
  };
}
