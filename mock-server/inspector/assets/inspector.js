/* global document, window, EventSource, fetch, requestAnimationFrame, URLSearchParams */
// The inspector page's script: no framework and no build step. It keeps at most MAX_ROWS requests
// and renders at most PAGE_SIZE of those that match the filters, so 10,000 entries stay usable.
'use strict';

(function () {
  const MAX_ROWS = 10000;
  const PAGE_SIZE = 200;
  const BASE = '/__mock';
  // With --admin-token the page is opened as /__mock/?admin_token=…; the token goes with every call.
  const adminToken = new URLSearchParams(window.location.search).get('admin_token');

  const state = {
    rows: [], // oldest first
    dropped: 0, // rows this page let go past MAX_ROWS
    counts: { requests: {}, recorded: 0, dropped: 0 },
    open: new Set(),
    dirty: false,
  };
  const $ = (id) => document.getElementById(id);

  function control(path, init) {
    const headers = Object.assign({ 'content-type': 'application/json' }, (init && init.headers) || {});
    if (adminToken) headers['tga-mock-admin-token'] = adminToken;
    return fetch(BASE + path, Object.assign({}, init, { headers }));
  }

  const { el, codeText, detailElement } = window.tgaInspectorDetail;

  function matches(row, filters) {
    if (filters.event && !row.event_names.some((n) => n.includes(filters.event))) return false;
    if (filters.app && !(row.app_name || '').includes(filters.app)) return false;
    if (filters.status && !String(row.status).startsWith(filters.status)) return false;
    return true;
  }

  /** A cell that truncates with an ellipsis; the full text stays readable on hover. */
  function truncated(className, text) {
    const cell = el('span', className + ' trunc', text);
    cell.title = text;
    return cell;
  }

  function rowElement(row) {
    const li = el('li', 'row status-' + String(row.status)[0]);
    li.dataset.seq = row.seq;
    const summary = el('button', 'summary');
    summary.type = 'button';
    const app = row.app_name === null ? el('span', 'app', '—') : truncated('app', row.app_name);
    if (row.app_name === null) app.title = 'no verified token';
    const names = row.event_names.join(', ') || '—';
    summary.append(
      el('span', 'time', row.time.slice(11, 23)),
      el('span', 'names', row.path === '/events' ? names : row.path + ' ' + names),
      app,
      el('span', 'status', String(row.status)),
      codeText(el('span', 'reason'), row.reason),
    );
    const notes = [];
    if (row.upstream && row.deviation)
      notes.push('upstream ' + row.upstream.status + ' deviates: ' + row.deviation);
    if (!row.delivered) notes.push('the answer never reached the client');
    if (notes.length > 0) summary.append(el('span', 'note', notes.join(' · ')));
    li.append(summary);
    if (state.open.has(row.seq)) li.append(detailElement(row));
    return li;
  }

  function chips(target, entries) {
    target.replaceChildren(...entries.map(([k, v]) => el('span', 'chip', k + ': ' + v)));
  }

  function render() {
    state.dirty = false;
    const filters = {
      event: $('filter-event').value.trim(),
      app: $('filter-app').value.trim(),
      status: $('filter-status').value.trim(),
    };
    const shown = [];
    let matching = 0;
    const byEvent = new Map();
    const seen = new Set();
    for (let i = state.rows.length - 1; i >= 0; i--) {
      const row = state.rows[i];
      for (const name of row.event_names) seen.add(name);
      // Recorded events only: a refused request's names are what it sent, not what was recorded.
      for (const [name, n] of Object.entries(row.recorded || {}))
        byEvent.set(name, (byEvent.get(name) || 0) + n);
      if (!matches(row, filters)) continue;
      matching++;
      if (shown.length < PAGE_SIZE) shown.push(row);
    }
    $('rows').replaceChildren(...shown.map(rowElement));
    $('more').textContent =
      matching > shown.length
        ? 'Showing the newest ' + shown.length + ' of ' + matching + ' matching requests.'
        : '';
    chips($('by-status'), Object.entries(state.counts.requests));
    chips(
      $('by-event'),
      [...byEvent.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    );
    $('event-names').replaceChildren(...[...seen].map((n) => Object.assign(el('option'), { value: n })));
    $('recorded').textContent =
      state.counts.recorded + ' events recorded in all, ' + state.rows.length + ' requests listed';
    const notes = [];
    if (state.counts.dropped > 0)
      notes.push(
        'The journal cap dropped ' + state.counts.dropped + ' of the oldest events (raise --journal-cap).',
      );
    const total = Object.values(state.counts.requests).reduce((a, b) => a + b, 0);
    if (total > state.rows.length)
      notes.push(
        total - state.rows.length + ' older requests are no longer in the request log or this page.',
      );
    $('drop-note').textContent = notes.join(' ');
    $('drop-note').hidden = notes.length === 0;
  }

  function schedule() {
    if (state.dirty) return;
    state.dirty = true;
    requestAnimationFrame(render);
  }

  function add(row) {
    state.rows.push(row);
    if (state.rows.length > MAX_ROWS)
      state.dropped += state.rows.splice(0, state.rows.length - MAX_ROWS).length;
  }

  function connect() {
    const query = adminToken ? '?admin_token=' + encodeURIComponent(adminToken) : '';
    const source = new EventSource(BASE + '/inspector/stream' + query);
    source.addEventListener('open', () => {
      refreshMode();
      $('connection').textContent = 'live';
      $('connection').className = 'pill live';
    });
    source.addEventListener('error', () => {
      $('connection').textContent = 'reconnecting…';
      $('connection').className = 'pill';
    });
    source.addEventListener('snapshot', (e) => {
      const data = JSON.parse(e.data);
      state.rows = [];
      data.rows.forEach(add);
      state.counts = data.counts;
      schedule();
    });
    // The journal was emptied, from this page or anywhere else (another tab, a test's reset()).
    source.addEventListener('clear', (e) => {
      state.rows = [];
      state.open.clear();
      state.counts = JSON.parse(e.data).counts;
      schedule();
    });
    source.addEventListener('request', (e) => {
      const data = JSON.parse(e.data);
      add(data.row);
      state.counts = data.counts;
      schedule();
      // A request may have used up an armed fault.
      refreshFaultsSoon();
    });
  }

  // How the mock answers (GET /__mock/health): as the docs say, as the live service was seen to,
  // or as a proxy to --upstream. A mock without the option answers as the docs say.
  async function refreshMode() {
    const res = await control('/health');
    if (!res.ok) return;
    const options = (await res.json()).options || {};
    const mode = $('mode');
    if (typeof options.upstream === 'string') {
      mode.textContent = 'proxy to ' + options.upstream;
      mode.title = "--upstream: the upstream's own answers, each checked against the docs and observations";
      mode.className = 'pill trunc mode-proxy';
    } else {
      const answers = options.answers === 'live' ? 'live' : 'docs';
      mode.textContent = 'answers: ' + answers;
      mode.title =
        answers === 'live'
          ? '--answers live: as the live service was observed to answer'
          : '--answers docs: as the docs page says';
      mode.className = 'pill trunc mode-' + answers;
    }
  }

  let armedFaults = [];
  async function refreshFaults() {
    const res = await control('/faults');
    const body = res.ok ? await res.json() : { faults: [] };
    const faults = body.faults || [];
    armedFaults = faults;
    const kinds = new Set(faults.map((f) => f.kind));
    document
      .querySelectorAll('button.fault')
      .forEach((b) => b.classList.toggle('armed', kinds.has(b.dataset.kind)));
    $('armed').textContent = faults.length
      ? 'armed: ' + faults.map((f) => f.kind + (f.count !== null ? ' ×' + f.count : '')).join(', ')
      : 'none armed';
  }

  let faultsPending = false;
  function refreshFaultsSoon() {
    if (faultsPending) return;
    faultsPending = true;
    window.setTimeout(() => {
      faultsPending = false;
      refreshFaults();
    }, 100);
  }

  document.querySelectorAll('button.fault').forEach((button) => {
    // A click arms one firing of the kind; a click on an armed kind disarms it.
    button.addEventListener('click', async () => {
      const armed = armedFaults.filter((f) => f.kind === button.dataset.kind);
      if (armed.length > 0) {
        await Promise.all(
          armed.map((f) => control('/faults/' + encodeURIComponent(f.id), { method: 'DELETE' })),
        );
      } else {
        const spec = { kind: button.dataset.kind, count: 1 };
        if (button.dataset.ms) spec.ms = Number(button.dataset.ms);
        await control('/faults', { method: 'POST', body: JSON.stringify(spec) });
      }
      await refreshFaults();
    });
  });
  $('disarm').addEventListener('click', async () => {
    await control('/faults', { method: 'DELETE' });
    await refreshFaults();
  });
  $('clear').addEventListener('click', async () => {
    const res = await control('/events', { method: 'DELETE' });
    if (!res.ok) return;
    state.rows = [];
    state.open.clear();
    state.counts = { requests: {}, recorded: 0, dropped: 0 };
    schedule();
  });
  $('rows').addEventListener('click', (e) => {
    const li = e.target.closest('.summary') && e.target.closest('li.row');
    if (!li) return;
    const seq = Number(li.dataset.seq);
    if (!state.open.delete(seq)) state.open.add(seq);
    schedule();
  });
  ['filter-event', 'filter-app', 'filter-status'].forEach((id) => $(id).addEventListener('input', schedule));

  connect();
  refreshFaults();
  // Faults armed through the control API by a test show up too.
  window.setInterval(refreshFaults, 5000);
})();
