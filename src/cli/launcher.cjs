#!/usr/bin/env node
/*
 * The `postcheck` bin (copied to dist/cli/postcheck.cjs by scripts/build-cli.mjs): starts the
 * bundled command, dist/cli/postcheck-main.cjs, from V8's code cache beside it. Compiling the
 * bundle's functions is a tenth of a fresh process's time to its first result (issue 12); the
 * cache holds them compiled. The build's sample check writes it; when V8 rejects it (another
 * Node, other flags) or it is missing, the bundle compiles as usual and the run writes a new one.
 */
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

// V8 first runs a regular expression in its interpreter and compiles it again to machine code on
// its second exec: a global pattern stepped through a post is compiled twice in its first check,
// and the engine's vocabularies are long alternations (issue 12: a third of the first result).
// A command checks a post or a stream of them, so machine code straight away is never wasted.
// Set before the bundle is compiled: V8 accepts a code cache only under the flags it was made with.
setFlagsFromString('--no-regexp-tier-up');

const main = join(__dirname, 'postcheck-main.cjs');
const cacheFile = `${main}.v8-cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache (a build without one): compile as usual.
}
// The bundle has no import() (scripts/build-cli.mjs): a script compiled here could not run one.
const script = new Script(wrap(readFileSync(main, 'utf8')), { filename: main, cachedData });
if (!cachedData || script.cachedDataRejected) process.once('exit', writeCodeCache);

/** At exit, so the cache holds what this run compiled. Renamed into place: runs side by side never read half a file. */
function writeCodeCache() {
  const partFile = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(partFile, script.createCachedData());
    renameSync(partFile, cacheFile);
  } catch {
    // A read-only install: each run compiles the bundle, as without a cache.
  }
}

const mainModule = { exports: {} };
script.runInThisContext()(mainModule.exports, createRequire(main), mainModule, main, __dirname);
