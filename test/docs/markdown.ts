// Reading the repository's Markdown the way the docs tests need it: the pages, their fenced code
// blocks, their tables, their headings as GitHub anchors, and their relative links.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

/** Every page the docs tests cover, relative to the repository root. */
export function docPages(): string[] {
  const docs = readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', 'CHANGELOG.md', ...docs];
}

export function readPage(rel: string): string {
  return readFileSync(path.join(ROOT, rel), 'utf8');
}

export interface CodeBlock {
  page: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
  /** The nearest heading above the block. */
  heading: string;
  /** The first paragraph after the block (where a page says which test runs it). */
  after: string;
}

const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)/;

interface Span {
  /** Line index of the opening fence. */
  open: number;
  /** Line index of the closing fence (the last line when the block is never closed). */
  close: number;
  lang: string;
}

/** The fenced code blocks of a page, by line index. */
function fences(lines: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    let close = i + 1;
    for (; close < lines.length; close++) {
      const m = /^(`{3,}|~{3,})\s*$/.exec(lines[close]);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length) break;
    }
    close = Math.min(close, lines.length - 1);
    spans.push({ open: i, close, lang: open[2] });
    i = close;
  }
  return spans;
}

/** For each line: is it part of a fenced code block (its fences included)? */
function fenced(lines: readonly string[]): boolean[] {
  const inside = lines.map(() => false);
  for (const { open, close } of fences(lines)) for (let i = open; i <= close; i++) inside[i] = true;
  return inside;
}

/** Line index of a heading (outside code) whose text is `heading`. */
function headingLine(lines: readonly string[], heading: string): number {
  const inside = fenced(lines);
  const at = lines.findIndex(
    (l, i) => !inside[i] && /^#{1,6}\s/.test(l) && l.replace(/^#+\s+/, '').trim() === heading,
  );
  if (at < 0) throw new Error(`no heading "${heading}"`);
  return at;
}

export function codeBlocks(page: string, md: string): CodeBlock[] {
  const lines = md.split('\n');
  return fences(lines).map(({ open, close, lang }) => {
    const above = lines.slice(0, open).reverse();
    const inside = fenced(lines).slice(0, open).reverse();
    const h = above.find((l, i) => !inside[i] && /^#{1,6}\s/.test(l));
    const rest = lines.slice(close + 1);
    const start = rest.findIndex((l) => l.trim() !== '');
    const stop = rest.findIndex((l, j) => j > start && l.trim() === '');
    return {
      page,
      line: open + 1,
      lang,
      code: lines.slice(open + 1, close).join('\n') + '\n',
      heading: h ? h.replace(/^#+\s+/, '').trim() : '',
      after: start < 0 ? '' : rest.slice(start, stop < 0 ? undefined : stop).join('\n'),
    };
  });
}

/** The page with fenced blocks blanked out (line numbers kept) and inline code spans emptied. */
function proseOnly(md: string): string {
  const lines = md.split('\n');
  const inside = fenced(lines);
  return lines
    .map((line, i) => (inside[i] ? '' : line.replace(/(`+)[\s\S]*?\1/g, (m) => m.replace(/[^`]/g, ' '))))
    .join('\n');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor the page's headings make (a repeated heading gets -1, -2, …). */
export function anchors(md: string): Set<string> {
  const lines = md.split('\n');
  const inside = fenced(lines);
  const seen = new Map<string, number>();
  const found = new Set<string>();
  lines.forEach((line, i) => {
    const h = inside[i] ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) return;
    const base = slug(h[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n === 0 ? base : `${base}-${n}`);
  });
  return found;
}

export interface Link {
  target: string;
  line: number;
}

/** Inline links and images, and reference definitions, outside code. */
export function links(md: string): Link[] {
  const found: Link[] = [];
  proseOnly(md)
    .split('\n')
    .forEach((line, i) => {
      for (const m of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
        found.push({ target: m[1], line: i + 1 });
      const def = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(line);
      if (def) found.push({ target: def[1], line: i + 1 });
    });
  return found;
}

export interface PageSource {
  /** Is there a file or folder at this path (relative to the repository root)? */
  exists(rel: string): boolean;
  read(rel: string): string;
}

export const repository: PageSource = {
  exists: (rel) => existsSync(path.join(ROOT, rel)),
  read: readPage,
};

/**
 * Every relative link of `page` that leads nowhere: a missing file or folder, a path out of the
 * repository, or an `#anchor` no heading of the target page makes. External links are not followed.
 */
export function brokenLinks(page: string, md: string, source: PageSource = repository): string[] {
  const found: string[] = [];
  const anchorsOf = (rel: string) => anchors(rel === page ? md : source.read(rel));
  for (const { target, line } of links(md)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const at = `${page}:${line}: ${target}`;
    const hash = target.indexOf('#');
    const file = decodeURI(hash < 0 ? target : target.slice(0, hash));
    const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const rel = file === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
    if (rel.startsWith('..') || path.posix.isAbsolute(rel)) {
      found.push(`${at}: leaves the repository`);
      continue;
    }
    if (rel !== page && !source.exists(rel)) {
      found.push(`${at}: no such file`);
      continue;
    }
    if (anchor !== undefined && rel.endsWith('.md') && !anchorsOf(rel).has(anchor))
      found.push(`${at}: no heading makes #${anchor}`);
  }
  return found;
}

/** The body rows (cells trimmed, backticks kept) of the first table after a heading. */
export function tableAfter(md: string, heading: string): string[][] {
  const lines = md.split('\n');
  const at = headingLine(lines, heading);
  const first = lines.findIndex((l, i) => i > at && l.startsWith('|'));
  if (first < 0 || lines.slice(at + 1, first).some((l) => /^#{1,6}\s/.test(l)))
    throw new Error(`no table under "${heading}"`);
  const rows: string[][] = [];
  for (let i = first + 2; i < lines.length && lines[i].startsWith('|'); i++)
    rows.push(
      lines[i]
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  return rows;
}

/** The text of a section: from its heading to the next heading of the same or a higher level. */
export function section(md: string, heading: string): string {
  const lines = md.split('\n');
  const inside = fenced(lines);
  const at = headingLine(lines, heading);
  const level = /^#+/.exec(lines[at])![0].length;
  const end = lines.findIndex(
    (l, i) => i > at && !inside[i] && /^#+\s/.test(l) && /^#+/.exec(l)![0].length <= level,
  );
  return lines.slice(at, end < 0 ? undefined : end).join('\n');
}

export const unquote = (cell: string) => cell.replace(/`/g, '').trim();
