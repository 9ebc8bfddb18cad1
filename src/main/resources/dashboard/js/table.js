// A table whose columns sort on a click on their header (again: the other way round).

import { clear, h } from './dom.js';

/**
 * columns: [{key, label, value: row => sortable value, cell: row => node or text, class}]
 * Returns {element, update(rows)}; the sort survives updates.
 */
export function sortableTable(columns, { sortKey, descending = false, onRowClick, rowLabel, emptyRow } = {}) {
  let rows = [];
  let sort = { key: sortKey || columns[0].key, descending };
  const body = h('tbody');
  const headerCells = columns.map((column) => h('th', { scope: 'col', class: column.class, dataset: { key: column.key } },
    h('button', { type: 'button', class: 'sort', onclick: () => sortBy(column.key) }, column.label,
      h('span', { class: 'sort-mark', 'aria-hidden': 'true' }))));
  const element = h('div', { class: 'table-wrap' }, h('table', { class: 'table' }, h('thead', {}, h('tr', {}, headerCells)), body));

  function sortBy(key) {
    sort = { key, descending: sort.key === key ? !sort.descending : false };
    render();
  }

  function render() {
    const column = columns.find((c) => c.key === sort.key);
    const sorted = [...rows].sort((a, b) => compare(column.value(a), column.value(b)) * (sort.descending ? -1 : 1));
    headerCells.forEach((cell) => {
      const active = cell.dataset.key === sort.key;
      cell.setAttribute('aria-sort', active ? (sort.descending ? 'descending' : 'ascending') : 'none');
    });
    clear(body, sorted.length ? sorted.map((row) => {
      const tr = h('tr', { class: onRowClick ? 'clickable' : null }, columns.map((c) => h('td', { class: c.class }, c.cell(row))));
      if (onRowClick) {
        tr.tabIndex = 0;
        tr.setAttribute('aria-label', rowLabel ? rowLabel(row) : '');
        tr.addEventListener('click', (event) => {
          if (!event.target.closest('a, button')) onRowClick(row);
        });
        tr.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') onRowClick(row);
        });
      }
      return tr;
    }) : h('tr', {}, h('td', { colspan: columns.length, class: 'table-empty' }, emptyRow || 'Nothing to show')));
  }

  return {
    element,
    update(newRows) {
      rows = newRows;
      render();
    },
  };
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}
