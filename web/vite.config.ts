import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.TOCHUC_API ?? 'http://localhost:8080';

/** Vendor code split by library so no single chunk grows past the warning limit. */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (id.includes('@mantine')) return 'mantine';
  if (id.includes('@tabler')) return 'icons';
  // The charts load only with the statistics screen; zrender apart keeps each chunk under the limit.
  if (id.includes('node_modules/zrender/')) return 'zrender';
  if (id.includes('node_modules/echarts/')) return 'charts';
  if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
  return 'vendor';
}

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: { output: { manualChunks: vendorChunk } },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
    },
  },
});
