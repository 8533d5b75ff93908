/**
 * What the CLI uses from the engine, in one module so check.ts can load it
 * lazily: --help, --version and --fingerprint-logo then start without loading
 * the NLP library.
 */
export { checkPost } from '../rules/check';
export { compilePack } from '../rules/compile';
export { parseNameCsv } from '../rules/pack/csv';
export { runPackTests } from '../rules/pack/run-tests';
export { PACK_LIMITS } from '../rules/pack/schema';
export { describeProblems } from '../rules/pack/validate';
export { parsePackText } from '../rules/pack/read-text';
