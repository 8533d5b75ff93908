import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { fingerprintProblem } from '../logo/fingerprint';
import { CATEGORY_IDS, SEVERITIES } from '../types';

// Without this zod probes with `new Function("")` and, where allowed, compiles its object parsers
// into new code. The extension pages' CSP refuses both (wxt.config.ts EXTENSION_PAGES_CSP), and the
// refused probe is still reported as a CSP violation. Every bundle that parses with zod loads this
// module, and parsing happens only after modules load. Issue 6: no eval.
// zod/mini rather than zod: the engine bundle carries this schema, and zod's method-chaining
// API cannot be tree-shaken (issue 10: ~80 kB of engine.js). Mini brings no locale of its own:
// English is set here so a school reads the same words zod would give (e.g. an invalid record key).
z.config({ jitless: true, ...en() });

/** As zod's `.describe()`: a copy of the schema carrying the description, for the managed JSON Schema. */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone() as T;
  z.globalRegistry.add(copy, { description });
  return copy;
}

/**
 * The rule pack: the one format schools write and IT managers push. Defined
 * once here; types, defaults, the managed-policy JSON Schema and the docs
 * derive from it.
 */
export const PACK_SCHEMA_VERSION = 1;

/** Beyond these a pack is refused before parsing: they protect the browser, not the format. */
export const PACK_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxNames: 50_000,
  maxClauses: 500,
  maxPhrases: 2_000,
  maxTests: 1_000,
  maxStringLength: 20_000,
  /** A logo fingerprint is a few tens of kB of base64; it must fit a managed-policy value. */
  maxFingerprintLength: 200_000,
  maxLogos: 20,
} as const;

const text = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : `must be text (${what})`) })
    .check(z.maxLength(PACK_LIMITS.maxStringLength, `is too long (over ${PACK_LIMITS.maxStringLength} characters)`));

const nonEmptyText = (what: string) => text(what).check(z.trim(), z.minLength(1, 'must not be empty'));

const list = <T extends z.ZodMiniType>(item: T, max: number) =>
  z.array(item, { error: (iss) => (iss.input === undefined ? 'required' : 'must be a list') }).check(z.maxLength(max, `has more than ${max} entries`));

/** A list the pack may leave out: empty when absent. */
const listOrNone = <T extends z.ZodMiniType>(item: T, max: number) => z._default(list(item, max), []);

/**
 * A wrong value as a message quotes it: text cut to 40 characters, numbers and true/false as
 * they are, anything else by its kind. Never the whole value: JSON.stringify throws on a deeply
 * nested or BigInt value and would copy a megabyte string into the message.
 */
export function shownInput(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export const CategoryIdSchema = z.enum(CATEGORY_IDS, {
  error: (iss) => `must be one of ${CATEGORY_IDS.join(', ')} (got ${shownInput(iss.input)})`,
});
export const SeveritySchema = z.enum(SEVERITIES, {
  error: (iss) => `must be one of ${SEVERITIES.join(', ')} (got ${shownInput(iss.input)})`,
});


export const SchoolSchema = z.strictObject({
  name: described(nonEmptyText('the school\'s full name'), "The school's full name as staff would write it."),
  aliases: described(listOrNone(nonEmptyText('a short form'), 100), 'Short forms, e.g. "TCS", "Testbourne".'),
  domains: described(listOrNone(nonEmptyText('a web or email domain'), 50), 'Web and email domains, e.g. "testbourne.hants.sch.uk".'),
  handles: described(listOrNone(nonEmptyText('a social handle'), 50), 'Social handles, e.g. "@TestbourneCS".'),
  hashtags: described(listOrNone(nonEmptyText('a hashtag'), 100), 'Hashtags, e.g. "#TeamTestbourne".'),
});

export const ClauseSchema = z.strictObject({
  id: described(nonEmptyText('a clause id'), 'Stable id that categories cite, e.g. "confidentiality".'),
  ref: described(nonEmptyText('the reference as printed'), 'The reference as printed in the policy, e.g. "5(d)".'),
  text: described(nonEmptyText('the clause quoted'), 'The clause, quoted from the policy.'),
});

export const PolicySchema = z.strictObject({
  title: nonEmptyText('the policy title'),
  url: z.optional(z.string().check(z.url('must be a web address'))),
  clauses: list(ClauseSchema, PACK_LIMITS.maxClauses).check(z.minLength(1, 'must list at least one clause')),
});

export const PersonObjectSchema = z.strictObject({
  name: described(nonEmptyText('a full name'), 'Full name, forename(s) then surname.'),
  title: z.optional(text('a title such as Mrs or Dr')),
  knownAs: z.optional(text('a preferred or known-as first name')),
  role: z.optional(text('a role')),
});
export const PersonEntrySchema = z.union([nonEmptyText('a full name'), PersonObjectSchema], {
  error: 'must be a name, or an object with a "name"',
});
export type PersonEntry = z.infer<typeof PersonEntrySchema>;

export const PeopleSchema = z.strictObject({
  pupils: listOrNone(PersonEntrySchema, PACK_LIMITS.maxNames),
  staff: listOrNone(PersonEntrySchema, PACK_LIMITS.maxNames),
});

export const CategorySettingsSchema = z.strictObject({
  enabled: z._default(z.boolean({ error: 'must be true or false' }), true),
  severity: described(z.optional(SeveritySchema), 'Overrides the category default.'),
  clauses: list(nonEmptyText('a clause id'), 20).check(z.minLength(1, 'must cite at least one clause id from policy.clauses')),
  phrases: described(listOrNone(nonEmptyText('a phrase'), PACK_LIMITS.maxPhrases), 'Extra phrases that raise this category wherever they appear.'),
  allow: described(listOrNone(nonEmptyText('a word or name'), PACK_LIMITS.maxPhrases), 'Words, phrases or names never to flag in this category.'),
});
export type CategorySettings = z.infer<typeof CategorySettingsSchema>;

export const LogoSchema = z.strictObject({
  id: nonEmptyText('a logo id'),
  name: z.optional(text('what the logo is')),
  fingerprint: z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : 'must be text (a logo fingerprint, see docs/rule-pack.md)') })
    .check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(PACK_LIMITS.maxFingerprintLength, `is too long (over ${PACK_LIMITS.maxFingerprintLength} characters)`),
      // A damaged fingerprint is reported when the pack loads, not skipped silently when an image arrives.
      z.superRefine((text, ctx) => {
        const problem = fingerprintProblem(text);
        if (problem) ctx.addIssue({ code: 'custom', message: `is not a usable logo fingerprint: ${problem}` });
      }),
    ),
});

