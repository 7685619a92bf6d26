import { describe, expect, it } from 'vitest';
import { createRequestLogger } from '../../../mock/server/log.ts';
import { demo } from '../../support/demo.ts';

describe('request logs', () => {
  const record = {
    method: 'POST',
    path: '/integrations/int-tampere-roaming/locations',
    status: 400,
    ms: 1.234,
    issues: 2,
  };

  it('writes one JSON object per line', () => {
    const lines: string[] = [];
    createRequestLogger('json', (line) => lines.push(line))(record);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      method: 'POST',
      status: 400,
      ms: 1.23,
      issues: 2,
    });
  });

  it('writes one readable line', () => {
    const lines: string[] = [];
    createRequestLogger('pretty', (line) => lines.push(line), false)(record);
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} POST \/integrations\/int-tampere-roaming\/locations 400 1\.2 ms \(2 issues\)\n$/,
    );
  });

  it('never logs credentials sent in the query', async () => {
    const { makeMock, post } = await import('../helpers.ts');
    const lines: string[] = [];
    const mock = makeMock({ log: createRequestLogger('json', (line) => lines.push(line)) });
    await post(
      mock,
      '/integrations/int-tampere-roaming/locations?code=demo-function-code&clientId=tampereen-lataus',
      {},
      {
        'x-api-key': demo.apiKey,
      },
    );
    expect(lines).toHaveLength(1);
    expect(lines.join('')).not.toMatch(new RegExp(`${demo.code}|${demo.apiKey}`));
  });
});
