/**
 * face-api.js (the @vladmandic fork's browser bundle, tfjs 4.22 inside) in Chromium, on a page
 * whose every request is answered from local files: SSD MobileNet v1 detection + the expression
 * net, timed on one frame, per backend. The baseline the browser bench compares against.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { HTTPRequest } from 'puppeteer-core';
import type { RgbaImage } from '../recognition';
import { KEEP_NAMES_SHIM, launchChromium } from './chromium';
import { ROOT } from './modelPaths';

const ORIGIN = 'https://face-api.bench.invalid';
const FACE_API = join(ROOT, 'node_modules', '@vladmandic', 'face-api');
const WASM = join(ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

export interface FaceApiTiming {
  backend: string;
  /** ms of the first detection + expression (shader compilation, first allocations). */
  first: number;
  median: number;
  tensorsBefore: number;
  tensorsAfter: number;
}

function answer(request: HTTPRequest, frame: RgbaImage): Promise<void> {
  const path = new URL(request.url()).pathname;
  const file = (dir: string, name: string) => ({
    body: readFileSync(join(dir, name)),
    contentType: TYPES[extname(name)] ?? 'application/octet-stream',
  });
  if (!request.url().startsWith(ORIGIN)) return request.abort(); // nothing leaves the machine
  if (path === '/')
    return request.respond({ contentType: 'text/html', body: '<script src="/face-api.js"></script>' });
  if (path === '/face-api.js') return request.respond(file(join(FACE_API, 'dist'), 'face-api.js'));
  if (path === '/frame.bin') return request.respond({ body: Buffer.from(frame.data) });
  if (path.startsWith('/model/')) return request.respond(file(join(FACE_API, 'model'), path.slice(7)));
  if (path.startsWith('/wasm/')) return request.respond(file(WASM, path.slice(6)));
  return request.respond({ status: 404, body: '' });
}

/** Browser-side: load the nets on `backend`, then time detection + expressions `runs` times. */
async function timeInPage(backend: string, runs: number, width: number, height: number) {
  // The parts of face-api.js's global (its bundled tfjs included) that are used here.
  interface Tf {
    setWasmPaths(prefix: string): void;
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    memory(): { numTensors: number };
    tidy<T>(fn: () => T): T;
    tensor3d(values: Uint8Array, shape: number[], dtype: string): unknown;
    slice(x: unknown, begin: number[], size: number[]): { dispose(): void };
  }
  interface FaceApi {
    tf: Tf;
    nets: Record<'ssdMobilenetv1' | 'faceExpressionNet', { loadFromUri(url: string): Promise<void> }>;
    SsdMobilenetv1Options: new (options: { minConfidence: number }) => unknown;
    detectSingleFace(image: unknown, options: unknown): { withFaceExpressions(): Promise<unknown> };
  }
  const faceapi = (globalThis as unknown as { faceapi: FaceApi }).faceapi;
  const { tf } = faceapi;
  if (backend === 'wasm') tf.setWasmPaths('/wasm/');
  if (!(await tf.setBackend(backend))) throw new Error(`face-api: backend ${backend} did not start`);
  await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromUri('/model');
  await faceapi.nets.faceExpressionNet.loadFromUri('/model');
  const bytes = new Uint8Array(await (await fetch('/frame.bin')).arrayBuffer());
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.3 });
  const tensorsBefore = tf.memory().numTensors;
  const once = async () => {
    const started = performance.now();
    const image = tf.tidy(() =>
      tf.slice(tf.tensor3d(bytes, [height, width, 4], 'int32'), [0, 0, 0], [-1, -1, 3]),
    );
    try {
      if (!(await faceapi.detectSingleFace(image, options).withFaceExpressions()))
        throw new Error('face-api found no face in the frame');
    } finally {
      image.dispose();
    }
    return performance.now() - started;
  };
  const first = await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  times.sort((a, b) => a - b);
  return {
    first,
    median: times[Math.floor(times.length / 2)]!,
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
  };
}

export async function runFaceApiInBrowser(
  frame: RgbaImage,
  backends: string[],
  runs: number,
): Promise<FaceApiTiming[]> {
  const browser = await launchChromium();
  try {
    const results: FaceApiTiming[] = [];
    for (const backend of backends) {
      const page = await browser.newPage(); // a fresh page per backend: a cold start each
      await page.evaluateOnNewDocument(KEEP_NAMES_SHIM);
      await page.setRequestInterception(true);
      page.on('request', (request) => void answer(request, frame));
      await page.goto(`${ORIGIN}/`);
      results.push({
        backend,
        ...(await page.evaluate(timeInPage, backend, runs, frame.width, frame.height)),
      });
      await page.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}
