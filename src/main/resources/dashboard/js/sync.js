// The sync: the schedule, the last run, "sync now", "bulk import a space", and live progress while either runs.

import { get, post } from './api.js';
import { badge, busy, button, card, clear, errorBox, facts, fromNow, h, loading, timeCell } from './dom.js';

const POLL_RUNNING_MS = 700;
const POLL_IDLE_MS = 10000;

export async function render(view, params, shell) {
  view.append(loading('Loading the sync status…'));
  let spaces = [];
  try {
    spaces = (await get('/status')).spaces_configured || [];
  } catch (e) {
    clear(view, errorBox(e, 'The sync status could not be loaded'));
    return null;
  }

  const scheduleBox = h('div');
  const lastSyncBox = h('div');
  const progressBox = h('div', { id: 'bulk-progress' });
  const resultBox = h('div', { id: 'bulk-result' });

  const spaceInput = h('input', { id: 'bulk-space', list: 'configured-spaces', placeholder: 'Space key, e.g. OPS',
    value: spaces[0] || '', autocomplete: 'off', required: true });
  const force = h('input', { type: 'checkbox', id: 'bulk-force' });
  const importButton = h('button', { type: 'submit', class: 'button primary', id: 'bulk-start' }, 'Start bulk import');
  const syncButton = button('Sync now', () => syncNow(), 'primary', { id: 'sync-now' });
  const form = h('form', { class: 'form-row', onsubmit: (event) => { event.preventDefault(); bulkImport(); } },
    h('div', { class: 'field grow' }, h('label', { for: 'bulk-space' }, 'Space'), spaceInput,
      h('datalist', { id: 'configured-spaces' }, spaces.map((key) => h('option', { value: key })))),
    h('label', { class: 'check' }, force, 'Re-import unchanged pages too'),
    importButton);

  clear(view,
    h('div', { class: 'grid two' },
      card('Schedule', scheduleBox, h('div', { class: 'actions' }, syncButton)),
      card('Last sync', lastSyncBox)),
    card('Bulk import a space',
      h('p', { class: 'muted' }, 'Imports every playbook of a space now; pages already stored unchanged are skipped.'),
      form, progressBox, resultBox));

  let timer = null;
  let stopped = false;
  async function poll() {
    clearTimeout(timer);
    let status;
    try {
      status = await get('/sync/status');
    } catch (e) {
      clear(scheduleBox, errorBox(e, 'The sync status could not be read'));
      if (!stopped) timer = setTimeout(poll, POLL_IDLE_MS);
      return;
    }
    showSchedule(scheduleBox, status);
    showLastSync(lastSyncBox, status.last_sync);
    showProgress(progressBox, status.bulk_import);
    syncButton.disabled = status.running;
    const running = status.running || (status.bulk_import && status.bulk_import.running);
    if (!stopped) timer = setTimeout(poll, running ? POLL_RUNNING_MS : POLL_IDLE_MS);
  }

  async function syncNow() {
    await busy(syncButton, 'Starting…', async () => {
      try {
        await post('/sync/trigger');
        shell.notify('A sync started in the background; its result appears under "Last sync".', 'info');
      } catch (e) {
        shell.notify(`The sync could not start: ${e.message}`, 'error');
      }
    });
    poll();
  }

  async function bulkImport() {
    const space = spaceInput.value.trim();
    if (!space) {
      spaceInput.focus();
      return;
    }
    clear(resultBox);
    importButton.disabled = true;
    importButton.textContent = 'Importing…';
    // the answer comes when the import is over; meanwhile the progress comes from /sync/status
    const done = post('/bulk-import', { space_key: space, force_update: force.checked });
    setTimeout(poll, 150);
    try {
      const report = await done;
      clear(resultBox, finished(report));
      shell.refreshStatus();
    } catch (e) {
      clear(resultBox, errorBox(e, `The bulk import of ${space} failed`));
    } finally {
      importButton.disabled = false;
      importButton.textContent = 'Start bulk import';
      poll();
    }
  }

  poll();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function showSchedule(box, status) {
  clear(box, facts([
    ['State', status.running ? badge('sync running', 'info')
      : status.scheduled ? badge('scheduled', 'ok') : badge('off', 'muted')],
    ['Interval', `every ${humanInterval(status.interval_seconds)}`],
    ['Next run', status.scheduled && status.next_run
      ? h('span', {}, timeCell(status.next_run), h('span', { class: 'muted' }, ` (${fromNow(status.next_run)})`))
      : 'not scheduled: Confluence is off or not configured'],
    status.running ? ['Running since', timeCell(status.running_since)] : null,
  ]));
}

function showLastSync(box, report) {
  if (!report) {
    clear(box, h('p', { class: 'muted' }, 'No sync has run since the service started.'));
    return;
  }
  clear(box,
    h('div', { class: 'stats' },
      stat('Checked', report.checked_playbooks), stat('New', report.new_playbooks),
      stat('Updated', report.updated_playbooks), stat('Outdated', report.outdated_playbooks),
      stat('Failed', report.failed_updates, report.failed_updates ? 'bad' : '')),
    facts([
      ['Finished', h('span', {}, timeCell(report.finished_at), report.finished_at ? h('span', { class: 'muted' }, ` (${fromNow(report.finished_at)})`) : null)],
      ['Completed', report.completed ? 'yes' : 'no: stopped early'],
      ['Confluence requests', String(report.confluence_requests)],
    ]),
    errors(report.errors));
}

function showProgress(box, progress) {
  if (!progress) {
    clear(box);
    return;
  }
  const known = progress.total_pages > 0 && (progress.total_pages > progress.done_pages || !progress.running);
  const percent = known ? Math.round((100 * progress.done_pages) / progress.total_pages) : null;
  const bar = h('div', { class: ['progress', known ? '' : 'indeterminate'], role: 'progressbar',
    'aria-valuemin': '0', 'aria-valuemax': known ? String(progress.total_pages) : null,
    'aria-valuenow': String(progress.done_pages), 'aria-label': 'Bulk import progress' },
  h('div', { class: 'progress-fill', dataset: { percent: String(percent ?? 100) } }));
  // the width is set through the CSSOM: the policy allows no inline style attribute
  bar.firstChild.style.width = `${percent ?? 100}%`;
  clear(box, h('div', { class: 'progress-box', dataset: { running: String(progress.running) } },
    h('div', { class: 'progress-head' },
      h('strong', {}, progress.running ? `Importing space ${progress.space_key}…` : `Bulk import of ${progress.space_key} finished`),
      h('span', { id: 'bulk-counter' }, known
        ? `${progress.done_pages} / ${progress.total_pages} pages`
        : `${progress.done_pages} pages done`)),
    bar,
    h('div', { class: 'stats' },
      stat('Imported', progress.successful_imports, 'good'), stat('Unchanged', progress.skipped_imports),
      stat('Not playbooks', progress.not_playbooks), stat('Failed', progress.failed_imports, progress.failed_imports ? 'bad' : '')),
    h('p', { class: 'muted small' }, 'Started ', timeCell(progress.started_at),
      progress.finished_at ? [', finished ', timeCell(progress.finished_at)] : null),
    errors(progress.errors)));
}

function finished(report) {
  const links = (report.imported_playbooks || []).slice(0, 12).map((p) =>
    h('li', {}, h('a', { href: `#/playbooks/${encodeURIComponent(p.playbook_id)}` }, p.title || p.name || p.slug || `#${p.playbook_id}`)));
  return h('div', { class: 'result' },
    h('p', {}, `Done: ${report.successful_imports} imported, ${report.skipped_imports} unchanged, `
      + `${report.failed_imports} failed, ${report.not_playbooks} pages are not playbooks.`),
    links.length ? h('ul', { class: 'plain columns' }, links) : null);
}

function errors(list) {
  if (!list || !list.length) return null;
  return h('details', { class: 'errors', open: list.length <= 3 }, h('summary', {}, `${list.length} error${list.length > 1 ? 's' : ''}`),
    h('ul', {}, list.map((error) => h('li', {}, error))));
}

function stat(label, value, kind = '') {
  return h('div', { class: ['stat', kind && `stat-${kind}`] }, h('span', { class: 'stat-value' }, String(value ?? 0)),
    h('span', { class: 'stat-label' }, label));
}

function humanInterval(seconds) {
  if (!seconds) return '—';
  if (seconds % 3600 === 0) return seconds === 3600 ? 'hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
