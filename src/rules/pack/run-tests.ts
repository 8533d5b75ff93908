import { checkPost, raisedCategories } from '../check';
import type { CompiledPack } from '../compile';
import type { CategoryId } from '../types';

export interface PackTestFailure {
  /** Index in the pack's `tests`. */
  index: number;
  text: string;
  /** Categories it should have raised and did not. */
  missing: CategoryId[];
  /** Categories it raised and must not. */
  unexpected: CategoryId[];
  note?: string;
}

/** Runs the example posts a pack carries; an empty list means every test passed. */
export function runPackTests(compiled: CompiledPack): PackTestFailure[] {
  const failures: PackTestFailure[] = [];
  compiled.pack.tests.forEach((test, index) => {
    const raised = raisedCategories(checkPost(compiled, { text: test.text }));
    const missing = test.raises.filter((c) => !raised.has(c));
    const unexpected = test.doesNotRaise.filter((c) => raised.has(c));
    if (missing.length || unexpected.length) {
      failures.push({ index, text: test.text, missing, unexpected, ...(test.note ? { note: test.note } : {}) });
    }
  });
  return failures;
}
