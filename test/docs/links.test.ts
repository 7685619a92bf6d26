import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const guides = readdirSync(join(root, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);
const pages = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...guides];

// Guides other changes add; the README links to them ahead of their arrival. Remove each line once its guide is in.
const expectedFromAnotherChange = new Set(['docs/probe.md', 'docs/contracts-and-broker.md']);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(text: string): Set<string> {
  const withoutCode = text.replace(/```[\s\S]*?```/g, '');
  return new Set([...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1] ?? '')));
}

/** Every relative link and image of a page (inline code and code blocks left out), as `path#anchor`. */
function linksOf(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

describe('the front door', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('keeps the README to at most 250 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('has at least four guides in docs/, each linked from the README', () => {
    expect(guides.length).toBeGreaterThanOrEqual(4);
    const linked = new Set(linksOf(readme).map((link) => link.split('#')[0]));
    expect(guides.filter((guide) => !linked.has(guide))).toEqual([]);
  });

  it('has a CONTRIBUTING.md and an MIT LICENSE', () => {
    expect(existsSync(join(root, 'CONTRIBUTING.md'))).toBe(true);
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it.each(pages)('%s has no broken relative link', (page) => {
    const text = readFileSync(join(root, page), 'utf8');
    const broken = linksOf(text).filter((link) => {
      const [path = '', anchor] = link.split('#');
      const target = path === '' ? join(root, page) : join(root, dirname(page), decodeURI(path));
      const name = relative(root, target);
      if (expectedFromAnotherChange.has(name)) return false;
      if (!existsSync(target)) return true;
      return (
        anchor !== undefined && name.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(anchor)
      );
    });
    expect(broken).toEqual([]);
  });
});
