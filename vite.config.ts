import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './scripts/security-headers.mjs';

/**
 * The strict Content-Security-Policy (scripts/security-headers.mjs) also goes into the built index.html,
 * for servers that cannot send headers. Build only: Vite's dev server needs inline scripts for hot reload.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'partnership-insight-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      // Our own service worker (src/sw.ts): it serves the DuckDB wasm from the network first.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      includeAssets: ['icon.svg', 'icon-192.png', 'icon-512.png'],
      manifest: {
        name: 'Partnership Insight',
        short_name: 'Insight',
        description:
          'Offline analytics for multi-agency safeguarding arrangements (safeguarding partners; LSCPs). Data never leaves this computer.',
        theme_color: '#1d3a5f',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        // Everything the app needs offline, the 34 MB DuckDB wasm and the sample data included.
        globPatterns: ['**/*.{js,css,html,wasm,csv,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Never inline assets as data: URLs (the CSP only lets the app fetch from its own origin).
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 2048,
  },
  worker: { format: 'es' },
});
