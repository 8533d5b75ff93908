import { describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => [] as unknown[]);
vi.mock('wxt/browser', () => ({ browser: { runtime: { sendMessage: async (message: unknown) => (sent.push(message), true) } } }));

const { logFindingEvents } = await import('../../src/messaging');
const { EventReportSchema } = await import('../../src/store/events');

describe('logFindingEvents', () => {
  it('sends only the fields the event log keeps, never the excerpt or the message', async () => {
    const finding = {
      category: 'pupil' as const,
      ruleId: 'pupil-name',
      severity: 'block' as const,
      messageId: 'pupil-name',
      data: { name: 'Grace Hetherington' },
      message: 'This names Grace Hetherington, a pupil at your school.',
      excerpt: 'Grace Hetherington',
      spans: [{ start: 10, end: 28 }],
      clause: { id: 'pupil-identity', ref: '4.2', text: 'Staff must not name…', policyTitle: 'Policy' },
    };
    logFindingEvents('facebook', [finding], 'posted-anyway');
    await Promise.resolve();
    expect(sent).toEqual([{ type: 'postcheck:log-event', event: { site: 'facebook', category: 'pupil', ruleId: 'pupil-name', severity: 'block', action: 'posted-anyway' } }]);
    expect(JSON.stringify(sent)).not.toContain('Grace');
    expect(EventReportSchema.safeParse((sent[0] as { event: unknown }).event).success).toBe(true);
  });
});
