import type { ApiError, ChannelInput, ChannelName, ChannelOutput, DeskApi } from '../../main/contract';

// The renderer's only door to the services: window.api, put there by the Electron preload or
// by the browser-mode shim. Nothing else crosses.

declare global {
  interface Window {
    api: DeskApi;
  }
}

export class DeskError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Calls a channel; resolves with its value or rejects with a DeskError carrying the Chinese message. */
export async function invoke<K extends ChannelName>(
  channel: K,
  input: ChannelInput<K>,
): Promise<ChannelOutput<K>> {
  const result = await window.api.invoke(channel, input);
  if (!result.ok) throw new DeskError(result.error);
  return result.value;
}
