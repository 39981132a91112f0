// Loaded with `node --require` into every server the benchmark starts, before the server's own
// script, which runs unchanged. It answers the bench over the IPC channel (not over HTTP, so the
// measured app gets no extra route or middleware) with the process's CPU time so far:
// process.cpuUsage(), user + system in µs over all threads (GC, libuv pool and zlib included).
// Nothing here runs while the load is on: the bench asks before and after each round.
export interface CpuQuery {
  type: 'tga-bench-cpu';
  id: number;
}

export interface CpuAnswer extends CpuQuery {
  user: number;
  system: number;
}

if (typeof process.send === 'function') {
  process.on('message', (m: Partial<CpuQuery>) => {
    if (m?.type !== 'tga-bench-cpu' || typeof m.id !== 'number') return;
    const { user, system } = process.cpuUsage();
    const answer: CpuAnswer = { type: 'tga-bench-cpu', id: m.id, user, system };
    process.send!(answer);
  });
  // The channel must not keep a server alive that is shutting down on its own…
  process.channel?.unref();
  // …and a server whose bench is gone (killed outright) stops instead of lingering.
  process.once('disconnect', () => process.exit(0));
}
