import type { BrowserWindowConstructorOptions } from 'electron';
import { vi } from 'vitest';

// A stand-in for the parts of 'electron' main/app and preload use. The real binary cannot be
// installed on these machines, so the Electron glue is tested against this: each fake records
// what the code under test asked Electron to do, and tests drive events into it.
//
// Use from a test file (vi.mock is hoisted, so the fake must be built in vi.hoisted):
//   const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
//   vi.mock('electron', () => electron);

// Any function may be registered; emit() passes whatever the test drives in.
type Listener = (...args: never[]) => unknown;
type Invocable = (...args: unknown[]) => unknown;

export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Invocable = (...args) => {
      this.removeListener(event, wrapped);
      return (listener as Invocable)(...args);
    };
    return this.on(event, wrapped);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  off(event: string, listener: Listener): this {
    return this.removeListener(event, listener);
  }

  emit(event: string, ...args: unknown[]): boolean {
    const current = this.listeners.get(event) ?? [];
    for (const listener of current) (listener as Invocable)(...args);
    return current.length > 0;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export interface PreventableEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

/** An Electron-style event object: `preventDefault()` plus any event params (e.g. `url`). */
export function preventable<P extends object>(params?: P): P & PreventableEvent {
  let prevented = false;
  return {
    ...(params ?? ({} as P)),
    preventDefault() {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

export class FakeWebContents extends FakeEmitter {
  readonly send = vi.fn();
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  readonly setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => unknown) => {
    this.windowOpenHandler = handler;
  });
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  minimized = false;
  destroyed = false;
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly isMinimized = vi.fn(() => this.minimized);
  readonly isDestroyed = vi.fn(() => this.destroyed);

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

export function createFakeElectron() {
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const state = {
    /** What requestSingleInstanceLock answers. */
    lock: true,
    userData: '',
    appPath: '',
    /** Set when app.quit() ran and no before-quit listener prevented it. */
    quitted: false,
  };

  const appEmitter = new FakeEmitter();
  const app = Object.assign(appEmitter, {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(() => {
      const event = preventable();
      appEmitter.emit('before-quit', event);
      if (!event.defaultPrevented) state.quitted = true;
    }),
    exit: vi.fn(),
    whenReady: vi.fn(() => ready),
    getPath: vi.fn((name: string) => {
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
      return state.userData;
    }),
    getAppPath: vi.fn(() => state.appPath),
    getVersion: vi.fn(() => '0.1.0'),
    setAppUserModelId: vi.fn(),
    setAboutPanelOptions: vi.fn(),
  });

  const ipcHandlers = new Map<string, Invocable>();
  const ipcMain = {
    handlers: ipcHandlers,
    handle: vi.fn((channel: string, handler: Listener) => {
      // Electron throws on a second handler for the same channel; so does the fake.
      if (ipcHandlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler as Invocable);
    }),
    removeHandler: vi.fn((channel: string) => {
      ipcHandlers.delete(channel);
    }),
  };

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const protocol = {
    handlers: protocolHandlers,
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      protocolHandlers.set(scheme, handler);
    }),
  };

  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    },
  };

  const exposed: Record<string, unknown> = {};
  const ipcRenderer = Object.assign(new FakeEmitter(), {
    invoke: vi.fn(async (_channel: string, _input: unknown): Promise<unknown> => ({ ok: true, value: {} })),
  });

  return {
    // --- the module surface ---
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    session,
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn() },
    shell: { openExternal: vi.fn() },
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, value: unknown) => {
        exposed[key] = value;
      }),
    },
    ipcRenderer,
    // --- test controls ---
    state,
    exposed,
    /** Resolves app.whenReady(), as Electron does once it has initialised. */
    markReady: () => resolveReady(),
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** A frame as seen by ipcMain handlers (`event.senderFrame`). */
export function ipcEventFrom(url: string | null): { senderFrame: { url: string } | null } {
  return { senderFrame: url === null ? null : { url } };
}
