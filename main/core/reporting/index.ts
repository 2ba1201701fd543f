// 省级报送 (issue 16): the provincial data package — info-sets, validation, mapping, batches.
import type { ProvinceOverviewDto } from '../../contract';
import { permissionsOf } from '../../contract';
import type { ServiceContext } from '../context';
import type { InstallationKeys } from '../installationKeys/keys';
import { batchDto, scopeKeyOf } from './batches';
import { allMappings } from './mappingStore';

export { acknowledgeByReceipt, acknowledgeManually, validateAll } from './batches';
export {
  cancelProvinceExport,
  provinceExportFile,
  provinceExportStatus,
  startProvinceExport,
} from './exportJob';
export { saveMapping } from './mappingStore';

export async function provinceOverview(
  ctx: ServiceContext,
  keys: InstallationKeys,
): Promise<ProvinceOverviewDto> {
  const key = scopeKeyOf(ctx.scope);
  const history = ctx.repos.provinceBatches.history(key).map(batchDto);
  return {
    fingerprint: keys.fingerprint,
    publicKeys: { ...keys.publicKeys },
    mappings: (await allMappings(ctx.repos)).map((m) => ({ id: m.id, name: m.name, form: m.form })),
    pending: history.find((b) => b.state === 'pending') ?? null,
    history,
    mayExportPlain: permissionsOf(ctx.actor.roles).has('province:exportPlain'),
  };
}
