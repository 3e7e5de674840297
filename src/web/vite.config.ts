// Build of the browser UI: `npm run build:web` writes dist/web, which the server serves at `/`.
// No node:* here either (the web lint rule covers this file); import.meta.dirname keeps paths cwd-independent.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { compression } from 'vite-plugin-compression2';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: '/',
  // Every text asset also written as .br and .gz beside it, served as they are (@fastify/static preCompressed): field
  // teams on poor links get the smallest form their browser takes, at no CPU cost per request.
  plugins: [preact(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  build: {
    outDir: `${here}/../../dist/web`,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    // maplibre-gl (most of the weight) and the verifiers are dynamic imports, so they load only on the pages using them.
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080', '/checkpoint': 'http://127.0.0.1:8080', '/tile': 'http://127.0.0.1:8080' } },
});
