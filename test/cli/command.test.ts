import { describe, expect, it } from 'vitest';
import { pipelineLimits } from '../../mock/core/pipeline/limits.ts';
import { defaultStateLimits } from '../../mock/core/state/limits.ts';
import { defaultLimits } from '../../mock/server/limits.ts';
import { commands } from '../../src/cli/commands.ts';
import { didYouMean, parseArgv, UsageError } from '../../src/cli/parse-argv.ts';
import { defaultCheckerPort, defaultHost, defaultMockPort } from '../../src/core/defaults.ts';
import { runCli } from './mock-process.ts';

const names = Object.keys(commands);

describe('every command', () => {
  it.concurrent.for(names)(
    'answers an unknown option of %s with one line on stderr and exit 2',
    async (name) => {
      const run = await runCli([name, '--no-such-option']);
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr: `ocpi-location-kit: ${name}: unknown option --no-such-option (see ocpi-location-kit ${name} --help)\n`,
      });
    },
  );

  it.concurrent.for(names)('prints help for %s built from its declaration, exit 0', async (name) => {
    const run = await runCli([name, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`Usage: ocpi-location-kit ${name}`)).toBe(true);
    expect(run.stdout).toContain('-h, --help');
    expect(run.stderr).toBe('');
  });

  it('suggests the command a typo meant', async () => {
    const run = await runCli(['valdiate']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toContain('unknown command "valdiate"; did you mean "validate"?');
  });
});

describe('the help', () => {
  it('takes the mock defaults from the constants the code applies', async () => {
    const help = (await (await commands.mock?.())?.help()) ?? '';
    const line = (flag: string) => help.split('\n').find((row) => row.trimStart().startsWith(flag)) ?? '';
    expect(line('-p, --port')).toContain(`default ${defaultMockPort}`);
    expect(line('--host')).toContain(`default ${defaultHost}`);
    expect(line('--body-limit')).toContain(`default ${pipelineLimits.bodyLimit}`);
    expect(line('--url-limit')).toContain(`default ${defaultLimits.urlLimit}`);
    expect(line('--header-limit')).toContain(`default ${defaultLimits.headerLimit}`);
    expect(line('--headers-timeout')).toContain(`default ${defaultLimits.headersTimeoutMs}`);
    expect(line('--request-timeout')).toContain(`default ${defaultLimits.requestTimeoutMs}`);
    expect(line('--keep-alive-timeout')).toContain(`default ${defaultLimits.keepAliveTimeoutMs}`);
    expect(line('--max-locations')).toContain(`default ${defaultStateLimits.maxLocations}`);
    expect(line('--store-bytes')).toContain(`default ${defaultStateLimits.storeBytes}`);
    expect(line('--journal-bytes')).toContain(`default ${defaultStateLimits.journalBytes}`);
  });

  it('takes the checker port from its constant', async () => {
    const help = (await (await commands.checker?.())?.help()) ?? '';
    expect(help).toContain(`default ${defaultCheckerPort}`);
  });
});

const options = {
  port: { type: 'integer', short: 'p', min: 0, max: 65535, default: 4010, help: '' },
  format: { type: 'string', choices: ['text', 'json'], default: 'text', help: '' },
  key: { type: 'string', multiple: true, help: '' },
  token: { type: 'string', env: 'TOKEN', help: '' },
  strict: { type: 'boolean', help: '' },
} as const;

describe('parseArgv', () => {
  it('reads long, short, inline and repeated options, positionals and defaults', () => {
    const parsed = parseArgv(options, [
      '-p',
      '81',
      '--format=json',
      '--key',
      'a',
      'x',
      '--key',
      'b',
      '-',
      '--strict',
    ]);
    expect(parsed.values).toEqual({
      port: 81,
      format: 'json',
      key: ['a', 'b'],
      token: undefined,
      strict: true,
    });
    expect(parsed.positionals).toEqual(['x', '-']);
  });

  it('applies defaults and reads an option from its environment variable', () => {
    const parsed = parseArgv(options, [], { TOKEN: 'from-env' });
    expect(parsed.values).toEqual({ port: 4010, format: 'text', key: [], token: 'from-env', strict: false });
  });

  it('keeps everything after -- as positionals', () => {
    expect(parseArgv(options, ['--', '--strict']).positionals).toEqual(['--strict']);
  });

  it.for([
    [['--prot', '1'], 'unknown option --prot; did you mean --port?'],
    [['--zzz'], 'unknown option --zzz'],
    [['-q'], 'unknown option -q'],
    [['--port'], 'option --port needs a value'],
    [['--port', '--strict'], 'option --port needs a value'],
    [['--strict=yes'], 'option --strict takes no value'],
    [['--port', '1', '--port', '2'], 'option --port is given twice; it takes one value'],
    [['--port', '70000'], '--port must be a whole number from 0 to 65535; got "70000"'],
    [['--port', '1e3'], '--port must be a whole number from 0 to 65535; got "1e3"'],
    [['--format', 'jsno'], '--format must be one of text, json; got "jsno" (did you mean json?)'],
  ] as const)('refuses %j with "%s"', ([argv, message]) => {
    expect(() => parseArgv(options, argv)).toThrow(new UsageError(message));
  });

  it('suggests nothing for a name far from every candidate', () => {
    expect(didYouMean('frobnicate', ['port', 'format'])).toBeUndefined();
    expect(didYouMean('fromat', ['port', 'format'])).toBe('format');
  });
});
