import type { Hono } from 'hono';
import { adminPaths, adminPrefix } from '../../src/generated/admin-facts.ts';
import type { Problems } from '../core/pipeline/problem.ts';
import { type Redactor, sameSecret } from '../core/pipeline/secrets.ts';
import { checkFixtures } from '../core/state/fixtures.ts';
import type { IdSource } from '../core/state/ids.ts';
import type { Journal } from '../core/state/journal.ts';
import type { Ring } from '../core/state/ring.ts';
import type { CreatedLocation, Store } from '../core/state/store.ts';
import { pageOf, readPageQuery } from './admin-listing.ts';
import { send } from './send.ts';

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
  /** Facts of the process the mock runs in (resident memory, dropped output), where it has them. */
  processHealth: () => Record<string, unknown> = () => ({}),
): void {
  const started = Date.now();
  if (adminToken !== undefined) {
    app.use(`${adminPrefix}/*`, async (c, next) => {
      const sent = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header('authorization') ?? '')?.[1];
      if (sent !== undefined && sameSecret(sent, adminToken)) return next();
      return send(c, problems.adminUnauthorised(sent !== undefined, c.req.path));
    });
  }
  app.get(adminPaths.getHealth, (c) => {
    const { locations } = state.store;
    const journal = state.journal.ring;
    return c.json({
      status: 'ok',
      operation,
      customers: state.store.customerCount(),
      locations: locations.size,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      ...processHealth(),
      store: usage(locations),
      journal: usage(journal),
    });
  });
  app.get(adminPaths.listRequests, (c) => {
    const query = readPageQuery(c.req.query('limit'), c.req.query('cursor'));
    if (!query.ok) return send(c, problems.adminInvalid(query.message, c.req.path));
    const journal = state.journal.ring;
    const page = pageOf(journal, query.value);
    const head = `{"capacity":${journal.capacity},"dropped":${journal.dropped},"next":${JSON.stringify(page.next)},"capped":${page.capped},"entries":[`;
    c.header('content-type', 'application/json');
    return c.body(state.redact(`${head}${page.items.join(',')}]}`));
  });
  app.get(adminPaths.listLocations, (c) => {
    const query = readPageQuery(c.req.query('limit'), c.req.query('cursor'));
    if (!query.ok) return send(c, problems.adminInvalid(query.message, c.req.path));
    const only = c.req.query('integrationId');
    const { locations } = state.store;
    const keep = (location: CreatedLocation) => only === undefined || location.integrationId === only;
    let total = 0;
    for (let seq = locations.start; seq < locations.end; seq++)
      if (keep(locations.at(seq) as CreatedLocation)) total++;
    const page = pageOf(locations, query.value, keep, ({ integrationId: _, ...location }) => location);
    // Grouped per integration from the serialised items: nothing is serialised twice.
    const groups = new Map<string, string[]>();
    page.values.forEach(({ integrationId }, i) => {
      const group = groups.get(integrationId) ?? [];
      group.push(page.items[i] as string);
      groups.set(integrationId, group);
    });
    const integrations = [...groups].map(([id, items]) => `${JSON.stringify(id)}:[${items.join(',')}]`);
    const head = `{"total":${total},"count":${page.items.length},"dropped":${locations.dropped},"next":${JSON.stringify(page.next)},"capped":${page.capped}`;
    const body = `${head},"integrations":{${integrations.join(',')}}}`;
    c.header('content-type', 'application/json');
    return c.body(state.redact(body));
  });
  app.post(adminPaths.reset, (c) => {
    state.reset();
    return c.json({ reset: true });
  });
  app.post(adminPaths.addFixtures, async (c) => {
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

/** What a bounded buffer holds and what it had to let go. */
function usage(ring: Ring<unknown>) {
  return {
    items: ring.size,
    capacity: ring.capacity,
    bytes: ring.bytes,
    maxBytes: ring.maxBytes,
    evicted: ring.dropped,
    evictedBytes: ring.droppedBytes,
  };
}
