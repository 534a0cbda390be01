import type { Plugin } from 'vite'

import { META_CONTENT_SECURITY_POLICY } from '../src/shared/csp'

/**
 * Writes the renderer's Content-Security-Policy meta tag from the one definition in `src/shared/csp.ts`, so the
 * built page and the `app://` response header can never drift apart.
 */
export function cspMetaTag(): Plugin {
  return {
    name: 'sift-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}
