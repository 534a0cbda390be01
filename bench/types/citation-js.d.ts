// citation-js ships no type declarations; the benchmark only needs these two entry points.
declare module '@citation-js/core'
declare module '@citation-js/plugin-ris'
