import { build } from 'esbuild'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Imports a benchmark module after bundling it with the core it measures, the way the app ships the core (one
 * scope-hoisted module per worker). Run straight through tsx, every call from one source module into another goes
 * through a getter that tsx's module interop adds; in the Web of Science import profile those getters were 6% of
 * the samples, a cost of the loader rather than of the code. `import.meta.dirname` keeps meaning the bench folder.
 */
export async function importBundled<T>(entry: string): Promise<T> {
  const name = path.basename(entry, '.ts')
  const outfile = path.resolve(import.meta.dirname, '../node_modules/.cache/sift-bench', `${name}.mjs`)
  await build({
    entryPoints: [path.resolve(import.meta.dirname, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    define: { 'import.meta.dirname': JSON.stringify(import.meta.dirname) },
    logLevel: 'warning',
  })
  return (await import(pathToFileURL(outfile).href)) as T
}
