import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateHardNegatives } from '../../src/cli/eval';

// The harness on a few posts of our own (the real set is tests/fixtures/hard-negatives, written by others).
const SAMPLE = resolve(import.meta.dirname, 'fixtures/hard-negatives-sample.jsonl');

describe('hard-negative harness', () => {
  const result = evaluateHardNegatives([SAMPLE]);

  it('counts only posts not labelled pupil or staff', () => {
    expect(result.posts).toBe(3);
  });

  it('counts a post that names a listed person in full, and reports it by writer', () => {
    expect(result.wrong.map((w) => w.post.id)).toContain('hn-s4');
    expect(result.byWriter.find((w) => w.writer === 'sample-b')).toMatchObject({ posts: 1, named: 1, rate: 1 });
  });

  it('leaves friends and family who share a first name alone', () => {
    expect(result.wrong.map((w) => w.post.id)).not.toContain('hn-s1');
    expect(result.wrong.map((w) => w.post.id)).not.toContain('hn-s2');
    expect(result.rate).toBeCloseTo(1 / 3);
  });
});
