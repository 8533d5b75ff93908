import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { detectFacesInNode, loadNodeFaceDetector } from '../src/cli/node-faces';
import { MAX_IMAGE_SIDE } from '../src/images/pixels';
import { facesCounted } from '../src/rules/photos/check-photo';

/*
 * Face detection speed on a 12-megapixel photo (4,000 × 3,000), as the background does it:
 * downscale to MAX_IMAGE_SIDE, then the detector (the extension's model and settings, Node's
 * WebAssembly backend). Two photos: one with faces (one look suffices) and one of a street
 * with nobody in it (the whole photo, every tile in one batch, and a confirming look and mesh
 * check for up to two candidates: the worst case). Each photo's line gives the number of
 * BlazeFace looks and of runs of the two models, and CPU time (single-threaded WebAssembly:
 * what the detection costs on an idle core; wall time on this shared machine reads high).
 */

/** Counts BlazeFace looks (a run of the graph on a batch of n tiles is n looks) and runs of the face mesh model. */
async function countLooks(): Promise<{ count: number; runs: number; mesh: number }> {
  type Graph = { execute: (input: { shape: number[] }, outputs?: string | string[]) => unknown };
  const human = (await loadNodeFaceDetector()) as unknown as { models: { models: { blazeface: Graph; facemesh: Graph } } };
  const counter = { count: 0, runs: 0, mesh: 0 };
  const { blazeface, facemesh } = human.models.models;
  const detect = blazeface.execute.bind(blazeface);
  // The output names pass through: the detector asks the face mesh for its face flag alone.
  blazeface.execute = (input, outputs) => {
    counter.count += input.shape[0] ?? 1;
    counter.runs++;
    return detect(input, outputs);
  };
  const mesh = facemesh.execute.bind(facemesh);
  facemesh.execute = (input, outputs) => {
    counter.mesh++;
    return mesh(input, outputs);
  };
  return counter;
}

const fixture = (path: string) => fileURLToPath(new URL(`../tests/fixtures/${path}`, import.meta.url));

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const looks = await countLooks();
  for (const [label, source] of [
    ['3 faces', 'photos/sources/face-api-sample1.jpg'],
    ['no one', 'logos/negatives/photo_street_1.jpg'],
  ] as const) {
    const jpeg = await sharp(fixture(source)).resize(4000, 3000, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer();
    const decodeTimes: number[] = [];
    const detectTimes: number[] = [];
    const detectCpu: number[] = [];
    let warned = 0;
    let looksPerPhoto = 0;
    let runsPerPhoto = 0;
    const runs = 7;
    for (let i = 0; i < runs + 1; i++) {
      let t = performance.now();
      const { data, info } = await sharp(jpeg).resize(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const decodeMs = performance.now() - t;
      t = performance.now();
      const looksBefore = looks.count;
      const runsBefore = looks.runs + looks.mesh;
      const cpuBefore = process.cpuUsage();
      const faces = await detectFacesInNode({ width: info.width, height: info.height, data });
      const cpu = process.cpuUsage(cpuBefore);
      looksPerPhoto = looks.count - looksBefore;
      runsPerPhoto = looks.runs + looks.mesh - runsBefore;
      const detectMs = performance.now() - t;
      // The first run loads the model and starts WebAssembly; it is not counted.
      if (i === 0) continue;
      decodeTimes.push(decodeMs);
      detectTimes.push(detectMs);
      detectCpu.push((cpu.user + cpu.system) / 1000);
      if (facesCounted(faces).length > 0) warned++;
    }
    decodeTimes.sort((a, b) => a - b);
    detectTimes.sort((a, b) => a - b);
    detectCpu.sort((a, b) => a - b);
    lines.push(
      `faces in a 4000x3000 photo (${label}): detect p50 ${percentile(detectTimes, 0.5).toFixed(0)} ms, p95 ${percentile(detectTimes, 0.95).toFixed(0)} ms, CPU p50 ${percentile(detectCpu, 0.5).toFixed(0)} ms` +
        ` (${looksPerPhoto} looks in ${runsPerPhoto} runs of the two models; decode and downscale with sharp p50 ${percentile(decodeTimes, 0.5).toFixed(0)} ms; warned in ${warned}/${runs} runs)`,
    );
  }
  return lines;
}
