import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is plain static files: Electron loads them from app://, browser mode from
// the loopback server. Relative base so both work.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
