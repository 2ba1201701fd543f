import { IsNull } from 'typeorm';
import type { DbHandle } from '../dataSource';
import { entityReader } from './entityRows';
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
    organisation: ReturnType<typeof entityReader<OrganisationRow>>;
    disputeType: ReturnType<typeof entityReader<DisputeTypeRow>>;
  };

  private readers() {
    this.cached ??= {
      organisation: entityReader(this.db, OrganisationEntity),
      disputeType: entityReader(this.db, DisputeTypeEntity),
    };
    return this.cached;
  }

  organisations(): Promise<OrganisationRow[]> {
    return this.db.em
      .getRepository(OrganisationEntity)
      .find({ where: { deletedAt: IsNull() }, order: { sort: 'ASC', name: 'ASC' } });
  }

  /** By prepared statement (entityRows.ts): every intake and dispatch looks its committee up. */
  organisation(id: string): Promise<OrganisationRow | null> {
    return Promise.resolve(this.readers().organisation.one('id = ? AND deleted_at IS NULL', id));
  }

  async insertOrganisation(row: OrganisationRow): Promise<void> {
    await this.db.em.getRepository(OrganisationEntity).insert(row);
  }

  /** Optimistic update on `version` (bumped here); false when someone changed the record meanwhile. */
  async updateOrganisation(row: OrganisationRow, version: number): Promise<boolean> {
    const { id, originOfficeId: _origin, createdAt: _created, version: _version, ...changes } = row;
    const result = await this.db.em
      .getRepository(OrganisationEntity)
      .update({ id, version, deletedAt: IsNull() }, { ...changes, version: version + 1 });
    return (result.affected ?? 0) === 1;
  }

  /**
   * Dispute type and organisation names for lists, read synchronously by prepared statements:
   * every list page and search needs them, and the entity path cost more than the page's own query.
   */
  names(): { disputeTypes: Map<string, string>; organisations: Map<string, string> } {
    const pairs = (sql: string) =>
      new Map(this.db.sql.all<{ k: string; v: string }>(sql).map((r) => [r.k, r.v]));
    return {
      disputeTypes: pairs('SELECT code AS k, name AS v FROM dispute_types'),
      organisations: pairs('SELECT id AS k, name AS v FROM organisations WHERE deleted_at IS NULL'),
    };
  }

  disputeTypes(): Promise<DisputeTypeRow[]> {
    return this.db.em.getRepository(DisputeTypeEntity).find({ order: { sort: 'ASC' } });
  }

  disputeType(code: string): Promise<DisputeTypeRow | null> {
    return Promise.resolve(this.readers().disputeType.one('code = ?', code));
  }

  async saveDisputeType(row: DisputeTypeRow): Promise<void> {
    await this.db.em.getRepository(DisputeTypeEntity).save(row);
  }

  maxDisputeTypeSort(): number {
    return this.db.sql.get<{ n: number | null }>(`SELECT max(sort) AS n FROM dispute_types`)?.n ?? 0;
  }

  villages(): Promise<VillageRow[]> {
    return this.db.em
      .getRepository(VillageEntity)
      .find({ where: { deletedAt: IsNull() }, order: { township: 'ASC', name: 'ASC' } });
  }

  village(id: string): Promise<VillageRow | null> {
    return this.db.em.getRepository(VillageEntity).findOneBy({ id, deletedAt: IsNull() });
  }

  villageByName(township: string, name: string): Promise<VillageRow | null> {
    return this.db.em.getRepository(VillageEntity).findOneBy({ township, name, deletedAt: IsNull() });
  }

  villageByCode(code: string): Promise<VillageRow | null> {
    return this.db.em.getRepository(VillageEntity).findOneBy({ code, deletedAt: IsNull() });
  }

  async saveVillage(row: VillageRow): Promise<void> {
    await this.db.em.getRepository(VillageEntity).save(row);
  }
}
