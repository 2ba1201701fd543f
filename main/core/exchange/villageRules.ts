import type { VillageRow } from '../../../db/entities';
import type { ExchangeLine, VillageRecord } from '../../contract/exchange/records';
import { ownRecordBack, type RecordRules } from './merge';
import { rejected } from './packageReader';

// 村（社区） in a package: owned by the office that added it (the county's seeded list, or a
// township's own), so only that office may send it, and a township only within its 乡镇.

const village = (line: ExchangeLine) => line.r as VillageRecord;

export const villageRules: RecordRules = {
  get: (repos, line) => repos.exchangeVillages.village(line.r.id),
  put: (repos, line) => repos.exchangeVillages.putVillage(village(line)),
  checkScope(ctx, line, index, local) {
    if (ownRecordBack(ctx, line, local)) return;
    const r = village(line);
    const who = ctx.sender.officeName;
    if (r.originOfficeId !== ctx.sender.officeId || (local && local.originOfficeId !== ctx.sender.officeId))
      throw rejected(`第${index}条记录（村（社区））属于其他机构，${who}无权发送它`);
    if (ctx.senderTownship && r.township !== ctx.senderTownship)
      throw rejected(`第${index}条记录（村（社区）“${r.name}”）属于${r.township}，不在${who}的范围内`);
  },
  clash(repos, line) {
    const clash: VillageRow | undefined = repos.exchangeVillages.villageClash(village(line));
    const r = village(line);
    return clash
      ? `（村（社区）“${r.township}${r.name}”）与本机已有的“${clash.township}${clash.name}”同名或代码相同`
      : undefined;
  },
  casesOf: () => [],
};
