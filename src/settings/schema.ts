import * as z from 'zod';
import { PACK_LIMITS, PersonEntrySchema, shownInput } from '../rules/pack/schema';

/**
 * PostCheck's settings, defined once. The local settings a member of staff may change, the
 * managed policy an IT manager pushes (public/managed_schema.json is generated from
 * `ManagedPolicySchema`, see managed-schema.ts) and every default are derived from here.
 */

export const SITE_IDS = ['facebook', 'x', 'instagram', 'linkedin'] as const;
export type SiteId = (typeof SITE_IDS)[number];

export const SITE_LABELS: Record<SiteId, string> = {
  facebook: 'Facebook',
  x: 'X (Twitter)',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
};

export const MODES = ['warn', 'block'] as const;
export type Mode = (typeof MODES)[number];

export const ModeSchema = z.enum(MODES, { error: (iss) => `must be "warn" or "block" (got ${shownInput(iss.input)})` });

const onOff = (what: string) => z.boolean({ error: (iss) => `must be true or false (${what}; got ${shownInput(iss.input)})` });

export const EnabledSitesSchema = z.strictObject({
  facebook: onOff('Facebook').meta({ title: 'Facebook', description: 'Check posts on www.facebook.com.' }),
  x: onOff('X').meta({ title: 'X (Twitter)', description: 'Check posts on x.com and twitter.com.' }),
  instagram: onOff('Instagram').meta({ title: 'Instagram', description: 'Check posts on www.instagram.com.' }),
  linkedin: onOff('LinkedIn').meta({ title: 'LinkedIn', description: 'Check posts on www.linkedin.com.' }),
});
export type EnabledSites = z.infer<typeof EnabledSitesSchema>;

/** The defaults, declared once: everything on, warn only, no event log, nothing loaded. */
export const DEFAULT_SETTINGS = {
  on: true,
  mode: 'warn' as Mode,
  enabledSites: { facebook: true, x: true, instagram: true, linkedin: true } as EnabledSites,
  snoozedUntil: null as number | null,
  // Off until the school's pack (`eventLog: true`) or its IT team (managed policy) turns it on.
  eventLog: false,
} as const;

/** How long "Snooze" keeps PostCheck out of the way. */
export const SNOOZE_MS = 60 * 60 * 1000;

const peopleList = z.array(PersonEntrySchema).max(PACK_LIMITS.maxNames, `has more than ${PACK_LIMITS.maxNames} names`);

/**
 * What this browser's user (or `npm start` and the e2e harness) stored, in storage.local under
 * `postcheck.config`. Each key falls back to its default on its own (see `readLocalSettings`).
 * The active pack and name lists are kept here, and not only in IndexedDB, because the content
 * script runs in the site's origin and cannot open the extension's IndexedDB; dexie keeps the
 * record of what was loaded and when (src/store).
 */
export const LocalSettingsSchema = z.object({
  on: z.boolean().default(DEFAULT_SETTINGS.on),
  mode: ModeSchema.default(DEFAULT_SETTINGS.mode),
  enabledSites: EnabledSitesSchema.partial().default({}),
  snoozedUntil: z.number().nullable().default(DEFAULT_SETTINGS.snoozedUntil),
  /**
   * The user's own choice about the event log; absent until they make one, so that the school's
   * pack can turn the log on. (Not `eventLog`: earlier versions stored that key as false on
   * every save, so a stored false there is no choice; `readLocalSettings` keeps a stored true.)
   */
  eventLogChoice: z.boolean().optional(),
  /** The school's rule pack JSON loaded on the options page; validated by `compilePack`. */
  pack: z.unknown().default(null),
  pupils: peopleList.default([]),
  staff: peopleList.default([]),
});
export type LocalSettings = z.output<typeof LocalSettingsSchema>;

const managedNames = (who: string, plural: string) =>
  z
    .array(z.string({ error: 'must be a name (text)' }).trim().min(1, 'must not be empty'), { error: (iss) => `must be a list of names (got ${typeName(iss.input)})` })
    .max(PACK_LIMITS.maxNames, `has more than ${PACK_LIMITS.maxNames} names`)
    .meta({
      title: `${who} names`,
      description: `Full names of ${plural} (forename then surname), one per entry. Added to the pack's own list. Kept on this computer only; shown masked in chrome://policy.`,
      sensitiveValue: true,
    });

/**
 * The managed policy. Each key is a separate top-level policy so Chrome validates them one by
 * one: a bad pupil list does not wipe the mode or the lock (design/managed-policy.md §1.3).
 * `schoolPack` is the pack format of docs/rule-pack.md without `people`; its JSON Schema is
 * taken from `PackSchema` when the managed schema is generated.
 */
export const ManagedPolicySchema = z.object({
  schoolPack: z
    .record(z.string(), z.unknown(), { error: (iss) => `must be an object (the rule pack; got ${typeName(iss.input)})` })
    .meta({ title: 'School rule pack', description: "The school's rule pack (docs/rule-pack.md) as an object: school, policy clauses, categories, tests. Leave out \"people\"; use the pupils and staff policies." }),
  schoolPackJson: z
    .string({ error: (iss) => `must be text (the rule pack as JSON; got ${typeName(iss.input)})` })
    .max(PACK_LIMITS.maxBytes, `is over ${PACK_LIMITS.maxBytes / 1024 / 1024} MB`)
    .meta({ title: 'School rule pack (JSON text)', description: 'The same rule pack as one JSON string, for channels that take text more easily than nested objects (Windows registry, GPO). Ignored when schoolPack is set.' }),
  pupils: managedNames('Pupil', 'pupils'),
  staff: managedNames('Staff', 'staff members'),
  mode: ModeSchema.meta({ title: 'Mode', description: '"warn": staff see what the policy says and may post anyway. "block": findings the pack marks as not allowed cannot be posted until the text changes.' }),
  lock: onOff('lock').meta({ title: 'Lock settings', description: 'true: staff cannot turn PostCheck off, snooze it, turn sites off or load another pack or name list. The options page shows the controls greyed out, "Managed by" the school.' }),
  enabledSites: EnabledSitesSchema.partial().meta({ title: 'Sites checked', description: 'Which sites PostCheck checks (true) or leaves alone (false). Sites left out stay as the user set them, or on when locked.' }),
  eventLog: onOff('event log').meta({ title: 'Local event log', description: 'true: keep a log on this computer of what was flagged and what the user did (never the post text or names), for 90 days. false: keep no log.' }),
});
export type ManagedPolicy = Partial<z.output<typeof ManagedPolicySchema>>;
export type ManagedKey = keyof z.output<typeof ManagedPolicySchema>;
export const MANAGED_KEYS = Object.keys(ManagedPolicySchema.shape) as ManagedKey[];

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}
