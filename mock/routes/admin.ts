import type { Hono } from 'hono';
import type { Problems } from '../pipeline/problem.ts';
import { send } from '../pipeline/reply.ts';
import { type Redactor, sameSecret } from '../pipeline/secrets.ts';
import { checkFixtures } from '../state/fixtures.ts';
import type { IdSource } from '../state/ids.ts';
import type { Journal } from '../state/journal.ts';
import type { CreatedLocation, Store } from '../state/store.ts';

/** The reserved prefix of the mock's own routes; the API never uses it. */
export const adminPrefix = '/__mock';

/** The mock's state, for tests in the same process and for the `/__mock` routes. */
export interface MockState {
  readonly store: Store;
  readonly journal: Journal;
  readonly ids: IdSource;
  /** Masks the store's known secrets in a text (the journal's and listings' answers). */
  readonly redact: Redactor;
  /** Forgets locations, requests and run-time fixtures; ids start again from the seed. */
  reset(): void;
}

/**
 * Mounts `GET health|requests|locations` and `POST reset|fixtures` under `/__mock`. With `adminToken`, every
 * one of them needs `Authorization: Bearer <token>` (RFC 6750), compared in constant time.
 */
export function mountAdmin(
  app: Hono,
  state: MockState,
  problems: Problems,
  operation: string,
  adminToken?: string,
): void {
  const started = Date.now();
  if (adminToken !== undefined) {
    app.use(`${adminPrefix}/*`, async (c, next) => {
      const sent = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header('authorization') ?? '')?.[1];
      if (sent !== undefined && sameSecret(sent, adminToken)) return next();
      return send(c, problems.adminUnauthorised(sent !== undefined, c.req.path));
    });
  }
  app.get(`${adminPrefix}/health`, (c) =>
    c.json({
      status: 'ok',
      operation,
      customers: state.store.customerCount(),
      locations: state.store.locations.size,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      rssBytes: process.memoryUsage.rss(),
    }),
  );
  app.get(`${adminPrefix}/requests`, (c) => {
    const limit = c.req.query('limit');
    const list = state.journal.list(limit === undefined ? undefined : Math.max(0, Number(limit) || 0));
    c.header('content-type', 'application/json');
    return c.body(state.redact(JSON.stringify(list)));
  });
  app.get(`${adminPrefix}/locations`, (c) => {
    const only = c.req.query('integrationId');
    const integrations: Record<string, Omit<CreatedLocation, 'integrationId'>[]> = {};
    let total = 0;
    for (const { integrationId, ...location } of state.store.locations.toArray()) {
      if (only !== undefined && integrationId !== only) continue;
      const list = integrations[integrationId] ?? [];
      list.push(location);
      integrations[integrationId] = list;
      total++;
    }
    return c.json({ total, dropped: state.store.locations.dropped, integrations });
  });
  app.post(`${adminPrefix}/reset`, (c) => {
    state.reset();
    return c.json({ reset: true });
  });
  app.post(`${adminPrefix}/fixtures`, async (c) => {
    let value: unknown;
    try {
      value = JSON.parse(await c.req.text());
    } catch {
      return send(c, problems.adminInvalid('The body is not valid JSON.', c.req.path));
    }
    const checked = checkFixtures(value);
    if (!checked.ok) return send(c, problems.adminInvalid(`Fixtures: ${checked.message}.`, c.req.path));
    const counts = state.store.add(checked.value);
    return c.json({ ...counts, customers: state.store.customerCount() });
  });
}
