// Events: the broadcast event log live (new, updated and outdated playbooks), followed over the server-sent event
// stream, and the delivery state of each configured endpoint, whose given-up deliveries can be sent again.

import { get, post, token } from './api.js';
import { badge, busy, button, card, clear, errorBox, h, loading, timeCell } from './dom.js';

const STREAM = '/api/v1/confluence/events/stream';
const SHOWN = 50;
const RECONNECT_MS = 3000;
const DELIVERIES_MS = 10000;
const SEVERITY = { info: 'info', warning: 'warn', warn: 'warn', error: 'bad', critical: 'bad' };

export async function render(view) {
  view.append(loading('Loading the events…'));
  let page;
  try {
    page = await get(`/events?limit=${SHOWN}`);
  } catch (e) {
    clear(view, errorBox(e, 'The events could not be loaded'));
    return null;
  }

  const state = h('p', { class: 'muted', id: 'events-stream-state', role: 'status' }, 'Connecting to the live stream…');
  const rows = h('tbody', { id: 'events-rows' });
  const deliveriesBox = h('div', { id: 'event-deliveries' });
  const deliveriesNotice = h('p', { class: 'muted', id: 'deliveries-notice', role: 'status' });
  clear(view,
    card('Live events', state,
      h('div', { class: 'table-wrap' }, h('table', { class: 'table compact', id: 'events-table' },
        h('thead', {}, h('tr', {}, ['Time', 'Severity', 'Event', 'Playbook', 'For roles'].map((t) => h('th', {}, t)))),
        rows))),
    card('Deliveries', deliveriesBox, deliveriesNotice));

  page.events.slice().reverse().forEach((event) => rows.append(row(event)));
  showEmpty(rows);

  const abort = new AbortController();
  let cursor = page.next_since;
  let timer = null;
  let stopped = false;

  function add(event) {
    if (event.id <= cursor) return;
    cursor = event.id;
    rows.querySelector('.table-empty-row')?.remove();
    rows.prepend(row(event));
    while (rows.children.length > SHOWN) rows.lastElementChild.remove();
  }

  async function follow() {
    try {
      const headers = { Accept: 'text/event-stream' };
      const bearer = token.get();
      if (bearer) headers.Authorization = `Bearer ${bearer}`;
      const response = await fetch(`${STREAM}?since=${cursor}`, { headers, signal: abort.signal, cache: 'no-store', credentials: 'omit' });
      if (!response.ok) throw new Error(`the stream answered ${response.status}`);
      state.textContent = 'Live: new events appear here as they happen.';
      state.dataset.state = 'live';
      await readEvents(response.body, add);
      throw new Error('the stream ended');
    } catch (e) {
      if (stopped) return;
      state.textContent = `Reconnecting (${e.message})…`;
      state.dataset.state = 'reconnecting';
      timer = setTimeout(follow, RECONNECT_MS);
    }
  }

  let deliveriesTimer = null;
  async function showDeliveries() {
    clearTimeout(deliveriesTimer);
    try {
      clear(deliveriesBox, deliveriesTable(await get('/events/deliveries'), sendAgain));
    } catch (e) {
      clear(deliveriesBox, errorBox(e, 'The delivery state could not be read'));
    }
    if (!stopped) deliveriesTimer = setTimeout(showDeliveries, DELIVERIES_MS);
  }

  async function sendAgain(endpoint, buttonElement) {
    try {
      const answer = await busy(buttonElement, 'Queuing…',
        () => post(`/events/deliveries/retry?endpoint=${encodeURIComponent(endpoint.key)}`));
      const plural = answer.requeued === 1 ? 'delivery' : 'deliveries';
      deliveriesNotice.textContent = `${answer.requeued} given-up ${plural} to ${endpoint.endpoint} queued again.`;
    } catch (e) {
      clear(deliveriesNotice, errorBox(e, 'The deliveries could not be queued again'));
    }
    showDeliveries();
  }

  follow();
  showDeliveries();
  return () => {
    stopped = true;
    abort.abort();
    clearTimeout(timer);
    clearTimeout(deliveriesTimer);
  };
}

/** Reads server-sent events from a fetch body and hands each event's JSON to onEvent. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart());
      if (data.length) onEvent(JSON.parse(data.join('\n')));
    }
  }
}

function row(event) {
  const details = event.details || {};
  const playbook = details.slug
    ? h('a', { href: `#/playbooks/${encodeURIComponent(details.slug)}` }, details.playbook_name || details.slug)
    : details.playbook_name || '—';
  return h('tr', { class: 'event-row', dataset: { eventId: String(event.id) } },
    h('td', {}, timeCell(event.created_at)),
    h('td', {}, badge(event.severity, SEVERITY[event.severity] || 'muted')),
    h('td', {}, h('div', {}, event.message), h('div', { class: 'muted' }, event.category)),
    h('td', {}, playbook, details.confluence_space ? [' ', badge(details.confluence_space, 'space')] : null),
    h('td', {}, (event.target_roles || []).join(', ')));
}

function showEmpty(rows) {
  if (!rows.children.length) {
    rows.append(h('tr', { class: 'table-empty-row' }, h('td', { colspan: 5, class: 'table-empty' },
      'No events yet: they appear when a playbook is imported, updated or becomes outdated.')));
  }
}

function deliveriesTable(report, sendAgain) {
  if (!report.endpoints.length) {
    return h('p', { class: 'muted' }, 'No endpoints configured: events go to the event log only (playbooks.broadcast.endpoints).');
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table compact', id: 'deliveries-table' },
    h('thead', {}, h('tr', {}, ['Endpoint', 'Delivered', 'Pending', 'Given up', 'Last error'].map((t) => h('th', {}, t)))),
    h('tbody', {}, report.endpoints.map((endpoint) => h('tr', {},
      h('td', {}, h('code', {}, endpoint.endpoint), endpoint.configured ? null : [' ', badge('not configured', 'muted')]),
      h('td', { class: 'num' }, endpoint.delivered),
      h('td', { class: 'num' }, endpoint.pending ? badge(String(endpoint.pending), 'warn') : '0'),
      h('td', { class: 'num' }, endpoint.dead ? badge(String(endpoint.dead), 'bad') : '0',
        endpoint.dead && endpoint.configured ? [' ', button('Send again', (e) => sendAgain(endpoint, e.currentTarget), 'small send-again',
          { dataset: { endpoint: endpoint.key } })] : null),
      h('td', {}, endpoint.last_error || '—'))))));
}
