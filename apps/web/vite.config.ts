import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The web front end, built into dist/web and served by the api from the same origin
 * (apps/api/src/web-static.ts). No React plugin: Vite 8 compiles TSX with the automatic JSX runtime
 * itself, and @vitejs/plugin-react 6 does not install beside this repo's jest (babel 7 peer conflict).
 */
export default defineConfig({
  root: here('.'),
  publicDir: here('public'),
  // The one vocabulary, plain TypeScript shared with the api (libs/vocabulary).
  resolve: { alias: { '@app/vocabulary': here('../../libs/vocabulary/src/index.ts') } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // antd marks its modules "use client" for React Server Components; a client-only bundle can ignore it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      output: {
        // Split by library so a phone caches antd and echarts apart from the app's own code.
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (id.includes('node_modules/antd') || id.includes('node_modules/@ant-design') || id.includes('node_modules/rc-')) return 'antd';
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
