import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A provider of our own, written apart from the mock, that answers every request with `answer`. */
export interface FakeUpstream {
  readonly url: string;
  /** How many requests reached it. */
  readonly hits: () => number;
  close(): Promise<void>;
}

/** Starts a provider on a free loopback port; `answer` decides each reply from the request and its body. */
export async function startUpstream(
  answer: (req: IncomingMessage, body: string, res: ServerResponse) => void,
): Promise<FakeUpstream> {
  let hits = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      hits += 1;
      answer(req, Buffer.concat(chunks).toString('utf8'), res);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
