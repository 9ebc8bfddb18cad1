// The dashboard's shell: hash routes to sections, the connection status in the top bar, the API token prompt.

import { get, onUnauthorized, token } from './api.js';
import { clear, errorBox, h } from './dom.js';
import * as playbooks from './playbooks.js';
import * as playbook from './playbook.js';
import * as sync from './sync.js';
import * as discover from './discover.js';
import * as analytics from './analytics.js';
import * as connection from './connection.js';
import * as events from './events.js';

const routes = [
  { pattern: /^#\/playbooks\/([^/]+)$/, section: 'playbooks', title: 'Playbook', view: playbook },
  { pattern: /^#\/playbooks$/, section: 'playbooks', title: 'Playbooks', view: playbooks },
  { pattern: /^#\/sync$/, section: 'sync', title: 'Sync', view: sync },
  { pattern: /^#\/discover$/, section: 'discover', title: 'Discover & preview', view: discover },
  { pattern: /^#\/analytics$/, section: 'analytics', title: 'Analytics', view: analytics },
  { pattern: /^#\/connection$/, section: 'connection', title: 'Connection', view: connection },
  { pattern: /^#\/events$/, section: 'events', title: 'Events', view: events },
];

const view = document.getElementById('view');
const title = document.getElementById('page-title');
const notice = document.getElementById('notice');
let leaveCurrent = null;

/** Shared with the sections: a message in the bar under the title, and a fresh look at the status. */
const shell = {
  notify(message, kind = 'info') {
    notice.hidden = false;
    notice.className = `notice notice-${kind}`;
    clear(notice, h('span', {}, message), h('button', {
      type: 'button', class: 'notice-close', 'aria-label': 'Dismiss', onclick: () => { notice.hidden = true; },
    }, '×'));
  },
  refreshStatus,
};

async function show() {
  if (leaveCurrent) {
    leaveCurrent();
    leaveCurrent = null;
  }
  const hash = location.hash || '#/playbooks';
  const route = routes.find((r) => r.pattern.test(hash));
  if (!route) {
    location.replace('#/playbooks');
    return;
  }
  const params = hash.match(route.pattern).slice(1).map(decodeURIComponent);
  title.textContent = route.title;
  document.title = `${route.title} · Confluence Playbooks`;
  document.querySelectorAll('.nav a').forEach((link) => {
    link.classList.toggle('active', link.dataset.section === route.section);
  });
  notice.hidden = true;
  clear(view);
  try {
    leaveCurrent = (await route.view.render(view, params, shell)) || null;
  } catch (e) {
    clear(view, errorBox(e, 'This section could not be shown'));
  }
}

async function refreshStatus() {
  const pill = document.getElementById('connection-status');
  const text = pill.querySelector('.status-text');
  try {
    const status = await get('/status');
    const state = status.connected ? 'connected' : status.url ? 'not connected' : 'not configured';
    pill.dataset.state = status.connected ? 'ok' : 'bad';
    text.textContent = status.connected && !status.enabled ? 'connected (sync off)' : state;
    pill.title = status.connection_error || (status.url ? `Confluence at ${status.url}` : '');
    return status;
  } catch (e) {
    pill.dataset.state = 'bad';
    text.textContent = e.status === 401 ? 'token needed' : 'service unreachable';
    pill.title = e.message;
    return null;
  }
}

// The token prompt: shown on the first 401, again with the reason when a token is refused.
const dialog = document.getElementById('token-dialog');
const tokenForm = document.getElementById('token-form');
const tokenInput = document.getElementById('token-input');
const tokenError = document.getElementById('token-error');
const forgetToken = document.getElementById('forget-token');

onUnauthorized((error) => {
  const hadToken = Boolean(token.get());
  token.clear();
  forgetToken.hidden = true;
  // several calls fail at once: the first one tells why
  if (dialog.open) return;
  tokenError.hidden = !hadToken;
  tokenError.textContent = hadToken ? `The token was refused: ${error.message}` : '';
  shell.notify(hadToken
    ? 'The API refused the token (401 Unauthorized). Enter the right API token to go on.'
    : 'This service needs an API token (401 Unauthorized). Enter it to use the dashboard.', 'error');
  dialog.showModal();
  tokenInput.focus();
});

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = tokenInput.value.trim();
  if (!value) return;
  token.set(value);
  tokenInput.value = '';
  dialog.close();
  forgetToken.hidden = false;
  refreshStatus();
  show();
});

forgetToken.addEventListener('click', () => {
  token.clear();
  forgetToken.hidden = true;
  location.reload();
});
forgetToken.hidden = !token.get();

window.addEventListener('hashchange', show);
refreshStatus();
setInterval(refreshStatus, 60000);
show();
