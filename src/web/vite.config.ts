// Build of the browser UI: `npm run build:web` writes dist/web, which the server serves at `/`.
// No node:* here either (the web lint rule covers this file); import.meta.dirname keeps paths cwd-independent.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: '/',
  plugins: [
    preact(),
    // Installable, and opens without a network: the app shell is precached by a Workbox service worker; the API's
    // GETs are served from the network when there is one and from the last answer when there is not. Statements are
    // never cached: the outbox (IndexedDB) keeps them until sent. The worker and its registration are files of their
    // own (no inline script), so a strict CSP (script-src 'self') holds.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: {
        name: 'Truce — ceasefire monitoring',
        short_name: 'Truce',
        description: 'Ceasefire monitoring and verification: reports, evidence, findings, and a verifiable log.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f3a5a',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,json,woff2,png}'],
        // maplibre-gl and the basemap are large; the field app needs them offline too.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/v1\//, /^\/tile\//, /^\/checkpoint/, /^\/docs/, /^\/openapi\.json/, /^\/metrics/, /^\/healthz/, /^\/readyz/],
        // Only the public's answers are kept. A member's signed read (truce-key / truce-signature headers, or any
        // credential) answers what the terms let that member read; kept under its URL, it would be served to whoever
        // uses the device next, signed in or not. Such a read goes to the network only, and with no network gets the
        // public's last answer for the URL (never more than the public reads). Both functions are copied into the
        // worker as source text (Workbox generateSW), so they use nothing from this file.
        runtimeCaching: [
          {
            urlPattern: ({ url, request }) =>
              request.method === 'GET' && url.pathname.startsWith('/v1/') && !url.pathname.startsWith('/v1/evidence/') &&
              !['truce-key', 'truce-signature', 'truce-at', 'authorization'].some((h) => request.headers.has(h)),
            handler: 'NetworkFirst',
            options: { cacheName: 'truce-public-api', networkTimeoutSeconds: 5, expiration: { maxEntries: 500 } },
          },
          {
            urlPattern: ({ url, request }) => request.method === 'GET' && url.pathname.startsWith('/v1/') && !url.pathname.startsWith('/v1/evidence/'),
            handler: async ({ request }) => {
              try {
                return await fetch(request);
              } catch (error) {
                const cached = await (await caches.open('truce-public-api')).match(request.url);
                if (cached) return cached;
                throw error;
              }
            },
          },
        ],
      },
    }),
    // Every text asset also written as .br and .gz beside it, served as they are (@fastify/static preCompressed): field
    // teams on poor links get the smallest form their browser takes, at no CPU cost per request.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 }),
  ],
  build: {
    outDir: `${here}/../../dist/web`,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    // maplibre-gl (most of the weight) and the verifiers are dynamic imports, so they load only on the pages using them.
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080', '/checkpoint': 'http://127.0.0.1:8080', '/tile': 'http://127.0.0.1:8080' } },
});
