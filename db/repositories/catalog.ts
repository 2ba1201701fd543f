import type { DbHandle } from '../dataSource';
import { entityRows } from './entityRows';
import {
  DisputeTypeEntity,
  OrganisationEntity,
  VillageEntity,
  type DisputeTypeRow,
  type OrganisationRow,
  type VillageRow,
} from '../entities';

export class CatalogRepository {
  constructor(private readonly db: DbHandle) {}

  private cached?: {
    organisations: ReturnType<typeof entityRows<OrganisationRow>>;
    disputeTypes: ReturnType<typeof entityRows<DisputeTypeRow>>;
    villages: ReturnType<typeof entityRows<VillageRow>>;
  };

  private get rows() {
    this.cached ??= {
      organisations: entityRows(this.db, OrganisationEntity),
      disputeTypes: entityRows(this.db, DisputeTypeEntity),
      villages: entityRows(this.db, VillageEntity),
    };
    return this.cached;
  }

  organisations(): Promise<OrganisationRow[]> {
    return Promise.resolve(this.rows.organisations.find({ deletedAt: null }, ['sort', 'name']));
  }

  /** Every intake and dispatch looks its committee up. */
  organisation(id: string): Promise<OrganisationRow | null> {
    return Promise.resolve(this.rows.organisations.one('id = ? AND deleted_at IS NULL', id));
  }

  insertOrganisation(row: OrganisationRow): Promise<void> {
    this.rows.organisations.insert(row);
    return Promise.resolve();
  }

  /** Optimistic update on `version` (bumped here); false when someone changed the record meanwhile. */
  updateOrganisation(row: OrganisationRow, version: number): Promise<boolean> {
    const { id, originOfficeId: _origin, createdAt: _created, version: _version, ...changes } = row;
    const changed = this.rows.organisations.update(
      { id, version, deletedAt: null },
      { ...changes, version: version + 1 },
    );
    return Promise.resolve(changed === 1);
  }

  /**
   * Dispute type and organisation names for lists, read synchronously by prepared statements:
   * every list page and search needs them, and the entity path cost more than the page's own query.
   */
  names(): { disputeTypes: Map<string, string>; organisations: Map<string, string> } {
    // One statement: at the county centre each is a round trip to the server.
    const rows = this.db.sql.all<{ t: string; k: string; v: string }>(
      `SELECT 'd' AS t, code AS k, name AS v FROM dispute_types
       UNION ALL SELECT 'o' AS t, id AS k, name AS v FROM organisations WHERE deleted_at IS NULL`,
    );
    const names = { disputeTypes: new Map<string, string>(), organisations: new Map<string, string>() };
    for (const r of rows) (r.t === 'd' ? names.disputeTypes : names.organisations).set(r.k, r.v);
    return names;
  }

  disputeTypes(): Promise<DisputeTypeRow[]> {
    return Promise.resolve(this.rows.disputeTypes.find({}, ['sort']));
  }

  disputeType(code: string): Promise<DisputeTypeRow | null> {
    return Promise.resolve(this.rows.disputeTypes.one('code = ?', code));
  }

  saveDisputeType(row: DisputeTypeRow): Promise<void> {
    this.rows.disputeTypes.save(row);
    return Promise.resolve();
  }

  maxDisputeTypeSort(): number {
    return this.db.sql.get<{ n: number | null }>(`SELECT max(sort) AS n FROM dispute_types`)?.n ?? 0;
  }

  villages(): Promise<VillageRow[]> {
    return Promise.resolve(this.rows.villages.find({ deletedAt: null }, ['township', 'name']));
  }

  village(id: string): Promise<VillageRow | null> {
    return Promise.resolve(this.rows.villages.findOne({ id, deletedAt: null }));
  }

  villageByName(township: string, name: string): Promise<VillageRow | null> {
    return Promise.resolve(this.rows.villages.findOne({ township, name, deletedAt: null }));
  }

  villageByCode(code: string): Promise<VillageRow | null> {
    return Promise.resolve(this.rows.villages.findOne({ code, deletedAt: null }));
  }

  saveVillage(row: VillageRow): Promise<void> {
    this.rows.villages.save(row);
    return Promise.resolve();
  }
}
