// npm run abuse -- [--bodies 2000] [--requests 150000] [--json]: what real harnesses and clients do to a mock.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { adminPaths } from '../../src/generated/admin-facts.ts';
import { postHead, writeFirst } from '../../test/mock/server/write-first.ts';
import { median } from '../bench/load.ts';
import { headers, integrationPath } from '../bench/servers.ts';
import { recordFigures } from '../doc-figures.ts';
import {
  healthOf,
  listenOverflows,
  mib,
  rssMiB,
  startMockChild,
  timedGet,
  timedPost,
  type Verdict,
} from './abuse-parts.ts';

// The figures printed below are written into the docs when the run ends (`--json` leaves the docs alone).
recordFigures('abuse');

const { values } = parseArgs({
  options: {
    bodies: { type: 'string', default: '2000' },
    requests: { type: 'string', default: '150000' },
    json: { type: 'boolean', default: false },
  },
});
const verdicts: Verdict[] = [];
const say = (verdict: Verdict) => {
  verdicts.push(verdict);
  if (!values.json)
    process.stdout.write(`${verdict.pass ? 'PASS' : 'FAIL'} ${verdict.name}: ${verdict.figure}\n`);
};
/** An autocannon run whose instance can be listened to, and its result. */
const cannon = (options: autocannon.Options) => {
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
  return { instance: instance as unknown as autocannon.Instance, done };
};
const max = (list: number[]) => list.reduce((a, b) => Math.max(a, b), 0);

