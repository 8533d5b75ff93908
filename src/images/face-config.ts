import type { Config } from '@vladmandic/human';

/**
 * How PostCheck runs @vladmandic/human: only its face detector (BlazeFace, the model file
 * `blazeface.json`/`.bin` that ships in the package's models folder) on the WebAssembly
 * backend. The same settings serve the extension (src/images/faces.ts) and the photo
 * evaluation in Node (src/cli/eval-photos.ts), so the figures in docs/images.md are the
 * extension's. Why this package and this model: docs/images.md. PostCheck runs the loaded graph
 * itself (src/images/face-run.ts), so the detector's thresholds below only matter to
 * human.detect(), which PostCheck no longer calls; human.load() reads the rest.
 */
export function faceDetectorConfig(modelBasePath: string, wasmPath: string): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPath,
    modelBasePath,
    debug: false,
    warmup: 'none',
    // Models come from the extension's own files and are not copied into IndexedDB.
    cacheModels: false,
    // Human skips work between similar video frames; every attached photo is a fresh image.
    cacheSensitivity: 0,
    filter: { enabled: false },
    gesture: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
    face: {
      enabled: true,
      detector: {
        modelPath: 'blazeface.json',
        rotation: false,
        maxDetected: 30,
        // Low here; FACE_MIN_SCORE (src/rules/photos) decides what counts as a face.
        minConfidence: 0.2,
        minSize: 0,
        iouThreshold: 0.2,
        // human 3.3.6 maps boxes back wrongly from a padded square (they drift up the photo); squashing to the model's 256×256 does not.
        square: false,
        skipFrames: 0,
        skipTime: 0,
        return: false,
      },
      // Its face flag checks BlazeFace's weaker finds (src/images/face-run.ts); human.load() loads it only when enabled.
      mesh: { enabled: true, modelPath: 'facemesh.json' },
      iris: { enabled: false },
      attention: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      gear: { enabled: false },
    },
  } as Partial<Config>;
}

/**
 * A candidate that its confirming look (upright, src/images/face-run.ts) leaves short of
 * FACE_CONFIRM_MIN_SCORE gets that look again turned by each of these angles (degrees), and the
 * best of the looks counts. Pasted and tilted faces lean up to ±25°, and BlazeFace, trained on
 * upright faces, scores a leaning small face low; turned 20° either way, one of the two looks
 * sees it nearly upright. Enlarged texture gains little from turning, so false warnings held on
 * the seven development seeds (docs/images.md, "Issue 13: turned confirming looks").
 */
export const CONFIRM_TURNS_DEGREES: readonly number[] = [20, -20];

/**
 * A candidate gets the turned looks only when a turned look scoring this or less would bring it to
 * FACE_CONFIRM_MIN_SCORE: (first look + this) / 2 − the mesh's penalty ≥ 0.62. Every candidate the turned
 * looks gained on the eight development seeds needed 0.54–0.72; most candidates in photos with nobody in
 * them need more (a low first look or a large mesh penalty) and now cost no turned run: 307 → 65 of 836
 * photos with nobody in them (docs/images.md, "Issue 13: turned confirming looks").
 */
export const CONFIRM_TURN_MAX_NEEDED = 0.75;