export const PackTestSchema = z.strictObject({
  text: text('an example post'),
  raises: listOrNone(CategoryIdSchema, CATEGORY_IDS.length),
  doesNotRaise: listOrNone(CategoryIdSchema, CATEGORY_IDS.length),
  note: z.optional(text('why this example is here')),
});
export type PackTest = z.infer<typeof PackTestSchema>;

export const PackSchema = z
  .strictObject({
    schemaVersion: z.literal(PACK_SCHEMA_VERSION, {
      error: (iss) =>
        iss.input === undefined ? 'required' : `must be ${PACK_SCHEMA_VERSION} (this version of PostCheck reads pack format ${PACK_SCHEMA_VERSION})`,
    }),
    id: nonEmptyText('a pack id').check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens')),
    version: z._default(nonEmptyText('the pack version'), '1'),
    note: z.optional(text('a note about the pack')),
    eventLog: described(
      z._default(z.boolean({ error: (iss) => `must be true or false (got ${shownInput(iss.input)})` }), false),
      'true: keep the local event log (what was flagged and what the user did, never the text) on for staff who load this pack, unless they turn it off. A managed eventLog policy overrides both.',
    ),
    school: SchoolSchema,
    policy: PolicySchema,
    people: z._default(PeopleSchema, { pupils: [], staff: [] }),
    categories: z._default(z.partialRecord(CategoryIdSchema, CategorySettingsSchema), {}),
    logos: listOrNone(LogoSchema, PACK_LIMITS.maxLogos),
    tests: listOrNone(PackTestSchema, PACK_LIMITS.maxTests),
  })
  .check(
    z.superRefine((pack, ctx) => {
      const clauseIds = new Set<string>();
      pack.policy.clauses.forEach((clause, i) => {
        if (clauseIds.has(clause.id)) {
          ctx.addIssue({ code: 'custom', path: ['policy', 'clauses', i, 'id'], message: `duplicate clause id "${clause.id}"` });
        }
        clauseIds.add(clause.id);
      });
      for (const [category, settings] of Object.entries(pack.categories)) {
        settings?.clauses.forEach((id, i) => {
          if (!clauseIds.has(id)) {
            ctx.addIssue({
              code: 'custom',
              path: ['categories', category, 'clauses', i],
              message: `no clause with id "${id}" in policy.clauses`,
            });
          }
        });
      }
      const names = pack.people.pupils.length + pack.people.staff.length;
      if (names > PACK_LIMITS.maxNames) {
        ctx.addIssue({ code: 'custom', path: ['people'], message: `has ${names} names; the most PostCheck takes is ${PACK_LIMITS.maxNames}` });
      }
    }),
  );

export type Pack = z.infer<typeof PackSchema>;
/** What a school may write: defaults not yet applied. */
export type PackInput = z.input<typeof PackSchema>;
