import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the bench's bare duckdb-wasm page into bench-data/anchor-dist (never committed, never shipped).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../../bench-data/anchor-dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  logLevel: 'warn',
});
