import { pipelineLimits } from '../../mock/core/pipeline/limits.ts';
import { defaultLimits } from '../../mock/server/limits.ts';

/**
 * The request limits every command that serves HTTP takes (the mock, the proxy), declared once with the defaults
 * the server applies; each answer past a limit is a problem document.
 */
export const requestLimitOptions = {
  'body-limit': {
    type: 'integer',
    min: 1,
    max: 2 ** 30,
    default: pipelineLimits.bodyLimit,
    value: 'BYTES',
    help: 'largest request body (413)',
  },
  'url-limit': {
    type: 'integer',
    min: 64,
    max: 2 ** 20,
    default: defaultLimits.urlLimit,
    value: 'BYTES',
    help: 'longest path and query (414)',
  },
  'header-limit': {
    type: 'integer',
    min: 1024,
    max: 2 ** 24,
    default: defaultLimits.headerLimit,
    value: 'BYTES',
    help: 'largest request line and headers (431)',
  },
} as const;
