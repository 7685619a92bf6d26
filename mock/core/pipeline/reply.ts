/** A response as plain data: built by the pipeline, turned into a response once, by the adapter that carries it. */
export interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}
