import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompressWeb } from './scripts/precompress-web';

// The web app lives in src/web and is built into dist/web, which the Fastify server
// serves from the same origin as the API (src/server/app.ts). In development, `npx vite`
// serves the app and forwards /api to a server started with `npm start`.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  // Each text file also as .gz, which the server sends to browsers that accept gzip.
  plugins: [react(), precompressWeb()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // antd and echarts are large; each route is its own chunk, the charts load only where used.
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
