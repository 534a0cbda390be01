import { builtinModules } from 'node:module'
import { resolve } from 'node:path'

import { defineConfig } from 'vite'

/** Bundles the `sift` command line (src/cli) into one Node ESM file. */
export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'src/cli/main.ts'),
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
      output: { entryFileNames: 'sift.mjs', format: 'es' },
    },
  },
  ssr: { noExternal: true },
})
