import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves dist/; `npm run dev` proxies the API so the dashboard can be developed against `dotnet run --project api`.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': 'http://localhost:5000', '/hubs': { target: 'http://localhost:5000', ws: true }, '/billing': 'http://localhost:5000', '/pricing': 'http://localhost:5000' } },
  test: { environment: 'jsdom', globals: true },
});
