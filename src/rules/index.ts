/**
 * PostCheck's rule engine: pure TypeScript, no DOM. The same code runs in the
 * content script, the options page, the CLI and the tests.
 */
export { compilePack, PackError, type CompiledPack, type CompileOptions, type CompileResult } from './compile';
export { checkPost, type PostInput } from './check';
export { mergeSameSpan, raisedCategories } from './findings/merge';
export { runPackTests, type PackTestFailure } from './pack/run-tests';
export { validatePack, describeProblems, type PackProblem } from './pack/validate';
export { parsePackText } from './pack/read-text';
export { parseNameCsv } from './pack/csv';
export { checkImage, fingerprintLogo, fingerprintProblem, logoDetailWarning, type RgbaImage } from './logo';
export { PackSchema, PACK_LIMITS, PACK_SCHEMA_VERSION, type Pack, type PackInput, type PersonEntry } from './pack/schema';
export * from './types';
