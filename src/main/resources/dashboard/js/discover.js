// Discover a space's playbook candidates (score and reasons), preview a page's conversion, import it.

import { get, post } from './api.js';
import { badge, busy, button, card, clear, emptyState, errorBox, facts, h, loading, timeCell } from './dom.js';
import { renderPlaybook } from './steps.js';
import { sortableTable } from './table.js';

export async function render(view, params, shell) {
  let spaces = [];
  try {
    spaces = (await get('/status')).spaces_configured || [];
  } catch (e) {
    clear(view, errorBox(e, 'The configured spaces could not be loaded'));
    return;
  }
  const spaceInput = h('input', { id: 'discover-space', list: 'discover-spaces', value: spaces[0] || '',
    placeholder: 'Space key, e.g. OPS', autocomplete: 'off' });
  const pageInput = h('input', { id: 'preview-page', placeholder: 'Page id, e.g. 123456', inputmode: 'numeric', autocomplete: 'off' });
  const results = h('div', { id: 'discover-results' });
  const preview = h('div', { id: 'preview' });

  const discoverButton = h('button', { type: 'submit', class: 'button primary' }, 'Discover');
  const previewButton = h('button', { type: 'submit', class: 'button' }, 'Preview');

  clear(view,
    card('Find playbooks in a space',
      h('p', { class: 'muted' }, 'Reads every page of the space, shows those that look like playbooks with the reasons, and stores nothing.'),
      h('form', { class: 'form-row', onsubmit: (event) => { event.preventDefault(); busy(discoverButton, 'Reading pages…', discover); } },
        h('div', { class: 'field grow' }, h('label', { for: 'discover-space' }, 'Space'), spaceInput,
          h('datalist', { id: 'discover-spaces' }, spaces.map((key) => h('option', { value: key })))),
        discoverButton),
      h('form', { class: 'form-row', onsubmit: (event) => { event.preventDefault(); showPreview(pageInput.value.trim()); } },
        h('div', { class: 'field grow' }, h('label', { for: 'preview-page' }, 'Or preview one page by id'), pageInput),
        previewButton)),
    results,
    preview);

  async function discover() {
    const space = spaceInput.value.trim();
    clear(preview);
    clear(results, loading(`Reading the pages of ${space || 'the configured spaces'}…`));
    let answer;
    try {
      answer = await get(`/discover${space ? `?space_key=${encodeURIComponent(space)}` : ''}`);
    } catch (e) {
      clear(results, errorBox(e, 'Discovery failed'));
      return;
    }
    if (!answer.pages.length) {
      clear(results, card(null, emptyState('No playbook candidates',
        `None of the ${answer.total_pages} pages of ${answer.space_key} looks like a playbook.`)));
      return;
    }
    const table = sortableTable([
      { key: 'title', label: 'Page', value: (p) => p.title, cell: (p) => h('span', { class: 'page-title' }, p.title) },
      { key: 'score', label: 'Score', class: 'num', value: (p) => p.score, cell: (p) => scoreBar(p.score) },
      { key: 'steps', label: 'Steps', class: 'num', value: (p) => p.step_count, cell: (p) => String(p.step_count) },
      { key: 'reasons', label: 'Why', value: (p) => p.reasons.length,
        cell: (p) => h('ul', { class: 'reasons' }, p.reasons.map((r) => h('li', {}, r)),
          (p.problems || []).map((problem) => h('li', { class: 'problem' }, problem))) },
      { key: 'modified', label: 'Modified', value: (p) => p.last_modified, cell: (p) => timeCell(p.last_modified) },
      { key: 'actions', label: '', value: () => 0, cell: (p) => h('div', { class: 'row-actions' },
        button('Preview', () => showPreview(p.page_id), 'small'),
        button('Import', (event) => importPage(event.currentTarget, p), 'small primary')) },
    ], { sortKey: 'score', descending: true });
    table.update(answer.pages);
    clear(results, card(`${answer.discovered_pages} candidates in ${answer.space_key}`,
      h('p', { class: 'muted' }, `${answer.total_pages} pages read; the best candidates first.`), table.element));
  }

  async function importPage(buttonElement, page) {
    await busy(buttonElement, 'Importing…', async () => {
      try {
        const result = await post('/import', { page_id: page.page_id });
        const link = h('a', { href: `#/playbooks/${encodeURIComponent(result.playbook_id)}` }, 'open it');
        shell.notify([`"${page.title}" ${result.outcome === 'unchanged' ? 'was already stored unchanged' : `was ${result.outcome}`}: `, link], 'success');
        shell.refreshStatus();
      } catch (e) {
        shell.notify(`"${page.title}" could not be imported: ${e.message}`, 'error');
      }
    });
  }

  async function showPreview(pageId) {
    if (!pageId) {
      pageInput.focus();
      return;
    }
    clear(preview, loading(`Converting page ${pageId}…`));
    preview.scrollIntoView({ block: 'start' });
    let answer;
    try {
      answer = await get(`/preview/${encodeURIComponent(pageId)}`);
    } catch (e) {
      clear(preview, errorBox(e, `Page ${pageId} could not be previewed`));
      return;
    }
    const page = answer.page_info;
    const meta = answer.metadata;
    clear(preview, card(null,
      h('div', { class: 'detail-head' },
        h('div', {}, h('h2', { class: 'detail-title', id: 'preview-title' }, page.title),
          h('div', { class: 'badges' }, badge(page.space_key, 'space'), badge(`page v${page.version}`),
            meta.is_playbook ? badge('playbook', 'ok') : badge('not a playbook', 'warn'), badge(`score ${meta.score.toFixed(2)}`))),
        page.web_url ? h('a', { class: 'button', href: page.web_url, target: '_blank', rel: 'noopener noreferrer' }, 'Open in Confluence ↗') : null),
      facts([
        ['Page id', page.page_id],
        ['Modified', timeCell(page.last_modified)],
        ['Labels', page.labels && page.labels.length ? h('span', { class: 'badges' }, page.labels.map((l) => badge(l))) : null],
        ['Reasons', h('ul', { class: 'reasons' }, meta.reasons.map((r) => h('li', {}, r)))],
        meta.problems && meta.problems.length ? ['Problems', h('ul', { class: 'reasons' }, meta.problems.map((p) => h('li', { class: 'problem' }, p)))] : null,
      ]),
      meta.is_playbook ? h('div', { class: 'grid two preview-grid' },
        h('div', {}, renderPlaybook(answer.playbook_spec)),
        h('div', {}, h('h3', { class: 'section-title' }, 'YAML'), h('pre', { class: 'yaml' }, h('code', {}, answer.yaml_preview || ''))))
        : h('p', { class: 'muted' }, 'This page would not be imported: it does not read as a playbook.')));
    preview.scrollIntoView({ block: 'start' });
  }
}

function scoreBar(score) {
  const meter = h('meter', { min: '0', max: '1', low: '0.4', high: '0.7', optimum: '1', value: String(score) });
  return h('span', { class: 'score' }, meter, h('span', {}, score.toFixed(2)));
}
