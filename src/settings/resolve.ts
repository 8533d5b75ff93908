import type { PersonEntry } from '../rules/pack/schema';
import { isManagedPolicyEmpty, type ManagedCache, type ManagedProblem } from './managed';
import { DEFAULT_SETTINGS, LocalSettingsSchema, SITE_IDS, type EnabledSites, type LocalSettings, type Mode } from './schema';

/** Why a control cannot be changed here; null when the user may change it. */
export type LockReason = string | null;

/** What is in force, where each value came from, and which controls are locked. */
export interface EffectiveSettings {
  on: boolean;
  mode: Mode;
  enabledSites: EnabledSites;
  snoozedUntil: number | null;
  eventLog: boolean;
  /**
   * Who decided the event log: the managed policy, the user on the options page, the pack in
   * force (`eventLog: true`), or nobody (off by default).
   */
  eventLogSource: 'policy' | 'you' | 'pack' | 'default';
  /** The pack in force asks for the event log, whoever has the last word. */
  packAsksForEventLog: boolean;
  /** The pack JSON in force (managed before local), before the name lists are merged in. */
  pack: unknown;
  packSource: 'managed' | 'local' | null;
  pupils: PersonEntry[];
  staff: PersonEntry[];
  namesSource: { pupils: 'managed' | 'local'; staff: 'managed' | 'local' };
  /** The school's name when a managed policy is in force ("Managed by <school>"). */
  managedBy: string | null;
  locked: boolean;
  lockReasons: { on: LockReason; mode: LockReason; sites: LockReason; snooze: LockReason; eventLog: LockReason; pack: LockReason; names: LockReason };
  managedProblems: ManagedProblem[];
  /** When the background last read the managed policy (epoch ms); null when unmanaged. */
  managedReadAt: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each key of the stored local settings on its own: one bad value falls back to its default, not all of them. */
export function readLocalSettings(stored: unknown): LocalSettings {
  const defaults = LocalSettingsSchema.parse({});
  if (!isRecord(stored)) return defaults;
  const settings: Record<string, unknown> = { ...defaults };
  for (const [key, field] of Object.entries(LocalSettingsSchema.shape)) {
    if (!(key in stored)) continue;
    const parsed = field.safeParse(stored[key]);
    if (parsed.success) settings[key] = parsed.data;
  }
  // Only a user (or `npm start` and the e2e harness) ever stored `eventLog: true`: that was a choice.
  if (stored.eventLogChoice === undefined && stored.eventLog === true) settings.eventLogChoice = true;
  return settings as LocalSettings;
}

function schoolNameOf(pack: unknown): string | null {
  if (!isRecord(pack) || !isRecord(pack.school) || typeof pack.school.name !== 'string') return null;
  return pack.school.name.trim() || null;
}

/**
 * managed > local > defaults, uBlock-style: the managed policy only overrides what the defaults
 * know. `lock` additionally pins PostCheck on, un-snoozed, and on the managed pack and names.
 */
export function resolveSettings(localStored: unknown, managed: ManagedCache | null): EffectiveSettings {
  const local = readLocalSettings(localStored);
  const policy = managed?.policy ?? {};
  const isManaged = !isManagedPolicyEmpty(policy);
  const locked = policy.lock === true;
  const school = schoolNameOf(policy.schoolPack) ?? schoolNameOf(local.pack);
  const managedBy = isManaged ? (school ?? 'your school') : null;
  const byPolicy = `Managed by ${managedBy ?? 'your school'}`;

  const enabledSites = { ...DEFAULT_SETTINGS.enabledSites };
  for (const site of SITE_IDS) {
    const managedValue = policy.enabledSites?.[site];
    if (managedValue !== undefined) enabledSites[site] = managedValue;
    else if (!locked) enabledSites[site] = local.enabledSites[site] ?? DEFAULT_SETTINGS.enabledSites[site];
  }
  const sitesManaged = policy.enabledSites !== undefined && Object.keys(policy.enabledSites).length > 0;

  const pack = policy.schoolPack ?? (locked ? null : local.pack);
  const packSource = policy.schoolPack ? 'managed' : pack === null || pack === undefined ? null : 'local';
  const packAsksForEventLog = isRecord(pack) && pack.eventLog === true;
  const eventLogSource = policy.eventLog !== undefined ? 'policy' : local.eventLogChoice !== undefined ? 'you' : packAsksForEventLog ? 'pack' : 'default';
  const pupilsManaged = policy.pupils !== undefined || locked;
  const staffManaged = policy.staff !== undefined || locked;

  return {
    on: locked ? true : local.on,
    mode: policy.mode ?? local.mode,
    enabledSites,
    snoozedUntil: locked ? null : local.snoozedUntil,
    // managed > the user's own choice > the school's pack > off.
    eventLog: policy.eventLog ?? local.eventLogChoice ?? (packAsksForEventLog || DEFAULT_SETTINGS.eventLog),
    eventLogSource,
    packAsksForEventLog,
    pack: pack ?? null,
    packSource,
    pupils: pupilsManaged ? [...(policy.pupils ?? [])] : local.pupils,
    staff: staffManaged ? [...(policy.staff ?? [])] : local.staff,
    namesSource: { pupils: pupilsManaged ? 'managed' : 'local', staff: staffManaged ? 'managed' : 'local' },
    managedBy,
    locked,
    lockReasons: {
      on: locked ? byPolicy : null,
      mode: policy.mode !== undefined || locked ? byPolicy : null,
      sites: locked || sitesManaged ? byPolicy : null,
      snooze: locked ? byPolicy : null,
      eventLog: policy.eventLog !== undefined ? byPolicy : null,
      pack: policy.schoolPack || locked ? byPolicy : null,
      names: locked || policy.pupils !== undefined || policy.staff !== undefined ? byPolicy : null,
    },
    managedProblems: managed?.problems ?? [],
    managedReadAt: managed ? managed.savedAt : null,
  };
}

/**
 * The pack the content script compiles: the pack in force with the name lists merged into its
 * `people`, so `compilePack(config.pack)` sees the school's pupils and staff without a second
 * argument. Null when no pack is in force.
 */
export function packWithNames(pack: unknown, pupils: readonly PersonEntry[], staff: readonly PersonEntry[]): unknown {
  if (!isRecord(pack)) return pack ?? null;
  if (pupils.length === 0 && staff.length === 0) return pack;
  const people = isRecord(pack.people) ? pack.people : {};
  const own = (list: unknown): unknown[] => (Array.isArray(list) ? list : []);
  return { ...pack, people: { ...people, pupils: [...own(people.pupils), ...pupils], staff: [...own(people.staff), ...staff] } };
}
