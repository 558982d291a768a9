/// <reference types="vitest/config" />
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// Aspire injects the Api's address (`services__api__http__0`, or `API_HTTP` in the Aspire 13 style).
const apiTarget = process.env.services__api__http__0 ?? process.env.API_HTTP ?? 'http://127.0.0.1:5080';
const port = Number(process.env.PORT ?? 5173);

// The browser sees one origin. The Host header stays as the browser sent it (changeOrigin: false),
// so the identity provider builds its issuer, redirects and cookies for the SPA origin; Location and
// Set-Cookie headers pass through untouched.
const toApi: ProxyOptions = { target: apiTarget, changeOrigin: false, xfwd: true };
const proxy = { '/api': toApi, '/connect': toApi, '/.well-known': toApi, '/scim': toApi };

// The same protective headers the Api sends with the published SPA (its CSP stays off here:
// Vite's dev client relies on inline scripts). Tokens travel in reset/activation URLs: no referrer.
const headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'SAMEORIGIN' };

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port, strictPort: true, proxy, headers },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
