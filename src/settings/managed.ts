import { parsePackText } from '../rules/pack/read-text';
import { formatPath, validatePack } from '../rules/pack/validate';
import { MANAGED_KEYS, ManagedPolicySchema, type ManagedKey, type ManagedPolicy } from './schema';

/** One managed value PostCheck could not use, named by its policy key. */
export interface ManagedProblem {
  field: ManagedKey | string;
  /** Starts with the key and the path inside it: "schoolPack.policy.clauses[0].ref required". */
  message: string;
}

/**
 * The last good managed policy, kept in storage.local so that at browser start (when
 * storage.managed may still read `{}` for seconds, design/managed-policy.md §1.5) a locked
 * install is never briefly unlocked. Written only by the background.
 */
export interface ManagedCache {
  policy: ManagedPolicy;
  problems: ManagedProblem[];
  /** Epoch ms the policy was last read from storage.managed. */
  savedAt: number;
}

export const MANAGED_CACHE_STORAGE_KEY = 'postcheck.managed';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates the managed pack, given as an object or as JSON text; problems carry the policy key. */
function readManagedPack(raw: Record<string, unknown>): { pack?: Record<string, unknown>; problems: ManagedProblem[] } {
  const problems: ManagedProblem[] = [];
  for (const field of ['schoolPack', 'schoolPackJson'] as const) {
    if (!(field in raw)) continue;
    const shape = ManagedPolicySchema.shape[field].safeParse(raw[field]);
    if (!shape.success) {
      problems.push({ field, message: `${field} ${shape.error.issues[0]?.message ?? 'is not valid'}` });
      continue;
    }
    const validation = field === 'schoolPack' ? validatePack(shape.data) : parsePackText(shape.data as string);
    if (!validation.ok) {
      for (const problem of validation.problems.slice(0, 20)) {
        const where = problem.path === '(pack)' ? field : `${field}.${problem.path}`;
        problems.push({ field, message: `${where} ${problem.message}` });
      }
      continue;
    }
    // The first good one wins: schoolPack before schoolPackJson.
    const source = field === 'schoolPack' ? (shape.data as Record<string, unknown>) : (JSON.parse((shape.data as string).replace(/^\uFEFF/, '')) as Record<string, unknown>);
    return { pack: source, problems };
  }
  return { problems };
}

/**
 * Reads storage.managed's raw values key by key: a value of the wrong type is reported with its
 * key and ignored, and the last good value for that key (from `previous`) stays in force, so a
 * typo in one policy never drops a pack that was already loaded. Unknown keys are reported too
 * (Firefox does not check policies against the schema).
 */
export function readManagedPolicy(raw: unknown, previous: ManagedPolicy = {}): { policy: ManagedPolicy; problems: ManagedProblem[] } {
  const problems: ManagedProblem[] = [];
  const policy: ManagedPolicy = {};
  if (!isRecord(raw)) return { policy, problems: raw === undefined || raw === null ? [] : [{ field: '(policy)', message: 'must be an object of policy keys' }] };
  for (const key of Object.keys(raw)) {
    if (!(MANAGED_KEYS as string[]).includes(key)) problems.push({ field: key, message: `${key} is not a PostCheck policy (check the spelling); it was ignored` });
  }
  const pack = readManagedPack(raw);
  problems.push(...pack.problems);
  if (pack.pack) policy.schoolPack = pack.pack;
  else if (pack.problems.length && previous.schoolPack) policy.schoolPack = previous.schoolPack;
  for (const key of MANAGED_KEYS) {
    if (key === 'schoolPack' || key === 'schoolPackJson' || !(key in raw)) continue;
    const parsed = ManagedPolicySchema.shape[key].safeParse(raw[key]);
    if (parsed.success) {
      (policy as Record<string, unknown>)[key] = parsed.data;
      continue;
    }
    // The schema's own messages: they say what was expected and what came instead.
    for (const issue of parsed.error.issues.slice(0, 5)) {
      const where = issue.path.length ? `${key}${issue.path[0] === undefined || typeof issue.path[0] === 'number' ? '' : '.'}${formatPath(issue.path)}` : key;
      problems.push({ field: key, message: shortened(`${where} ${issue.message}`) });
    }
    if (previous[key] !== undefined) (policy as Record<string, unknown>)[key] = previous[key];
  }
  return { policy, problems };
}

/** A hostile policy's key names and listed keys come back in the schema's messages: a message quotes at most this much of them. */
const MESSAGE_MAX = 300;
const shortened = (message: string) => (message.length > MESSAGE_MAX ? `${message.slice(0, MESSAGE_MAX - 1)}…` : message);

export function isManagedPolicyEmpty(policy: ManagedPolicy): boolean {
  return Object.keys(policy).length === 0;
}

export function readManagedCache(stored: unknown): ManagedCache | null {
  if (!isRecord(stored) || !isRecord(stored.policy)) return null;
  // Re-checked on read: the cache is ours, but a half-written or older-format value must not break a page.
  const { policy } = readManagedPolicy(stored.policy);
  const problems = Array.isArray(stored.problems)
    ? stored.problems.filter((p): p is ManagedProblem => isRecord(p) && typeof p.field === 'string' && typeof p.message === 'string')
    : [];
  return { policy, problems, savedAt: typeof stored.savedAt === 'number' ? stored.savedAt : 0 };
}
