// The package's `ocpi-location-kit/mock` entry: the mock in-process (`createMockApp`) and on a port (`serveMock`).

export { loadSpec, parseSpec } from '../src/node/load-spec.ts';
export { createMockApp, type MockApp, type MockOptions } from './app.ts';
export type { LogRecord, RequestLogger } from './core/pipeline/run-request.ts';
export type { CustomerFixture, Fixtures } from './core/state/fixtures.ts';
export type { JournalEntry } from './core/state/journal.ts';
export type { CreatedLocation } from './core/state/store.ts';
export type { MockState } from './routes/admin.ts';
export type { CorsOrigins } from './routes/cors.ts';
export { type RunningMock, type ServeOptions, serveMock } from './server/node-server.ts';
