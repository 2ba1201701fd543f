import seed from '../../../resources/seed/pingluo.json';
import divisions from '../../../resources/seed/pingluo-villages.json';
import type { OfficeKind } from '../../contract';

// Pingluo's organisations as shipped (resources/seed/pingluo.json). Their ids are fixed, so a
// township installation and the county agree on who is who when they exchange packages.

export interface SeedOrganisation {
  id: string;
  name: string;
  kind: OfficeKind;
  abbreviation: string;
  township: string | null;
}

export const pingluo = {
  county: seed.county,
  townships: seed.townships,
  organisations: seed.organisations as SeedOrganisation[],
  /** 统计用区划代码 of each township (NBS 2023, resources/seed/pingluo-villages.json). */
  townshipCodes: new Map(divisions.townships.map((t) => [t.name, t.code])),
};

/** The offices a new installation can be: the county center and the 13 township committees. */
export function installableOffices(): SeedOrganisation[] {
  return pingluo.organisations.filter((o) => o.kind === 'county_center' || o.kind === 'township');
}
