// One playbook: its steps, its YAML, where it came from, its value score and why, and its version history with a
// diff of any two versions.

import { fileUrl, get } from './api.js';
import { badge, card, clear, errorBox, facts, h, loading, timeCell } from './dom.js';
import { diffLines, renderDiff } from './diff.js';
import { reasonList, stateBadges } from './outdated.js';
import { renderPlaybook } from './steps.js';
import { valueCard } from './value.js';

export async function render(view, [id]) {
  view.append(loading('Loading the playbook…'));
  let detail;
  try {
    detail = await get(`/playbooks/${encodeURIComponent(id)}`);
  } catch (e) {
    clear(view, backLink(), errorBox(e, e.status === 404 ? 'No such playbook' : 'The playbook could not be loaded'));
    return;
  }
  let playbook = null;
  try {
    playbook = detail.playbook_json ? JSON.parse(detail.playbook_json) : null;
  } catch {
    playbook = null;
  }
  document.getElementById('page-title').textContent = detail.name;

  const attachmentPath = (name) =>
    `/playbooks/${encodeURIComponent(detail.playbook_id)}/attachments/${encodeURIComponent(name)}`;
  const panels = {
    steps: () => renderPlaybook(playbook, (name) => fileUrl(attachmentPath(name))),
    yaml: () => h('pre', { class: 'yaml' }, h('code', {}, detail.yaml || '')),
    history: () => history(detail.playbook_id),
  };
  const panel = h('div', { class: 'tab-panel', role: 'tabpanel' });
  const tabs = Object.entries({ steps: 'Steps', yaml: 'YAML', history: 'Version history' }).map(([key, label]) =>
    h('button', { type: 'button', role: 'tab', class: 'tab', dataset: { tab: key }, onclick: () => select(key) }, label));
  function select(key) {
    tabs.forEach((tab) => tab.setAttribute('aria-selected', String(tab.dataset.tab === key)));
    clear(panel, panels[key]());
  }

  clear(view,
    backLink(),
    h('div', { class: 'detail-head' },
      h('div', {},
        h('h2', { class: 'detail-title', id: 'playbook-name' }, detail.name),
        h('div', { class: 'badges' }, badge(detail.confluence_space || 'no space', 'space'),
          detail.category ? badge(detail.category) : null, badge(`v${detail.version_number}`),
          stateBadges(detail))),
      detail.confluence_url ? h('a', { class: 'button', href: detail.confluence_url, target: '_blank', rel: 'noopener noreferrer' },
        'Open in Confluence ↗') : null),
    detail.outdated ? h('div', { class: 'warning wide', role: 'note', id: 'outdated-reasons' }, h('strong', {}, 'Outdated'),
      reasonList(detail)) : null,
    h('div', { class: 'detail-grid' },
      h('div', {}, h('div', { class: 'tabs', role: 'tablist' }, tabs), panel),
      h('div', { class: 'grid' }, card('Source', facts([
        ['Confluence page', detail.confluence_page_id],
        ['Page version', detail.confluence_version ? String(detail.confluence_version) : null],
        ['Space', detail.confluence_space],
        ['Slug', h('code', {}, detail.slug)],
        ['First imported', timeCell(detail.created_at)],
        ['Last imported', timeCell(detail.last_imported)],
        ['Steps', String(detail.step_count)],
        playbook && playbook.metadata && playbook.metadata.labels && playbook.metadata.labels.length
          ? ['Labels', h('span', { class: 'badges' }, playbook.metadata.labels.map((label) => badge(label)))] : null,
        detail.attachments && detail.attachments.length
          ? ['Attachments', h('ul', { class: 'plain attachments' }, detail.attachments.map((a) =>
            h('li', {}, downloadLink(a.file_name, attachmentPath(a.file_name)))))] : null,
      ])), valueCard(detail.playbook_id))));
  select('steps');
}

/** A link that fetches the file through the API (with the token) and hands it to the browser as a download. */
function downloadLink(name, path) {
  const link = h('a', { href: '#', class: 'attachment-link' }, name);
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    try {
      const url = await fileUrl(path);
      const save = h('a', { download: name });
      save.href = url;
      save.click();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (e) {
      link.replaceWith(h('span', { class: 'muted' }, `${name}: ${e.message}`));
    }
  });
  return link;
}

function backLink() {
  return h('a', { class: 'back', href: '#/playbooks' }, '← All playbooks');
}

function history(playbookId) {
  const box = h('div', { class: 'history' }, loading('Loading the history…'));
  get(`/playbooks/${encodeURIComponent(playbookId)}/versions`).then((answer) => {
    const versions = answer.versions || [];
    const withContent = versions.filter((v) => v.yaml !== null && v.yaml !== undefined);
    const table = h('table', { class: 'table compact' },
      h('thead', {}, h('tr', {}, ['Version', 'Kind', 'Page version', 'Steps', 'Stored', 'Note'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, versions.map((v) => h('tr', {},
        h('td', {}, `v${v.version_number}`),
        h('td', {}, badge(String(v.kind || '').toLowerCase(), String(v.kind).toLowerCase() === 'tombstone' ? 'warn' : '')),
        h('td', {}, String(v.confluence_version ?? '—')),
        h('td', { class: 'num' }, String(v.step_count ?? '—')),
        h('td', {}, timeCell(v.created_at)),
        h('td', {}, [v.forced ? 'forced re-import' : '', v.reason || ''].filter(Boolean).join(' · ') || '—')))));
    if (withContent.length < 2) {
      clear(box, table, h('p', { class: 'muted' }, 'Only one version so far: a diff appears once the page changes.'));
      return;
    }
    const option = (v) => h('option', { value: String(v.version_number) }, `v${v.version_number} · ${new Date(v.created_at).toLocaleString()}`);
    const from = h('select', { id: 'diff-from', 'aria-label': 'Older version' }, withContent.map(option));
    const to = h('select', { id: 'diff-to', 'aria-label': 'Newer version' }, withContent.map(option));
    to.value = String(withContent[0].version_number);
    from.value = String(withContent[1].version_number);
    const output = h('div', { class: 'diff-output' });
    const showDiff = () => {
      const older = withContent.find((v) => String(v.version_number) === from.value);
      const newer = withContent.find((v) => String(v.version_number) === to.value);
      clear(output, renderDiff(diffLines(older.yaml, newer.yaml)));
    };
    from.addEventListener('change', showDiff);
    to.addEventListener('change', showDiff);
    showDiff();
    clear(box, table, h('div', { class: 'toolbar' }, h('span', {}, 'Compare'), from, h('span', {}, 'with'), to), output);
  }).catch((e) => clear(box, errorBox(e, 'The history could not be loaded')));
  return box;
}
