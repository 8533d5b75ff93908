/**
 * face-api's TinyFaceDetector (@vladmandic/face-api 1.7.15, `model/tiny_face_detector_model`,
 * 0.19 MB), a second face detector, trained apart from human's BlazeFace and face mesh, run on
 * human's TensorFlow.js: a tiny YOLOv2 (one 3 × 3 convolution, five depthwise-separable ones
 * after max pools, a 1 × 1 head: face-api's TinyYolov2Base.runMobilenet), its weights read
 * from face-api's weights manifest. Only the model files are used, not face-api's code (it
 * bundles a second TensorFlow.js). tests/unit/tiny-face.test.ts holds it to the faces of a
 * sample photo.
 */

interface Tensor {
  shape: number[];
  data(): Promise<Float32Array | Int32Array | Uint8Array>;
  dispose(): void;
}

/** The TensorFlow.js operations the network uses, as human exposes them (human.tf). */
export interface TinyTf {
  tidy<T>(fn: () => T): T;
  tensor4d(values: Float32Array, shape: [number, number, number, number]): Tensor;
  pad(x: Tensor, paddings: [number, number][]): Tensor;
  conv2d(x: Tensor, filter: Tensor, strides: [number, number], pad: 'valid' | 'same'): Tensor;
  separableConv2d(x: Tensor, depthwise: Tensor, pointwise: Tensor, strides: [number, number], pad: 'valid' | 'same'): Tensor;
  maxPool(x: Tensor, size: [number, number], strides: [number, number], pad: 'valid' | 'same'): Tensor;
  add(a: Tensor, b: Tensor): Tensor;
  leakyRelu(x: Tensor, alpha: number): Tensor;
  io: { decodeWeights(buffer: ArrayBuffer, specs: unknown[]): Record<string, Tensor> };
}

export interface TinyFaceModel {
  tf: TinyTf;
  weights: Record<string, Tensor>;
}

/** The model from face-api's weights manifest (`tiny_face_detector_model-weights_manifest.json`) and its one shard (`tiny_face_detector_model.bin`). */
export function tinyFaceModel(tf: TinyTf, manifest: { weights: unknown[] }[], shard: ArrayBuffer): TinyFaceModel {
  return { tf, weights: tf.io.decodeWeights(shard, manifest.flatMap((group) => group.weights)) };
}

/** face-api's TinyFaceDetector constants (tinyFaceDetector/const.ts). */
const MEAN_RGB = [117.001, 114.697, 97.404] as const;
const ANCHORS: [number, number][] = [
  [1.603231, 2.094468],
  [6.041143, 7.080126],
  [2.882459, 3.518061],
  [4.266906, 5.178857],
  [9.041765, 10.66308],
];
const BOX_VALUES = 5;

export interface TinyFace {
  score: number;
  /** Centre and size as fractions of the region looked at. */
  cx: number;
  cy: number;
  w: number;
  h: number;
}

/**
 * The network on a batch of square inputs (size × size × 3, values 0…255, written by `fill`),
 * each decoded to every box scoring at least `keep` (no merging).
 */
export async function tinyFaces(model: TinyFaceModel, count: number, size: number, fill: (i: number, into: Float32Array, offset: number) => void, keep = 0.05): Promise<TinyFace[][]> {
  const { tf, weights: w } = model;
  const perImage = size * size * 3;
  const input = new Float32Array(count * perImage);
  for (let i = 0; i < count; i++) {
    fill(i, input, i * perImage);
    for (let j = i * perImage; j < (i + 1) * perImage; j++) input[j] = (input[j]! - MEAN_RGB[j % 3]!) / 255;
  }
  const output = tf.tidy(() => {
    let out = tf.tensor4d(input, [count, size, size, 3]);
    out = tf.leakyRelu(tf.add(tf.conv2d(out, w['conv0/filters']!, [1, 1], 'valid'), w['conv0/bias']!), 0.1);
    for (let layer = 1; layer <= 5; layer++) {
      out = tf.maxPool(out, [2, 2], [2, 2], 'same');
      out = tf.pad(out, [[0, 0], [1, 1], [1, 1], [0, 0]]);
      out = tf.separableConv2d(out, w[`conv${layer}/depthwise_filter`]!, w[`conv${layer}/pointwise_filter`]!, [1, 1], 'valid');
      out = tf.leakyRelu(tf.add(out, w[`conv${layer}/bias`]!), 0.1);
    }
    out = tf.maxPool(out, [2, 2], [1, 1], 'same');
    return tf.add(tf.conv2d(out, w['conv8/filters']!, [1, 1], 'valid'), w['conv8/bias']!);
  });
  try {
    const [, cells] = output.shape as [number, number];
    const values = await output.data();
    const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
    return Array.from({ length: count }, (_, i) => {
      const found: TinyFace[] = [];
      for (let row = 0; row < cells; row++) {
        for (let col = 0; col < cells; col++) {
          for (let a = 0; a < ANCHORS.length; a++) {
            const k = (((i * cells + row) * cells + col) * ANCHORS.length + a) * BOX_VALUES;
            const score = sigmoid(values[k + 4]!);
            if (score < keep) continue;
            found.push({
              score,
              cx: (col + sigmoid(values[k]!)) / cells,
              cy: (row + sigmoid(values[k + 1]!)) / cells,
              w: (Math.exp(values[k + 2]!) * ANCHORS[a]![0]) / cells,
              h: (Math.exp(values[k + 3]!) * ANCHORS[a]![1]) / cells,
            });
          }
        }
      }
      return found;
    });
  } finally {
    output.dispose();
  }
}
