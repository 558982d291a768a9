import { describe, expect, it } from 'vitest';
import { isInMotion, noticeKindLabel } from './migrationFormat';

describe('a batch in motion (the screens keep refreshing it)', () => {
  const now = Date.parse('2026-12-01T09:00:00Z');

  it('is running, or scheduled for a time already past (Run now) and waiting to be claimed', () => {
    expect(isInMotion({ status: 'running', scheduledAt: '2026-12-14T09:00:00Z' }, now)).toBe(true);
    expect(isInMotion({ status: 'scheduled', scheduledAt: '2026-12-01T08:59:59Z' }, now)).toBe(true);
  });

  it('is not a batch scheduled later, nor one that has settled', () => {
    expect(isInMotion({ status: 'scheduled', scheduledAt: '2026-12-14T09:00:00Z' }, now)).toBe(false);
    expect(isInMotion({ status: 'completed', scheduledAt: '2026-11-30T09:00:00Z' }, now)).toBe(false);
    expect(isInMotion({ status: 'cancelled', scheduledAt: '2026-11-30T09:00:00Z' }, now)).toBe(false);
  });
});

describe("a batch's notices, said for operators", () => {
  it('names the partners\' low-activation digest among them', () => {
    expect(noticeKindLabel('low-activation')).toBe('Low activation digest');
    expect(noticeKindLabel('upcoming')).toBe('Upcoming');
  });
});
