import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// echarts-for-react's esm build imports tslib without declaring it; take the tslib echarts itself depends on
// (nested under echarts or hoisted, wherever npm put it), as its ES module build.
const fromEcharts = createRequire(createRequire(import.meta.url).resolve('echarts/package.json'));
const tslib = path.join(path.dirname(fromEcharts.resolve('tslib')), 'tslib.es6.js');

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: { alias: { tslib } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
