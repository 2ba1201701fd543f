import { contextBridge } from 'electron';
import { deskApi } from './api';

// The sandboxed preload: the only bridge between the page and the main process. It exports
// nothing, so the bundle needs no CommonJS `exports` in the sandbox's preload wrapper.
contextBridge.exposeInMainWorld('api', deskApi);
