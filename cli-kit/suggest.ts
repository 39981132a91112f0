// "did you mean --port?" for a mistyped flag: the closest known flag by edit distance (a swap of two
// neighbouring letters counts as one edit, as in --prot), when it is close enough to be a typo.

/** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The known flag `typed` is most likely a typo of, or undefined when none is close. */
export function closestFlag(typed: string, known: readonly string[]): string | undefined {
  const bare = (f: string) => f.replace(/^-+/, '');
  // At most 2 edits, and fewer than half the typed name: `--x` is no typo of `--ab`.
  const limit = Math.min(2, Math.floor((bare(typed).length - 1) / 2));
  let best: { flag: string; distance: number } | undefined;
  for (const flag of known) {
    const distance = editDistance(bare(typed), bare(flag));
    if (distance <= limit && (!best || distance < best.distance)) best = { flag, distance };
  }
  return best?.flag;
}
