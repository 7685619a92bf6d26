/** The media types the API and the mock speak, written once (RFC 9457 for problem details). */
export const textPlain = 'text/plain; charset=UTF-8';
export const applicationJson = 'application/json';
export const problemJson = 'application/problem+json';
