import type { Issue } from './types.ts';

/** What an issue says: its fields as openapi.yaml's Issue has them, with an error for the whole body by default. */
export type IssueFields = Omit<Issue, 'severity' | 'instancePath'> & {
  readonly severity?: Issue['severity'];
  readonly instancePath?: string;
};

/** The one constructor of an issue, so every issue has its fields in one order (the order JSON reports show). */
export function createIssue(fields: IssueFields): Issue {
  const { severity = 'error', code, instancePath = '', specPointer, message, ...rest } = fields;
  return { severity, code, instancePath, specPointer, message, ...rest };
}
