// The Confluence connection: what it is now, a form to change it, and a test that saves nothing.
// The token is write-only: the API says only whether one is stored, and an empty field keeps it.

import { get, post } from './api.js';
import { badge, busy, card, clear, errorBox, facts, h, loading } from './dom.js';

export async function render(view, params, shell) {
  view.append(loading('Loading the connection…'));
  let status;
  try {
    status = await get('/status');
  } catch (e) {
    clear(view, errorBox(e, 'The connection could not be loaded'));
    return;
  }
  const field = (id, label, input, hint) => h('div', { class: 'field' }, h('label', { for: id }, label), input,
    hint ? h('p', { class: 'hint' }, hint) : null);
  const url = h('input', { id: 'conn-url', type: 'url', value: status.url || '', placeholder: 'https://example.atlassian.net/wiki', required: true });
  const deployment = h('select', { id: 'conn-deployment' },
    [['auto', 'Detect automatically'], ['cloud', 'Confluence Cloud'], ['datacenter', 'Data Center / Server']]
      .map(([value, label]) => h('option', { value }, label)));
  deployment.value = status.deployment || 'auto';
  const username = h('input', { id: 'conn-username', value: status.username || '', autocomplete: 'off',
    placeholder: 'ops@example.com' });
  const apiToken = h('input', { id: 'conn-token', type: 'password', autocomplete: 'new-password',
    placeholder: status.api_token_set ? '•••••••• stored: leave empty to keep it' : 'API token or personal access token' });
  const spaces = h('input', { id: 'conn-spaces', value: (status.spaces_configured || []).join(', '), placeholder: 'OPS, INFRA' });
  const enabled = h('input', { id: 'conn-enabled', type: 'checkbox', checked: status.enabled });
  const result = h('div', { id: 'conn-result', 'aria-live': 'polite' });
  const testButton = h('button', { type: 'button', class: 'button', id: 'conn-test' }, 'Test connection');
  const saveButton = h('button', { type: 'submit', class: 'button primary', id: 'conn-save' }, 'Save');

  function request() {
    const body = {
      url: url.value.trim(),
      username: username.value.trim(),
      spaces: spaces.value.split(/[\s,]+/).filter(Boolean),
      enabled: enabled.checked,
      deployment: deployment.value,
    };
    if (apiToken.value) body.api_token = apiToken.value;
    return body;
  }

  testButton.addEventListener('click', () => busy(testButton, 'Testing…', async () => {
    clear(result);
    try {
      const answer = await post('/connection/test', request());
      clear(result, h('div', { class: 'success-box' }, h('strong', {}, `Connected to Confluence ${answer.deployment === 'datacenter' ? 'Data Center' : 'Cloud'}.`),
        answer.spaces.length ? h('p', {}, 'Spaces: ', answer.spaces.map((s) => `${s.key} (${s.name})`).join(', ')) : h('p', {}, 'No spaces given.')));
    } catch (e) {
      clear(result, errorBox(e, 'The connection test failed'));
    }
  }));

  const form = h('form', { class: 'form', onsubmit: (event) => {
    event.preventDefault();
    busy(saveButton, 'Testing and saving…', async () => {
      clear(result);
      try {
        const saved = await post('/configure', request());
        apiToken.value = '';
        apiToken.placeholder = '•••••••• stored: leave empty to keep it';
        clear(result, h('div', { class: 'success-box' }, h('strong', {}, 'Saved.'),
          h('p', {}, saved.connected ? 'The connection works and is in use now.' : `Saved, but: ${saved.connection_error}`)));
        showCurrent(saved);
        shell.refreshStatus();
      } catch (e) {
        clear(result, errorBox(e, 'Nothing was saved'));
      }
    });
  } },
  field('conn-url', 'Site URL', url, 'Cloud: https://your-site.atlassian.net/wiki · Data Center: https://host[/context]'),
  field('conn-deployment', 'Deployment', deployment),
  field('conn-username', 'Account', username, 'Cloud: the account e-mail. Data Center: leave empty to use a personal access token.'),
  field('conn-token', 'API token', apiToken, 'Write-only: the stored token is never shown or sent back.'),
  field('conn-spaces', 'Spaces', spaces, 'Space keys, separated by commas.'),
  h('label', { class: 'check' }, enabled, 'Sync these spaces on the schedule'),
  h('div', { class: 'actions' }, testButton, saveButton),
  result);

  const current = h('div');
  function showCurrent(s) {
    clear(current, facts([
      ['State', s.connected ? badge('connected', 'ok') : badge('not connected', 'bad')],
      s.connection_error ? ['Error', h('span', { class: 'error-text' }, s.connection_error)] : null,
      ['Site', s.url || 'not configured'],
      ['Deployment', s.deployment],
      ['Account', s.username],
      ['API token', s.api_token_set ? 'stored (hidden)' : 'none'],
      ['Spaces', (s.spaces_configured || []).length ? h('span', { class: 'badges' }, s.spaces_configured.map((k) => badge(k, 'space'))) : 'none'],
      ['Scheduled sync', s.enabled ? 'on' : 'off'],
      ['Playbooks stored', String(s.total_confluence_playbooks)],
    ]));
  }
  showCurrent(status);
  clear(view, h('div', { class: 'grid form-grid' }, card('Settings', form), card('Now in use', current)));
}
