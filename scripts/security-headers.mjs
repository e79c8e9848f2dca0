// The security headers of Partnership Insight, in one place: the static server (npm start, tests,
// benchmark) sends them with every response, and the build writes the Content-Security-Policy into
// index.html as well (a <meta> copy, for servers that cannot send headers). docs/deploying.md's
// section shows the same headers for IIS and nginx.

/**
 * Everything from the app's own origin, nothing else. 'wasm-unsafe-eval' lets the browser compile
 * DuckDB's WebAssembly; there is no script eval and no inline script. Styles allow 'unsafe-inline'
 * because the chart library sets style attributes.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "manifest-src 'self'",
];

/** The policy for the <meta> tag (browsers ignore frame-ancestors there). */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** The policy as an HTTP header: it also covers the DuckDB worker and the service worker. */
export const CONTENT_SECURITY_POLICY_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** Sent with every response of the app. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
