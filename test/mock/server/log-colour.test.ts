import { afterEach, describe, expect, it } from 'vitest';
import { createRequestLogger } from '../../../mock/server/log.ts';

const record = { method: 'POST', path: '/integrations/int-1/locations', status: 400, ms: 1.2, issues: 0 };
const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** The line the pretty log writes by default under the given colour variables. */
function line(env: { NO_COLOR?: string; FORCE_COLOR?: string }): string {
  delete process.env.NO_COLOR;
  delete process.env.FORCE_COLOR;
  Object.assign(process.env, env);
  const lines: string[] = [];
  createRequestLogger('pretty', (text) => lines.push(text))(record);
  return lines[0] ?? '';
}

describe("the mock's request log", () => {
  it('paints the status when FORCE_COLOR asks, even off a terminal', () => {
    expect(line({ FORCE_COLOR: '1' })).toContain('\x1b[33m400\x1b[0m');
  });

  it('never paints with NO_COLOR', () => {
    expect(line({ NO_COLOR: '1' })).not.toContain('\x1b[');
  });

  it('does not paint off a terminal by default', () => {
    expect(process.stdout.isTTY).not.toBe(true);
    expect(line({})).not.toContain('\x1b[');
  });
});
