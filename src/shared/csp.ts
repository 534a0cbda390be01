/**
 * The Content-Security-Policy of the renderer (RELIABILITY.md S2): sent as a response header by the
 * `app://` protocol handler, and mirrored by the `<meta>` tag of the built `index.html`.
 *
 * No remote host anywhere: Sift is offline by design (S7). `style-src 'unsafe-inline'` is for the style
 * attributes and tags the component library sets at runtime; scripts never get `unsafe-inline` or
 * `unsafe-eval`. `worker-src blob:` lets bundlers start Web Workers from blob URLs.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  // Full-text PDFs are shown from blob: URLs in an embedded frame; nothing remote can be framed.
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const

/** The full policy, for the HTTP response header. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ')

/**
 * The same policy for a `<meta http-equiv>` tag. `frame-ancestors` is left out because browsers ignore it
 * in a meta tag and log a console error saying so; the header still carries it.
 */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter(
  (directive) => !directive.startsWith('frame-ancestors'),
).join('; ')
