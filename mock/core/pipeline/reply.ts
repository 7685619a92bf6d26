/** A response as plain data: built by the pipeline, turned into a response once, by the adapter that carries it. */
export interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export const textPlain = 'text/plain; charset=UTF-8';
export const applicationJson = 'application/json';
export const problemJson = 'application/problem+json';
