import type { EffectiveSettings } from '../settings/resolve';

/** "Harrowby Fields Primary School's", or "your school's" when the pack names no school. */
function schoolPossessive(settings: EffectiveSettings): string {
  const pack = settings.pack as { school?: { name?: unknown } } | null;
  const name = typeof pack?.school?.name === 'string' && pack.school.name.trim() ? pack.school.name.trim() : null;
  return name ? `${name}'s` : "your school's";
}

/**
 * Who turned the local event log on or off, in one plain sentence, for the options page and
 * the popup: a log the user did not start must never be kept without them being told.
 */
export function eventLogStatus(settings: EffectiveSettings): string {
  const { eventLog, eventLogSource, packAsksForEventLog } = settings;
  switch (eventLogSource) {
    case 'policy':
      return `${eventLog ? 'Turned on' : 'Turned off'} by ${settings.managedBy ?? 'your school'}'s IT policy: it cannot be changed here.`;
    case 'pack':
      return `Turned on by ${schoolPossessive(settings)} rule pack. You can turn it off for yourself.`;
    case 'you':
      if (!eventLog && packAsksForEventLog) return `${schoolPossessive(settings)} rule pack turns the log on; you turned it off.`;
      return eventLog ? 'Turned on by you.' : 'Turned off by you.';
    default:
      return "Off: nothing is recorded unless you, your school's rule pack or its IT policy turn it on.";
  }
}
