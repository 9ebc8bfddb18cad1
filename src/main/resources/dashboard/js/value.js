// A playbook's value score and why: the total, the sentence, and each component with its score, weight and reason
// (GET /playbooks/{id}/value). Reading it is not a use of the playbook.

import { get } from './api.js';
import { card, clear, errorBox, h, loading } from './dom.js';

const LABELS = { use: 'Use', outcomes: 'Run outcomes', freshness: 'Freshness', quality: 'Conversion quality' };

export function valueCard(playbookId) {
  const body = h('div', { id: 'playbook-value' }, loading('Scoring…'));
  get(`/playbooks/${encodeURIComponent(playbookId)}/value`)
    .then((value) => clear(body, summary(value), components(value)))
    .catch((e) => clear(body, errorBox(e, 'The value could not be computed')));
  return card('Value', body);
}

function summary(value) {
  return h('div', {},
    h('div', { class: 'stat-value', id: 'playbook-value-score' }, value.value.toFixed(2)),
    h('meter', { min: '0', max: '1', value: String(value.value), 'aria-label': 'Value score from 0 to 1' }),
    h('p', { class: 'muted small', id: 'playbook-value-why' }, value.why));
}

function components(value) {
  return h('table', { class: 'table compact' },
    h('thead', {}, h('tr', {}, ['Part', 'Score', 'Weight'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, value.components.map((c) => [
      h('tr', { dataset: { component: c.name } },
        h('td', {}, LABELS[c.name] || c.name),
        h('td', { class: 'num' }, c.score.toFixed(2)),
        h('td', { class: 'num' }, `× ${c.weight}`)),
      h('tr', {}, h('td', { colspan: '3', class: 'muted small' }, c.why)),
    ])));
}
