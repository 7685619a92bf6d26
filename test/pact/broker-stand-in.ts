import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One pact the stand-in offers for verification, with the properties a real broker would compute. */
export interface OfferedPact {
  readonly consumer: string;
  /** The pact document (consumer, provider, interactions, metadata). */
  readonly pact: Record<string, unknown>;
  readonly pending?: boolean;
  /** Offered only when the verifier asks for WIP pacts (includeWipPactsSince). */
  readonly wip?: boolean;
  /** The broker's reasons for selecting the pact (`notices[].text`). */
  readonly notices?: readonly string[];
}

/** A request the stand-in received, as the verifier sent it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** A running stand-in of the Pact Broker's HAL API. */
export interface BrokerStandIn {
  readonly url: string;
  /** Every request, in order. */
  readonly requests: RecordedRequest[];
  /** The body of the pacts-for-verification POST (selectors, pending, WIP, branch). */
  forVerification(): Record<string, unknown> | undefined;
  /** The verification results published, by consumer. */
  results(): { consumer: string; body: Record<string, unknown> }[];
  /** The provider branch versions published (`PUT .../branches/{branch}/versions/{version}`). */
  branchVersions(): string[];
  close(): Promise<void>;
}

const hal = { 'content-type': 'application/hal+json' };

/**
 * A small stand-in of the Pact Broker's HTTP API, enough for the native verifier's broker flow: the index, the
 * provider's pacts for verification (GET, then POST with the selectors), each pact with its publish link, the
 * provider resource with its branch-version link, and the verification results; for the pact-broker CLI, the
 * matrix of can-i-deploy and a version's record-deployment link. It selects nothing itself: it offers its pacts
 * (WIP ones only when asked) and records what it was sent, so tests assert on that.
 */
export async function serveBrokerStandIn(
  provider: string,
  offered: readonly OfferedPact[],
): Promise<BrokerStandIn> {
  const requests: RecordedRequest[] = [];
  let base = '';
  const forVerification = `/pacts/provider/${encodeURIComponent(provider)}/for-verification`;
  const pactPath = (index: number) =>
    `/pacts/provider/${encodeURIComponent(provider)}/consumer/${encodeURIComponent(offered[index]?.consumer ?? '')}/pact-version/${index}`;
  const results = () =>
    requests
      .filter((r) => r.method === 'POST' && r.path.endsWith('/verification-results'))
      .map((r) => ({
        consumer: decodeURIComponent(/\/consumer\/([^/]+)\//.exec(r.path)?.[1] ?? ''),
        body: r.body as Record<string, unknown>,
      }));
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Kept as text.
    }
    const path = decodeURIComponent(new URL(request.url ?? '/', base).pathname);
    const method = request.method ?? 'GET';
    requests.push({ method, path, headers: request.headers, body });
    const send = (status: number, value: unknown) => {
      response.writeHead(status, hal);
      response.end(JSON.stringify(value));
    };
    if (method === 'GET' && path === '/') {
      return send(200, {
        _links: {
          'pb:provider-pacts-for-verification': {
            href: `${base}/pacts/provider/{provider}/for-verification`,
            templated: true,
          },
        },
      });
    }
    if (path === decodeURIComponent(forVerification)) {
      if (method === 'GET') return send(200, { _links: { self: { href: `${base}${forVerification}` } } });
      const asked = (body ?? {}) as { includePendingStatus?: boolean; includeWipPactsSince?: string };
      const pacts = offered
        .map((offer, index) => ({ offer, index }))
        .filter(({ offer }) => !offer.wip || asked.includeWipPactsSince !== undefined)
        .map(({ offer, index }) => ({
          shortDescription: `latest from ${offer.consumer}`,
          verificationProperties: {
            ...(asked.includePendingStatus ? { pending: offer.pending === true } : {}),
            ...(offer.wip ? { wip: true } : {}),
            notices: (offer.notices ?? []).map((text) => ({ when: 'before_verification', text })),
          },
          _links: { self: { href: `${base}${pactPath(index)}`, name: `Pact from ${offer.consumer}` } },
        }));
      return send(200, { _embedded: { pacts } });
    }
    const pactMatch =
      /^\/pacts\/provider\/[^/]+\/consumer\/[^/]+\/pact-version\/(\d+)(\/verification-results)?$/.exec(path);
    const offer = pactMatch ? offered[Number(pactMatch[1])] : undefined;
    if (pactMatch && offer && method === 'GET' && !pactMatch[2]) {
      return send(200, {
        ...offer.pact,
        _links: {
          'pb:publish-verification-results': {
            href: `${base}${pactPath(Number(pactMatch[1]))}/verification-results`,
          },
          'pb:provider': { href: `${base}/pacticipants/${encodeURIComponent(provider)}` },
        },
      });
    }
    if (pactMatch && offer && method === 'POST' && pactMatch[2]) return send(201, { success: true });
    if (method === 'GET' && path === `/pacticipants/${provider}`) {
      return send(200, {
        name: provider,
        _links: {
          'pb:branch-version': {
            href: `${base}/pacticipants/${encodeURIComponent(provider)}/branches/{branch}/versions/{version}`,
            templated: true,
          },
        },
      });
    }
    if (method === 'PUT' && path.startsWith(`/pacticipants/${provider}/branches/`)) return send(200, {});
    // The pact-broker CLI's can-i-deploy: deployable when every result published so far is a success.
    if (method === 'GET' && path === '/matrix') {
      const published = results();
      const failed = published.filter((r) => r.body.success !== true).length;
      const deployable = published.length > 0 && failed === 0;
      return send(200, {
        summary: {
          deployable,
          reason: deployable
            ? 'All required verification results are published and successful'
            : 'stand-in: not verified',
          success: published.length - failed,
          failed,
          unknown: published.length === 0 ? 1 : 0,
        },
        matrix: [],
        notices: [],
      });
    }
    // The pact-broker CLI's record-deployment: the version names its environments, the deployment is posted there.
    const version =
      /^\/pacticipants\/([^/]+)\/versions\/([^/]+)(\/deployed-versions\/environment\/(.+))?$/.exec(path);
    if (version && method === 'GET' && !version[3]) {
      const href = `${base}/pacticipants/${version[1]}/versions/${version[2]}/deployed-versions/environment/production`;
      return send(200, {
        number: version[2],
        _links: { 'pb:record-deployment': [{ name: 'production', title: 'Production', href }] },
      });
    }
    if (version && method === 'POST' && version[3]) return send(201, { currentlyDeployed: true });
    send(404, { error: `the stand-in has no ${method} ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    forVerification: () =>
      requests.find((r) => r.method === 'POST' && r.path.endsWith('/for-verification'))?.body as
        | Record<string, unknown>
        | undefined,
    results,
    branchVersions: () =>
      requests
        .filter((r) => r.method === 'PUT' && r.path.includes('/branches/'))
        .map((r) => r.path.replace(/^\/pacticipants\/[^/]+\/branches\//, '')),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
