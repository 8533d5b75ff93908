import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { PackProblem } from './problem';
import { PACK_LIMITS } from './schema';
import { validatePack, type PackValidation } from './validate';

// Apart from ./validate.ts so the engine script, which is handed packs already parsed, does not
// carry the JSON reader (jsonc-parser's tables run at import and cannot be left out; issue 10).

/** Reads a pack from its file text: size, encoding and JSON syntax problems are reported like schema problems. */
export function parsePackText(source: string): PackValidation {
  const bytes = new TextEncoder().encode(source).length;
  if (bytes > PACK_LIMITS.maxBytes) {
    return { ok: false, problems: [{ path: '(pack)', message: `is ${(bytes / 1024 / 1024).toFixed(1)} MB; the most PostCheck takes is ${PACK_LIMITS.maxBytes / 1024 / 1024} MB` }] };
  }
  if (source.includes('\uFFFD')) {
    return { ok: false, problems: [{ path: '(pack)', message: 'is not valid UTF-8 text (save it as UTF-8 and try again)' }] };
  }
  const json = parseJsonOrProblems(source.replace(/^\uFEFF/, ''), '(pack)');
  return 'problems' in json ? { ok: false, problems: json.problems } : validatePack(json.value);
}

/**
 * Strict JSON with syntax errors located by line and column (JSON.parse only
 * says "Unexpected token", which a school cannot act on).
 */
export function parseJsonOrProblems(source: string, path: string): { value: unknown } | { problems: PackProblem[] } {
  const depth = maxNesting(source);
  if (depth > MAX_NESTING) return { problems: [{ path, message: `nests ${depth} levels deep; a pack needs no more than ${MAX_NESTING}` }] };
  const errors: ParseError[] = [];
  const value = parseJsonc(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) return { value };
  return {
    problems: errors.slice(0, 5).map((e) => {
      const before = source.slice(0, e.offset);
      const line = before.split('\n').length;
      const column = e.offset - before.lastIndexOf('\n');
      return { path, message: `is not valid JSON: ${plainJsonError(printParseErrorCode(e.error))} at line ${line}, column ${column}` };
    }),
  };
}

/** Far deeper than any pack, and shallow enough that no parser runs out of stack. */
const MAX_NESTING = 64;

/** Deepest [ or { nesting, ignoring brackets inside strings; one linear pass. */
function maxNesting(source: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

function plainJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
