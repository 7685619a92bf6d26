#!/usr/bin/env node
// Entry point of the `ocpi-location-kit` command: loads the TypeScript sources through tsx, so that the command
// works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
