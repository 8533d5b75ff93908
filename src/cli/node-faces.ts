import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { faceDetectorConfig } from '../images/face-config';
import { detectFacesWith, type FaceDetector } from '../images/face-run';
import type { RgbaImage } from '../rules/logo/types';
import type { DetectedFace } from '../rules/photos/check-photo';

/**
 * The extension's face detector, run in Node for the photo evaluation and the bench: the same
 * package (@vladmandic/human, its Node build for the WebAssembly backend), the same model file
 * and the same settings (src/images/face-config.ts).
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const HUMAN_DIR = join(ROOT, 'node_modules/@vladmandic/human');

/**
 * human loads its model with fetch, which Node's undici cannot do for file: URLs; this
 * answers those (and only those) from disk. Nothing is fetched from the network.
 */
function serveFileUrls(): void {
  const original = globalThis.fetch;
  if ((original as { postcheckFiles?: boolean }).postcheckFiles) return;
  const fetchFiles = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('file:')) return new Response(await readFile(fileURLToPath(url)));
    return original(input, init);
  };
  globalThis.fetch = Object.assign(fetchFiles, { postcheckFiles: true }) as typeof fetch;
}

let loaded: Promise<FaceDetector> | null = null;

export function loadNodeFaceDetector(): Promise<FaceDetector> {
  loaded ??= (async () => {
    serveFileUrls();
    // human's package exports map has no "./" keys, so its Node builds load by path.
    const require = createRequire(import.meta.url);
    const { Human } = require(join(HUMAN_DIR, 'dist/human.node-wasm.js')) as { Human: new (config: unknown) => FaceDetector & { load(): Promise<void> } };
    const wasmDir = join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/');
    const human = new Human(faceDetectorConfig(pathToFileURL(join(HUMAN_DIR, 'models')).href + '/', wasmDir));
    await human.load();
    return human;
  })();
  return loaded;
}

export async function detectFacesInNode(image: RgbaImage, allTiles = false): Promise<DetectedFace[]> {
  return detectFacesWith(await loadNodeFaceDetector(), image, allTiles);
}
