import type { Command } from './command.ts';

/**
 * Every command, by the name users type. Each is loaded only when called, so `validate` does not pay for the
 * mock or pact-js at start-up.
 */
export const commands: Readonly<Record<string, () => Promise<Command>>> = {
  validate: async () => (await import('./validate-command.ts')).validateCommand,
  'from-ocpi': async () => (await import('./from-ocpi-command.ts')).fromOcpiCommand,
  compare: async () => (await import('./compare-command.ts')).compareCommand,
  verify: async () => (await import('./verify-command.ts')).verifyCommand,
  mock: async () => (await import('./mock-command.ts')).mockCommand,
  checker: async () => (await import('./checker-command.ts')).checkerCommand,
  probe: async () => (await import('./probe-command.ts')).probeCommand,
  proxy: async () => (await import('./proxy-command.ts')).proxyCommand,
};
