// `npm run build`: the renderer (out/renderer), the Node-side bundles (out/main: Electron main
// and browser mode) and the sandboxed preload (out/preload). Plain Node so it runs the same on
// Windows packaging machines.
import { build } from 'vite';

const quiet = { logLevel: process.env.DESK_BUILD_VERBOSE ? 'info' : 'warn' };
await build({ configFile: 'vite.renderer.config.mts', ...quiet });
await build({ configFile: 'vite.main.config.mts', ...quiet });
process.env.DESK_BUNDLE = 'preload';
await build({ configFile: 'vite.main.config.mts', ...quiet });
console.log('构建完成：out/renderer、out/main、out/preload');
