// Swagger UI over the platform's own OpenAPI document; a file, not inline script, so the CSP holds.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#swagger-ui',
    // a deep link inside each operation's toggle button is an interactive control inside another (WCAG 4.1.2)
    deepLinking: false,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayOperationId: true,
    tryItOutEnabled: false,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
  // Swagger UI's server list has no label of its own; it is drawn again now and then, so keep labelling it
  new MutationObserver(function () {
    var servers = document.getElementById('servers');
    if (servers && !servers.hasAttribute('aria-label')) {
      servers.setAttribute('aria-label', '服务器地址 · Server');
    }
  }).observe(document.getElementById('swagger-ui'), {childList: true, subtree: true});
});
