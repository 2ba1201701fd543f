import type { z } from 'zod';
import { authChannels } from './auth';
import { adminChannels } from './admin';
import { caseChannels } from './cases';
import { documentChannels } from './documents';
import { organisationChannels } from './organisations';
import { workflowChannels } from './workflow';
// backup (issue 12)
import { backupChannels } from './backup';
// ── dossier (issue 13) ──
import { dossierChannels } from './dossiers';
// ── statistics (issue 15) ──
import { statisticsChannels } from './statistics';
// ── screening & subsidy (issue 15) ──
import { screeningChannels } from './screening';
import { subsidyChannels } from './subsidy';
// ── province (issue 16) ──
import { provinceChannels } from './province';
// ── exchange (issue 14) ──
import { exchangeChannels, exchangePackageChannels } from './exchange';

/** Every channel of the app. Add a domain's map here; the handler map must then cover it. */
export const channels = {
  ...authChannels,
  ...adminChannels,
  ...caseChannels,
  ...organisationChannels,
  ...workflowChannels,
  ...documentChannels,
  // backup (issue 12)
  ...backupChannels,
  // ── dossier (issue 13) ──
  ...dossierChannels,
  // ── statistics (issue 15) ──
  ...statisticsChannels,
  // ── screening & subsidy (issue 15) ──
  ...screeningChannels,
  ...subsidyChannels,
  // ── province (issue 16) ──
  ...provinceChannels,
  // ── exchange (issue 14) ──
  ...exchangeChannels,
  ...exchangePackageChannels,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<K extends ChannelName> = z.input<Channels[K]['input']>;
export type ChannelParsedInput<K extends ChannelName> = z.output<Channels[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Channels[K]['output']>;

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}
