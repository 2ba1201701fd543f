import type { z } from 'zod';
import type { ChannelName, ChannelParsedInput, Channels } from '../../contract';
import type { ServiceContext } from '../../core/context';
import type { AppContext } from '../context';

type Awaitable<T> = T | Promise<T>;
type OutputOf<K extends ChannelName> = z.input<Channels[K]['output']>;

/** Channels open before sign-in get the app only; all others get a service context too. */
export type PublicHandler<K extends ChannelName> = (
  input: ChannelParsedInput<K>,
  app: AppContext,
) => Awaitable<OutputOf<K>>;
export type SessionHandler<K extends ChannelName> = (
  input: ChannelParsedInput<K>,
  ctx: ServiceContext,
  app: AppContext,
) => Awaitable<OutputOf<K>>;

export type HandlerFor<K extends ChannelName> = Channels[K]['access'] extends 'public'
  ? PublicHandler<K>
  : SessionHandler<K>;

/** One handler per channel: a channel without one fails to compile. */
export type Handlers = { [K in ChannelName]: HandlerFor<K> };

export type HandlerGroup<K extends ChannelName> = { [P in K]: HandlerFor<P> };
