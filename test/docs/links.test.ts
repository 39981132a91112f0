// No relative link in the README, the changelog or docs/ leads nowhere, and the changelog's top
// release is the version in package.json (the breaking-change gate tells users which version to set).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { anchors, brokenLinks, docPages, links, readPage, ROOT, slug, type PageSource } from './markdown';

describe('the link checker', () => {
  // A small in-memory repository: the checker must find each kind of broken link in it.
  const pages: Record<string, string> = {
    'README.md': '# Title\n\n## Quick start\n\nSee [the mock](docs/mock.md#running-it).\n',
    'docs/mock.md': '# The mock\n\n## Running it\n\n## In your own tests: `startMock`\n',
    'docs/img.png': '',
  };
  const memory: PageSource = {
    exists: (rel) => rel in pages || Object.keys(pages).some((p) => p.startsWith(`${rel}/`)),
    read: (rel) => pages[rel],
  };
  const check = (md: string, page = 'docs/page.md') => brokenLinks(page, md, memory);

  test('accepts good links: files, folders, anchors, images, external and in-page links', () => {
    expect(
      check(
        [
          '# Page',
          '[mock](mock.md), [its tests](mock.md#in-your-own-tests-startmock), [top](../README.md#quick-start)',
          '![shot](img.png) [docs](../docs) [site](https://example.com/x) [here](#page) <http://a.b/>',
          '[ref]: mock.md#running-it',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  test('finds a missing file, a missing anchor, a path out of the repository and a bad in-page anchor', () => {
    expect(
      check(
        [
          '# Page',
          'See [gone](missing.md) and [no such part](mock.md#not-there),',
          'then [outside](../../elsewhere/notes.md) and [here](#nowhere).',
          '[ref]: ../nothing.md',
        ].join('\n'),
      ),
    ).toEqual([
      'docs/page.md:2: missing.md: no such file',
      'docs/page.md:2: mock.md#not-there: no heading makes #not-there',
      'docs/page.md:3: ../../elsewhere/notes.md: leaves the repository',
      'docs/page.md:3: #nowhere: no heading makes #nowhere',
      'docs/page.md:4: ../nothing.md: no such file',
    ]);
  });

  test('ignores links inside code', () => {
    expect(check('# Page\n\n`[x](gone.md)`\n\n```md\n[y](gone.md)\n```\n')).toEqual([]);
  });

  test("makes GitHub's anchors", () => {
    expect(slug('What `POST /events` answers, in order')).toBe('what-post-events-answers-in-order');
    expect(slug('In your own tests: `startMock`')).toBe('in-your-own-tests-startmock');
    expect([...anchors('# A\n\n## A\n\n```sh\n# not a heading\n```\n')]).toEqual(['a', 'a-1']);
  });
});

test('the pages have relative links to check', () => {
  const relative = docPages().flatMap((p) =>
    links(readPage(p)).filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l.target)),
  );
  expect(relative.length).toBeGreaterThan(20);
});

test.each(docPages())('%s has no broken relative link', (page) => {
  expect(brokenLinks(page, readPage(page))).toEqual([]);
});

test('the README links every page of docs/', () => {
  const readme = readPage('README.md');
  expect(docPages().filter((p) => p.startsWith('docs/') && !readme.includes(`](${p}`))).toEqual([]);
});

describe('the changelog', () => {
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  const headings = readPage('CHANGELOG.md')
    .split('\n')
    .filter((l) => l.startsWith('## '));

  test("its top release is package.json's version", () => {
    const releases = headings.filter((h) => !/^## \[Unreleased\]/.test(h));
    expect(releases[0]).toMatch(
      new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`),
    );
  });

  test('lists Unreleased, if at all, above every release', () => {
    const at = headings.findIndex((h) => h === '## [Unreleased]');
    expect(at === -1 || at === 0).toBe(true);
  });
});
