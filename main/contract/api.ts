import type { ChannelInput, ChannelName, ChannelOutput } from './channels';
import type { EventName, EventPayload } from './events';
import type { Result } from './errors';

/** The shape of window.api, identical in Electron (preload) and browser mode (loopback shim). */
export interface DeskApi {
  invoke<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
