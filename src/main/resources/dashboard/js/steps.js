// A playbook's steps as a reader wants them: numbered, commands in monospace, warnings set apart.

import { badge, clear, h } from './dom.js';

const ACTION_LABELS = { shell: 'shell', http_request: 'HTTP', noop: 'manual' };

/**
 * @param playbook the playbook document
 * @param imageUrl (file name) -> Promise of a URL of that attachment's picture; without it (a preview of a page not
 *        stored yet) step images are named, not shown
 */
export function renderPlaybook(playbook, imageUrl = null) {
  if (!playbook) return h('p', { class: 'muted' }, 'No playbook.');
  return h('div', { class: 'playbook' },
    playbook.description ? h('p', { class: 'lead' }, playbook.description) : null,
    // what the page says before its first step concerns the whole procedure
    warningsOf(playbook.warnings),
    (playbook.notes || []).map((note) => h('p', { class: 'note' }, note)),
    list('Parameters', playbook.parameters, (p) => h('li', {}, h('code', {}, p.name),
      p.required ? badge('required', 'warn') : null, p.description ? ` ${p.description}` : '')),
    list('Before you start', playbook.prerequisites, (p) => h('li', {}, p.description)),
    h('h3', { class: 'section-title' }, `Steps (${(playbook.steps || []).length})`),
    renderSteps(playbook.steps || [], imageUrl),
    playbook.rollback && playbook.rollback.length
      ? [h('h3', { class: 'section-title' }, 'Rollback'), renderSteps(playbook.rollback, imageUrl)] : null);
}

function warningsOf(warnings) {
  return (warnings || []).map((warning) => h('div', { class: 'warning', role: 'note' },
    h('strong', {}, 'Warning'), h('span', {}, warning)));
}

function list(title, items, item) {
  if (!items || !items.length) return null;
  return h('div', { class: 'aside-list' }, h('h3', { class: 'section-title' }, title), h('ul', {}, items.map(item)));
}

export function renderSteps(steps, imageUrl = null) {
  if (!steps.length) return h('p', { class: 'muted' }, 'This playbook has no steps.');
  return h('ol', { class: 'steps' }, steps.map((step) => renderStep(step, imageUrl)));
}

function renderStep(step, imageUrl) {
  const args = step.args || {};
  return h('li', { class: 'step', dataset: { action: step.action } },
    h('div', { class: 'step-head' },
      h('span', { class: 'step-name' }, step.name || step.id),
      badge(ACTION_LABELS[step.action] || step.action, `action-${step.action}`)),
    addsToTheStep(step) ? h('p', { class: 'step-text' }, step.description) : null,
    warningsOf(step.warnings),
    action(step.action, args),
    (step.notes || []).map((note) => h('p', { class: 'note' }, note)),
    (step.snippets || []).map((snippet) => h('figure', { class: 'snippet' },
      h('figcaption', {}, snippet.language || 'text'), h('pre', {}, h('code', {}, snippet.code)))),
    (step.images || []).map((image) => stepImage(image, imageUrl)),
    step.substeps && step.substeps.length ? renderSteps(step.substeps, imageUrl) : null);
}

/** The picture a step shows: an attachment of the page loaded through the API, an external one as a link. */
function stepImage(image, imageUrl) {
  const caption = image.alt || image.filename || image.url;
  if (!image.filename) {
    return h('p', { class: 'muted small' }, 'Image: ', h('a', { href: image.url, target: '_blank', rel: 'noopener noreferrer' }, caption));
  }
  if (!imageUrl) return h('p', { class: 'muted small' }, `Image: ${caption}`);
  const picture = h('img', { class: 'step-image', alt: caption });
  const figure = h('figure', { class: 'step-figure' }, picture, h('figcaption', {}, caption));
  imageUrl(image.filename).then((url) => {
    const release = () => URL.revokeObjectURL(url);
    picture.addEventListener('load', release, { once: true });
    picture.addEventListener('error', release, { once: true });
    picture.src = url;
  }).catch((e) => clear(figure, h('p', { class: 'muted small' }, `Image ${caption} could not be loaded: ${e.message}`)));
  return figure;
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
        typeof args.body === 'string' ? args.body : JSON.stringify(args.body, null, 2))) : null,
      args.query ? h('p', { class: 'muted small' }, 'Query: ', h('code', {}, args.query)) : null,
      args.output ? h('p', { class: 'muted small' }, 'Saves the answer to ', h('code', {}, args.output)) : null,
      args.headers_only ? h('p', { class: 'muted small' }, 'Only the headers of the answer are wanted (curl -I)') : null);
  }
  return null;
}
