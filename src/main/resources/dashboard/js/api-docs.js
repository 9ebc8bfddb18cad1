// Swagger UI over the service's OpenAPI document. "Try it out" sends the bearer token the dashboard keeps in this
// tab's session storage, when there is one (or one entered with Swagger UI's Authorize button).
'use strict';

window.addEventListener('DOMContentLoaded', async () => {
  const token = sessionStorage.getItem('confluence-playbooks.api-token');
  const spec = await (await fetch('/api/v1/openapi.json', { credentials: 'omit' })).json();
  // the document names the address the server binds; calls from this page go to the address it was loaded from
  spec.servers = [{ url: window.location.origin }];
  window.SwaggerUIBundle({
    spec,
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false,
    requestInterceptor: (request) => {
      if (token && !request.headers.Authorization) request.headers.Authorization = `Bearer ${token}`;
      return request;
    },
  });
});
