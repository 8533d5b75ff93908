import type { CompiledPack, Finding } from '../rules';

/** The two engine calls the page needs; the engine itself stays pure (STYLE.md §2). */
export interface PageEngine {
  compile(packJson: unknown): { ok: true; compiled: CompiledPack } | { ok: false; problems: string[] };
  check(compiled: CompiledPack, text: string): Finding[];
}

/**
 * Loaded when the first composer appears, never at page load: the engine carries compromise
 * (~295 kB) and its lexicon set-up, which would cost every Facebook page view.
 */
export async function loadPageEngine(): Promise<PageEngine> {
  const rules = await import('../rules');
  return {
    compile(packJson) {
      const result = rules.compilePack(packJson);
      if (result.ok) return { ok: true, compiled: result.compiled };
      return { ok: false, problems: result.error.problems.map((problem) => `${problem.path} ${problem.message}`) };
    },
    check(compiled, text) {
      return rules.checkPost(compiled, { text });
    },
  };
}
