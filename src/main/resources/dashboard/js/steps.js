// A playbook's steps as a reader wants them: numbered, commands in monospace, warnings set apart.

import { badge, h } from './dom.js';

const ACTION_LABELS = { shell: 'shell', http_request: 'HTTP', noop: 'manual' };

export function renderPlaybook(playbook) {
  if (!playbook) return h('p', { class: 'muted' }, 'No playbook.');
  return h('div', { class: 'playbook' },
    playbook.description ? h('p', { class: 'lead' }, playbook.description) : null,
    list('Parameters', playbook.parameters, (p) => h('li', {}, h('code', {}, p.name),
      p.required ? badge('required', 'warn') : null, p.description ? ` ${p.description}` : '')),
    list('Before you start', playbook.prerequisites, (p) => h('li', {}, p.description)),
    h('h3', { class: 'section-title' }, `Steps (${(playbook.steps || []).length})`),
    renderSteps(playbook.steps || []),
    playbook.rollback && playbook.rollback.length
      ? [h('h3', { class: 'section-title' }, 'Rollback'), renderSteps(playbook.rollback)] : null);
}

function list(title, items, item) {
  if (!items || !items.length) return null;
  return h('div', { class: 'aside-list' }, h('h3', { class: 'section-title' }, title), h('ul', {}, items.map(item)));
}

export function renderSteps(steps) {
  if (!steps.length) return h('p', { class: 'muted' }, 'This playbook has no steps.');
  return h('ol', { class: 'steps' }, steps.map(renderStep));
}

function renderStep(step) {
  const args = step.args || {};
  return h('li', { class: 'step', dataset: { action: step.action } },
    h('div', { class: 'step-head' },
      h('span', { class: 'step-name' }, step.name || step.id),
      badge(ACTION_LABELS[step.action] || step.action, `action-${step.action}`)),
    addsToTheStep(step) ? h('p', { class: 'step-text' }, step.description) : null,
    (step.warnings || []).map((warning) => h('div', { class: 'warning', role: 'note' },
      h('strong', {}, 'Warning'), h('span', {}, warning))),
    action(step.action, args),
    (step.notes || []).map((note) => h('p', { class: 'note' }, note)),
    (step.snippets || []).map((snippet) => h('figure', { class: 'snippet' },
      h('figcaption', {}, snippet.language || 'text'), h('pre', {}, h('code', {}, snippet.code)))),
    (step.images || []).length ? h('p', { class: 'muted small' },
      `Images: ${step.images.map((image) => image.alt || image.filename).join(', ')}`) : null,
    step.substeps && step.substeps.length ? renderSteps(step.substeps) : null);
}

/**
 * A description that only repeats the name and the command ("Drain the node: kubectl drain …") is left out: the
 * converter no longer writes such repeats, but versions stored before it did still hold them.
 */
function addsToTheStep(step) {
  const description = (step.description || '').trim();
  if (!description) return false;
  const name = (step.name || '').trim();
  const rest = description.startsWith(name) ? description.slice(name.length).replace(/^[\s:.]+/, '').trim() : description;
  if (!rest) return false;
  const args = step.args || {};
  return rest !== (args.command || '').trim() && !(args.url && rest.includes(args.url));
}

function action(kind, args) {
  if (kind === 'shell' && args.command) {
    return h('pre', { class: 'command' }, h('code', {}, args.command));
  }
  if (kind === 'http_request' && args.url) {
    return h('div', { class: 'http' },
      h('pre', { class: 'command' }, h('code', {}, `${(args.method || 'GET').toUpperCase()} ${args.url}`)),
      args.headers ? h('pre', { class: 'command secondary' }, h('code', {},
        Object.entries(args.headers).map(([k, v]) => `${k}: ${v}`).join('\n'))) : null,
      args.body ? h('pre', { class: 'command secondary' }, h('code', {},
        typeof args.body === 'string' ? args.body : JSON.stringify(args.body, null, 2))) : null);
  }
  return null;
}
