// The stored playbooks: searchable, sortable, outdated ones flagged; a row opens the playbook.

import { get } from './api.js';
import { badge, button, card, clear, emptyState, errorBox, h, loading, timeCell } from './dom.js';
import { stateBadges } from './outdated.js';
import { sortableTable } from './table.js';

export async function render(view) {
  view.append(loading('Loading playbooks…'));
  let list;
  try {
    list = await get('/playbooks');
  } catch (e) {
    clear(view, errorBox(e, 'The playbooks could not be loaded'));
    return;
  }
  const playbooks = list.playbooks || [];
  if (!playbooks.length) {
    clear(view, card(null, emptyState('No playbooks yet',
      'Import a space from Confluence, or drop exported pages into the offline folder, and they show up here.',
      h('a', { class: 'button primary', href: '#/sync' }, 'Bulk import a space'),
      h('a', { class: 'button', href: '#/discover' }, 'Discover candidates'))));
    return;
  }

  const search = h('input', { type: 'search', class: 'search', placeholder: 'Search by name, space, category…',
    'aria-label': 'Search playbooks', id: 'playbook-search' });
  const outdatedOnly = h('input', { type: 'checkbox', id: 'outdated-only' });
  const count = h('span', { class: 'muted', id: 'playbook-count' });
  const table = sortableTable([
    { key: 'name', label: 'Name', value: (p) => p.name, cell: (p) => h('a', { href: `#/playbooks/${encodeURIComponent(p.playbook_id)}`, class: 'strong-link' }, p.name) },
    { key: 'space', label: 'Space', value: (p) => p.confluence_space, cell: (p) => badge(p.confluence_space || '—', 'space') },
    { key: 'category', label: 'Category', value: (p) => p.category, cell: (p) => p.category || '—' },
    { key: 'version', label: 'Version', class: 'num', value: (p) => p.version_number, cell: (p) => `v${p.version_number}` },
    { key: 'steps', label: 'Steps', class: 'num', value: (p) => p.step_count, cell: (p) => String(p.step_count) },
    { key: 'imported', label: 'Last imported', value: (p) => p.last_imported, cell: (p) => timeCell(p.last_imported) },
    { key: 'state', label: 'State', value: (p) => (p.outdated ? 1 : 0),
      cell: stateBadges },
  ], {
    sortKey: 'name',
    onRowClick: (p) => { location.hash = `#/playbooks/${encodeURIComponent(p.playbook_id)}`; },
    rowLabel: (p) => `Open ${p.name}`,
    emptyRow: 'No playbook matches the search.',
  });

  function filter() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = playbooks.filter((p) => {
      if (outdatedOnly.checked && !p.outdated) return false;
      const text = [p.name, p.slug, p.confluence_space, p.category, p.confluence_page_id].join(' ').toLowerCase();
      return words.every((word) => text.includes(word));
    });
    count.textContent = shown.length === playbooks.length
      ? `${playbooks.length} playbooks` : `${shown.length} of ${playbooks.length} playbooks`;
    table.update(shown);
  }
  search.addEventListener('input', filter);
  outdatedOnly.addEventListener('change', filter);
  filter();

  const outdated = playbooks.filter((p) => p.outdated).length;
  clear(view,
    h('div', { class: 'toolbar' }, search,
      h('label', { class: 'check' }, outdatedOnly, `Outdated only (${outdated})`),
      h('span', { class: 'spacer' }), count,
      button('Reload', () => render(clear(view)), 'ghost')),
    table.element);
  search.focus();
}