// 1 and 2: near-limit valid bodies (a 900,000-character name is valid), with the listings read meanwhile.
{
  const mock = await startMockChild(true);
  const bodies = Number(values.bodies);
  const body = JSON.stringify({ name: `Hatanpää ${'x'.repeat(900_000)}`, city: 'Tampere', country: 'FIN' });
  const rssStart = rssMiB(mock.child.pid ?? 0);
  let rssPeak = rssStart;
  const load = cannon({
    url: mock.url + integrationPath,
    method: 'POST',
    headers,
    body,
    connections: 4,
    amount: bodies,
    timeout: 30,
  });
  let loading = true;
  const done = load.done.finally(() => {
    loading = false;
  });
  const listings: { status: number; ms: number; bytes: number }[] = [];
  const probes: { status: number; ms: number }[] = [];
  let pages = 0;
  while (loading) {
    rssPeak = Math.max(rssPeak, rssMiB(mock.child.pid ?? 0));
    // A normal request sent while each listing is being built: it must not wait for it.
    for (const path of [
      `${adminPaths.listLocations}?limit=1000`,
      `${adminPaths.listRequests}?limit=1000`,
      adminPaths.listLocations,
    ]) {
      const [listing, probe] = await Promise.all([timedGet(mock.url + path), timedPost(mock.url)]);
      listings.push(listing);
      probes.push(probe);
    }
    // Walk every page of the locations once per round.
    let cursor: string | null = null;
    do {
      const page = await timedGet(
        `${mock.url}${adminPaths.listLocations}?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
      );
      listings.push(page);
      cursor = (page.body as { next?: string | null } | undefined)?.next ?? null;
      pages++;
    } while (cursor !== null && loading);
  }
  const result = await done;
  const health = await healthOf(mock.url);
  const rssEnd = rssMiB(mock.child.pid ?? 0);
  const growth = Math.max(rssPeak, rssEnd) - rssStart;
  say({
    name: `${bodies} valid bodies of ${Math.round(body.length / 1000)} KB`,
    pass: result['2xx'] === bodies && result.errors + result.timeouts === 0 && growth < 300,
    figure: `${result['2xx']} x 200, RSS ${mib(rssStart)} at start, peak ${mib(rssPeak)}, ${mib(rssEnd)} at the end (+${mib(growth)}, limit +300 MiB); store ${health.store.items} held, ${health.store.evicted} evicted`,
  });
  // Under the flood the mock is saturated (its CPU, the load generator's and everyone's share two cores): a
  // listing must cost no more than a normal request waiting in the same queue.
  const bad = listings.filter((listing) => listing.status !== 200).length;
  const listingMs = median(listings.map((l) => l.ms));
  const probeMs = median(probes.map((p) => p.ms));
  say({
    name: 'listings during the flood',
    pass: bad === 0 && listingMs <= 2 * probeMs + 50,
    figure: `${listings.length} listings (${pages} pages walked), ${bad} not 200, median ${listingMs.toFixed(0)} ms (limit 2 x ${probeMs.toFixed(0)} + 50 ms, a normal request's median meanwhile), largest ${(max(listings.map((l) => l.bytes)) / 1024).toFixed(0)} KiB`,
  });
  // After it, each listing of the full store, and a normal request sent while it is built.
  const after: { status: number; ms: number }[] = [];
  const during: number[] = [];
  for (let i = 0; i < 20; i++) {
    for (const path of [
      `${adminPaths.listLocations}?limit=1000`,
      `${adminPaths.listRequests}?limit=1000`,
      adminPaths.listLocations,
    ]) {
      const [listing, probe] = await Promise.all([timedGet(mock.url + path), timedPost(mock.url)]);
      after.push(listing);
      during.push(probe.ms);
    }
  }
  const slowest = max(after.map((l) => l.ms));
  say({
    name: 'listings after the flood',
    pass: after.every((l) => l.status === 200) && slowest < 300 && max(during) < 300,
    figure: `${after.length} listings of ${health.store.items} locations and ${health.journal.bytes} journal bytes, slowest ${slowest.toFixed(0)} ms (limit 300); a request sent during a listing answered in ${max(during).toFixed(0)} ms at worst (limit 300)`,
  });

  // 3: a client that writes its whole oversize body before reading, with and without Connection: close.
  const oversize = Buffer.alloc(8 * 1024 * 1024, 0x20);
  let read = 0;
  const tries = 100;
  for (let i = 0; i < tries; i++) {
    const extra = i % 2 === 0 ? ['connection: close'] : [];
    if ((await writeFirst(mock.port, postHead(mock.port, oversize.length, extra), oversize)).status === 413)
      read++;
  }
  say({
    name: 'lingering close',
    pass: read === tries,
    figure: `${read}/${tries} write-first clients with an 8 MiB body read the 413 (half with connection: close)`,
  });

  // 4: a burst of 1,000 concurrent connections.
  const overflowsBefore = listenOverflows();
  const burst = await autocannon({
    url: mock.url + integrationPath,
    method: 'POST',
    headers,
    body: '{"name":"burst"}',
    connections: 1000,
    duration: 10,
  });
  const overflows = listenOverflows() - overflowsBefore;
  say({
    name: '1,000 connections',
    pass: burst.errors === 0 && burst.timeouts === 0 && burst.non2xx === 0,
    figure: `${burst.requests.total} requests in 10 s (${Math.round(burst.requests.average)} req/s), errors ${burst.errors}, timeouts ${burst.timeouts}, p99 ${burst.latency.p99} ms, listen-queue overflows ${overflows}`,
  });
  await mock.stop();
}

// 5: stdout piped and never read, 150k requests, then SIGTERM; against the same run with stdout read.
const flood = async (readStdout: boolean) => {
  const mock = await startMockChild(readStdout);
  const rss: number[] = [];
  let answered = 0;
  const run = cannon({
    url: mock.url + integrationPath,
    method: 'POST',
    headers,
    body: '{"name":"Hatanpää","city":"Tampere","country":"FIN"}',
    connections: 20,
    amount: Number(values.requests),
  });
  run.instance.on('response', () => {
    if (++answered % 5_000 === 0) rss.push(rssMiB(mock.child.pid ?? 0));
  });
  const result = await run.done;
  const health = await healthOf(mock.url);
  // The median of the last third of the samples: single samples swing with the heap's sawtooth.
  const late = median(rss.slice(Math.floor((2 * rss.length) / 3)));
  return { mock, result, health, late, first: rss[1] ?? 0 };
};
{
  const read = await flood(true);
  await read.mock.stop();
  const unread = await flood(false);
  const exit = await unread.mock.stop();
  const reported = /(\d+) log lines .* were dropped/.exec(unread.mock.stderr())?.[1];
  const { stdout } = unread.health.output;
  const excess = unread.late / read.late - 1;
  say({
    name: 'undrained stdout',
    pass:
      unread.result.errors + unread.result.timeouts === 0 &&
      excess < 0.1 &&
      stdout.lines > 0 &&
      stdout.queuedBytes <= 1.1 * 1024 * 1024,
    figure: `${unread.result['2xx']} x 200, RSS ${mib(unread.first)} after 10k requests, median ${mib(unread.late)} over the last third against ${mib(read.late)} with stdout read (${(excess * 100).toFixed(1)}%, limit 10%); ${stdout.lines} log lines dropped, ${(stdout.queuedBytes / 1024).toFixed(0)} KiB queued (limit 1 MiB and one batch)`,
  });
  say({
    name: 'SIGTERM with stdout blocked',
    pass: exit.code === 0 && exit.ms < 5000 && reported !== undefined,
    figure: `exit ${exit.code} after ${exit.ms.toFixed(0)} ms (limit 5000); at exit: ${reported ?? 'no'} dropped lines reported on stderr`,
  });
}

const failed = verdicts.filter((verdict) => !verdict.pass);
if (values.json) process.stdout.write(`${JSON.stringify({ verdicts, ok: failed.length === 0 }, null, 2)}\n`);
else process.stdout.write(failed.length === 0 ? 'PASS\n' : `FAIL (${failed.length} of ${verdicts.length})\n`);
process.exitCode = failed.length === 0 ? 0 : 1;
