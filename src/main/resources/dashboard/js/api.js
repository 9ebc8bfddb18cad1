// Every call to the REST API goes through here: the bearer token from session storage, JSON both ways, and errors
// turned into ApiError with the service's own words.

const BASE = '/api/v1/confluence';
const TOKEN_KEY = 'confluence-playbooks.api-token';

export class ApiError extends Error {
  constructor(status, message, type) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** Listeners told when the API answers 401, so the page can ask for the token. */
const unauthorizedListeners = new Set();
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

export async function api(path, { method = 'GET', body } = {}) {
  // names the dashboard as the channel of the uses it causes (opening a playbook counts toward its value)
  const headers = { Accept: 'application/json', 'X-Playbooks-Client': 'dashboard' };
  const bearer = token.get();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, `The service cannot be reached (${e.message}). Is it still running?`, 'network');
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const message = data && data.error ? data.error : `${response.status} ${response.statusText || 'error'}`;
    const error = new ApiError(response.status, message, data && data.type);
    // a 401 to a call sent before a new token was entered says nothing about that token: it must not clear it
    const refusedTheCurrentToken = token.get() === bearer;
    if (response.status === 401 && refusedTheCurrentToken) unauthorizedListeners.forEach((listener) => listener(error));
    throw error;
  }
  return data;
}

export const get = (path) => api(path);
export const post = (path, body = {}) => api(path, { method: 'POST', body });

/**
 * A file the API answers (an attachment) as an object URL for an <img> or a download link: fetched here because an
 * <img src> cannot carry the bearer token. The caller revokes the URL when done with it.
 */
export async function fileUrl(path) {
  const headers = {};
  const bearer = token.get();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let response;
  try {
    response = await fetch(BASE + path, { headers, credentials: 'omit' });
  } catch (e) {
    throw new ApiError(0, `The service cannot be reached (${e.message}).`, 'network');
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText || 'error'}`;
    try {
      message = (await response.json()).error || message;
    } catch {
      // not JSON: the status says it
    }
    throw new ApiError(response.status, message);
  }
  return URL.createObjectURL(await response.blob());
}
