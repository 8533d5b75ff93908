import { Human } from '@vladmandic/human';
import { browser } from 'wxt/browser';
import type { RgbaImage } from '../rules/logo/types';
import type { DetectedFace } from '../rules/photos/check-photo';
import { faceDetectorConfig } from './face-config';
import { detectFacesWith, type FaceDetector } from './face-run';

/**
 * The face detector in the extension's background (service worker in Chrome, event page in
 * Firefox), never on the site's page. The models (BlazeFace 0.6 MB and the face mesh 1.6 MB,
 * packaged with the extension under models/, see wxt.config.ts) and the WebAssembly backend
 * load the first time an image is attached, not before; nothing is fetched from the network.
 */
let detector: Promise<FaceDetector> | null = null;

/** A folder of the packaged extension (wxt types getURL for known files only). */
function extensionUrl(folder: string): string {
  return (browser.runtime.getURL as (path: string) => string)(folder);
}

function loadDetector(): Promise<FaceDetector> {
  detector ??= (async () => {
    const human = new Human(faceDetectorConfig(extensionUrl('/models/'), extensionUrl('/wasm/')));
    // Single-threaded WebAssembly: threads would need a worker built from a blob, which the CSP refuses.
    human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    await human.load();
    return human as unknown as FaceDetector;
  })();
  // A failed load (say, the backend could not start) is retried at the next image.
  detector.catch(() => {
    detector = null;
  });
  return detector;
}

export async function detectFaces(image: RgbaImage): Promise<DetectedFace[]> {
  return detectFacesWith(await loadDetector(), image);
}
