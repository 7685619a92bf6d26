/**
 * A JUnit XML document of one suite, as CI systems read it: `counts` are the attributes (`tests="3"
 * failures="1"`) the document and its suite share, `suite` the suite's name (markup escaped), `cases` its
 * `<testcase>` elements.
 */
export function junitOneSuite(
  command: string,
  suite: string,
  counts: string,
  cases: readonly string[],
): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ocpi-location-kit ${command}" ${counts}>`,
    `<testsuite name="${suite}" ${counts}>`,
    ...cases,
    '</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
