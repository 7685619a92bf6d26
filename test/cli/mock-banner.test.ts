import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockProcess, startMockCli } from './mock-process.ts';

describe('the mock start-up banner', () => {
  let mock: MockProcess;
  beforeAll(async () => {
    mock = await startMockCli([]);
  });
  afterAll(async () => {
    await mock.stop();
  });

  it('names the payload checker and the API reference, and both answer with a page', async () => {
    const banner = mock.stdout();
    expect(banner).toContain(`payload check  ${mock.url}/\n`);
    expect(banner).toContain(`API reference  ${mock.url}/docs\n`);
    for (const page of ['/', '/docs']) {
      const response = await fetch(mock.url + page);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
    }
  });

  it('prints a curl line that creates a location when replayed', async () => {
    const line = /curl -i -X POST '([^']+)' -H '([^:]+): ([^']+)' -H '([^:]+): ([^']+)' -d '([^']+)'/.exec(
      mock.stdout(),
    );
    expect(line).not.toBeNull();
    const [, url, name1, value1, name2, value2, body] = line as unknown as string[];
    const response = await fetch(url as string, {
      method: 'POST',
      headers: { [name1 as string]: value1 as string, [name2 as string]: value2 as string },
      body,
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toMatch(/^Loc-/);
  });
});

describe('the mock start-up event with --log-format json', () => {
  it('carries the url, the checker and the reference', async () => {
    const mock = await startMockCli(['--log-format', 'json']);
    try {
      const event = JSON.parse(mock.stdout().split('\n')[0] as string) as Record<string, unknown>;
      expect(event).toMatchObject({
        event: 'listening',
        url: mock.url,
        checker: `${mock.url}/`,
        docs: `${mock.url}/docs`,
      });
    } finally {
      await mock.stop();
    }
  });
});
