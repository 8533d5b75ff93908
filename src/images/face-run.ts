import type { RgbaImage } from '../rules/logo/types';
import type { DetectedFace } from '../rules/photos/check-photo';

/**
 * The part of @vladmandic/human that PostCheck uses, typed structurally so that the browser
 * build (dist/human.esm.js) and the Node build the evaluation loads (dist/human.node-wasm.js)
 * both fit.
 */
export interface FaceDetector {
  tf: {
    tensor: (values: Uint8Array, shape: number[], dtype: 'int32') => { dispose(): void };
  };
  detect: (input: unknown) => Promise<{ face: { score: number; box: [number, number, number, number] }[]; error: string | null }>;
}

/** RGBA → RGB, the layout the detector takes. */
function rgbOf(image: RgbaImage): Uint8Array {
  const { width, height, data } = image;
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < data.length; i += 4, j += 3) {
    rgb[j] = data[i]!;
    rgb[j + 1] = data[i + 1]!;
    rgb[j + 2] = data[i + 2]!;
  }
  return rgb;
}

/** Every face the detector reports (scores not yet thresholded; see facesCounted), boxes as fractions of the image. */
export async function detectFacesWith(human: FaceDetector, image: RgbaImage): Promise<DetectedFace[]> {
  const input = human.tf.tensor(rgbOf(image), [1, image.height, image.width, 3], 'int32');
  try {
    const result = await human.detect(input);
    if (result.error) throw new Error(`face detection failed: ${result.error}`);
    return result.face.map((face) => ({
      score: face.score,
      box: [face.box[0] / image.width, face.box[1] / image.height, face.box[2] / image.width, face.box[3] / image.height],
    }));
  } finally {
    input.dispose();
  }
}
