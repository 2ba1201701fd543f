import type { exchangeChannels } from '../../contract/channels/exchange';
import {
  exchangeOverview,
  ownKeyCard,
  previewKeyCard,
  revokeOffice,
  trustOffice,
} from '../../core/exchange/trust';
import type { HandlerGroup } from './types';

export const exchangeHandlers: HandlerGroup<keyof typeof exchangeChannels> = {
  'exchange:overview': (_input, ctx, app) => exchangeOverview(ctx, app.session.installationKeys()),
  'exchange:keyCard': (_input, ctx, app) => {
    const card = ownKeyCard(ctx, app.session.installationKeys());
    ctx.audit.detail = `指纹 ${card.fingerprint}`;
    return card;
  },
  'exchange:previewKeyCard': (input, ctx, app) =>
    previewKeyCard(ctx, app.session.installationKeys(), input.card),
  'exchange:trust': (input, ctx, app) =>
    trustOffice(ctx, app.session.installationKeys(), input.card, input.fingerprint),
  'exchange:revoke': (input, ctx) => revokeOffice(ctx, input.officeId, input.reason),
};
