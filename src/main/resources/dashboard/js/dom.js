// Builds DOM nodes from data without ever parsing it as HTML: text goes in as text nodes, links only as http(s).

/**
 * h('a', {class: 'x', href: url, onclick: fn}, 'text', child) -> element. Strings and numbers become text nodes;
 * null, undefined and false children are skipped; arrays are flattened.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'href' || name === 'src') {
      const safe = safeUrl(value);
      if (safe) element.setAttribute(name, safe);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A same-site path, a fragment, or an absolute http(s) URL; anything else (javascript:, data:) is dropped. */
export function safeUrl(value) {
  const text = String(value ?? '').trim();
  if (text.startsWith('#') || (text.startsWith('/') && !text.startsWith('//'))) return text;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateTime.format(date);
}

/** "in 5 minutes", "2 hours ago". */
export function fromNow(iso) {
  if (!iso) return '';
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const units = [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return '';
}

export function timeCell(iso) {
  return h('time', { datetime: iso || null, title: iso ? fromNow(iso) : null }, formatTime(iso));
}

export function badge(text, kind = '') {
  return h('span', { class: ['badge', kind && `badge-${kind}`] }, text);
}

export function emptyState(title, text, ...actions) {
  return h('div', { class: 'empty' }, h('div', { class: 'empty-icon', 'aria-hidden': 'true' }), h('h3', {}, title),
    text ? h('p', {}, text) : null, actions.length ? h('div', { class: 'actions' }, actions) : null);
}

export function errorBox(error, prefix) {
  const message = error && error.message ? error.message : String(error);
  return h('div', { class: 'error-box', role: 'alert' }, h('strong', {}, prefix || 'Something went wrong'),
    h('p', {}, message));
}

export function loading(text = 'Loading…') {
  return h('div', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

export function card(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', { class: 'card-title' }, title) : null, children);
}

/** A label/value grid: [['URL', 'https://…'], ['Spaces', node]]. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([label, value]) => [h('dt', {}, label),
    h('dd', {}, value === null || value === undefined || value === '' ? '—' : value)]));
}

export function button(text, onclick, kind = '', extra = {}) {
  return h('button', { type: 'button', class: ['button', kind], onclick, ...extra }, text);
}

/** Runs an action from a button: disables it meanwhile and shows a short label. */
export async function busy(buttonElement, label, action) {
  const original = buttonElement.textContent;
  buttonElement.disabled = true;
  buttonElement.textContent = label;
  try {
    return await action();
  } finally {
    buttonElement.disabled = false;
    buttonElement.textContent = original;
  }
}
