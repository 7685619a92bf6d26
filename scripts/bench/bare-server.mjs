// The floor of the benchmark: the least a Node server can do for this API. It reads the body, parses the JSON
// and answers {"id": ...}. No routing, no validation, no logging.
import { createServer } from 'node:http';

let next = 0;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const body = JSON.stringify({ id: `Loc-${(next++).toString(36).toUpperCase()}` });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('Something went wrong');
    }
  });
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
