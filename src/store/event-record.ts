import * as z from 'zod';
import { CATEGORY_IDS, SEVERITIES } from '../rules/types';
import { SITE_IDS } from '../settings/schema';

/**
 * The shape of one event-log entry, below both the database (which stores it) and the
 * log's operations (which take the database): neither imports the other's module for it.
 */
export const EVENT_ACTIONS = ['edited', 'posted-anyway', 'ignored-once'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export const EVENT_ACTION_LABELS: Record<EventAction, string> = {
  edited: 'Edited the post',
  'posted-anyway': 'Posted anyway',
  'ignored-once': 'Ignored once',
};

/** Entries older than this are dropped (issue 4). */
export const EVENT_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * What the content script reports. Strict, and no free text: the log can hold neither the post
 * nor the names matched, because there is no field to put them in.
 */
export const EventReportSchema = z.strictObject({
  site: z.enum(SITE_IDS),
  category: z.enum(CATEGORY_IDS),
  ruleId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a detector id'),
  severity: z.enum(SEVERITIES),
  action: z.enum(EVENT_ACTIONS),
});
export type EventReport = z.infer<typeof EventReportSchema>;

export interface LoggedEvent extends EventReport {
  id?: number;
  /** Epoch ms, set by the background when it records the event. */
  time: number;
}
