import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockNow, isoNow } from '../../../../mock/core/state/clock.ts';

describe('the mock clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the ISO time of now and its time of day', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-24T10:15:30.125Z') });
    expect(isoNow()).toBe('2026-11-24T10:15:30.125Z');
    expect(clockNow()).toBe('10:15:30.125');
  });

  it('moves on as soon as the millisecond changes', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-24T23:59:59.999Z') });
    expect(isoNow()).toBe('2026-11-24T23:59:59.999Z');
    vi.setSystemTime(Date.parse('2026-11-25T00:00:00.000Z'));
    expect(clockNow()).toBe('00:00:00.000');
    expect(isoNow()).toBe('2026-11-25T00:00:00.000Z');
  });
});
