import { browser } from 'wxt/browser';
import type { checkPost, CompiledPack, compilePack, Finding } from '../rules';
import { ENGINE_SCRIPT_PATH } from './engine-path';

/** What entrypoints/engine.ts leaves on the content script's (isolated) global. */
export interface LazyEngine {
  compilePack: typeof compilePack;
  checkPost: typeof checkPost;
  /** Loads compromise, which the engine otherwise loads on the first post that needs it (src/rules/document/nlp.ts). */
  loadNlp(): void;
  /** Loads the learned model, which the engine otherwise loads on the first post it judges (src/rules/judgement/index.ts). */
  loadJudgementModel(): void;
}

declare global {
  /** Set by entrypoints/engine.ts in the content script's isolated world. */
  var __postcheckEngine: LazyEngine | undefined;
}

/** The two engine calls the page needs; the engine itself stays pure (STYLE.md §2). */
export interface PageEngine {
  compile(packJson: unknown): { ok: true; compiled: CompiledPack } | { ok: false; problems: string[] };
  check(compiled: CompiledPack, text: string): Finding[];
}

let loading: Promise<LazyEngine> | null = null;

/**
 * Imports the engine (≈550 kB with compromise) when the first composer appears, never at page
 * load: bundled into content.js it cost ~110 ms of evaluation on every page view (bench/e2e.ts).
 * A dynamic import from a content script runs in the content script's isolated world, so the
 * engine's global is invisible to the page.
 */
async function importOnce(): Promise<LazyEngine> {
  await import(/* @vite-ignore */ browser.runtime.getURL(ENGINE_SCRIPT_PATH as '/engine.js'));
  const engine = globalThis.__postcheckEngine;
  if (!engine) throw new Error('PostCheck engine script loaded but did not register');
  return engine;
}

function importEngine(): Promise<LazyEngine> {
  // One retry: the import can fail while the extension is being updated under the page.
  loading ??= importOnce().catch(() => new Promise<void>((resolve) => setTimeout(resolve, 500)).then(importOnce));
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

export async function loadPageEngine(): Promise<PageEngine> {
  const rules = await importEngine();
  // compromise takes a few hundred ms to load; done in idle time, the first post that needs it
  // (a name then a lower-case word) does not stall typing.
  globalThis.requestIdleCallback?.(() => rules.loadNlp(), { timeout: 5_000 });
  // Likewise the learned model (tens of ms): the first post about school life is then checked at full speed.
  globalThis.requestIdleCallback?.(() => rules.loadJudgementModel(), { timeout: 5_000 });
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
