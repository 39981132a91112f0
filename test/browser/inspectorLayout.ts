// What the inspector layout tests measure in the page's DOM, and how they watch its console.
// Everything here runs in Chromium's layout, not in a guess from the CSS.
import type { Page } from 'playwright-core';

/**
 * Every layout problem on the page, in words: the document scrolling sideways; a box past the
 * window's edge; a block whose content is wider than it (text overflowing or clipped) unless it
 * is meant to truncate (class `trunc`), and then its `title` must carry the full text; two cells
 * of one row overlapping. An empty list is a page that reads right at this width.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    const width = doc.clientWidth;
    if (doc.scrollWidth > width) problems.push(`the page scrolls sideways: ${doc.scrollWidth} > ${width} px`);
    const name = (e: Element) => {
      const cls =
        typeof e.className === 'string' && e.className !== '' ? '.' + e.className.replace(/ +/g, '.') : '';
      return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${cls} "${(e.textContent ?? '').slice(0, 50)}"`;
    };
    // Form controls scroll their own text; <wbr>, <option> and the like have no box of their own.
    const SKIP = new Set(['INPUT', 'DATALIST', 'OPTION', 'SCRIPT', 'WBR', 'BR']);
    for (const e of document.body.querySelectorAll<HTMLElement>('*')) {
      if (SKIP.has(e.tagName) || e.closest('[hidden]')) continue;
      const style = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      if (style.display === 'none' || (box.width === 0 && box.height === 0)) continue;
      if (box.right > width + 0.5 || box.left < -0.5)
        problems.push(
          `past the window's edge (${Math.round(box.left)}–${Math.round(box.right)} px): ${name(e)}`,
        );
      // An inline box has no clientWidth; its rectangle was checked above.
      if (style.display === 'inline' || e.scrollWidth <= e.clientWidth) continue;
      if (!e.classList.contains('trunc'))
        problems.push(`text overflows or is clipped (${e.scrollWidth} > ${e.clientWidth} px): ${name(e)}`);
      else if (e.title !== e.textContent)
        problems.push(`truncated without its full text in title (${JSON.stringify(e.title)}): ${name(e)}`);
    }
    for (const summary of document.querySelectorAll('.summary')) {
      const cells = [...summary.children].map((c) => ({ c, r: c.getBoundingClientRect() }));
      for (let i = 0; i < cells.length; i++)
        for (let j = i + 1; j < cells.length; j++) {
          const [a, b] = [cells[i].r, cells[j].r];
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (x > 0.5 && y > 0.5) problems.push(`cells overlap: ${name(cells[i].c)} and ${name(cells[j].c)}`);
        }
    }
    return problems;
  });
}

/** The cells that are truncated at this width (narrower than their text), as [class, title]. */
export function truncatedCells(page: Page): Promise<[string, string][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.trunc')]
      .filter((e) => e.scrollWidth > e.clientWidth)
      .map((e): [string, string] => [e.className, e.title]),
  );
}

/** Collects what a person would see as a broken page: console errors, page errors, failed loads. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // The live feed is cut when the page closes; that is not a failed resource.
    if (!r.url().includes('/inspector/stream')) errors.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  return errors;
}
