import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { faceDetectorConfig } from '../images/face-config';
import { detectFacesWith, type FaceDetector } from '../images/face-run';
import { tinyFaceModel, type TinyTf } from '../images/tiny-face';
import type { RgbaImage } from '../rules/logo/types';
import type { DetectedFace } from '../rules/photos/check-photo';

/**
 * The extension's face detector, run in Node for the photo evaluation and the bench: the same
 * package (@vladmandic/human, its Node build for the WebAssembly backend), the same model files
 * (and face-api's TinyFaceDetector, the second opinion) and the same settings
 * (src/images/face-config.ts).
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const HUMAN_DIR = join(ROOT, 'node_modules/@vladmandic/human');
const FACE_API_MODELS = join(ROOT, 'node_modules/@vladmandic/face-api/model');

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
    const manifest = JSON.parse(await readFile(join(FACE_API_MODELS, 'tiny_face_detector_model-weights_manifest.json'), 'utf8')) as { weights: unknown[] }[];
    const shard = await readFile(join(FACE_API_MODELS, 'tiny_face_detector_model.bin'));
    const secondDetector = tinyFaceModel(human.tf as unknown as TinyTf, manifest, shard.buffer.slice(shard.byteOffset, shard.byteOffset + shard.byteLength) as ArrayBuffer);
    return { tf: human.tf, models: human.models, secondDetector };
  })();
  return loaded;
}

export async function detectFacesInNode(image: RgbaImage, allTiles = false): Promise<DetectedFace[]> {
  return detectFacesWith(await loadNodeFaceDetector(), image, allTiles);
}
