import type { DbHandle } from '../dataSource';
import type { VillageRow } from '../entities';

// 村（社区） in township ⇄ county exchange (issue 14): what a peer has not yet agreed on, one
// village read and written whole, and the clash with another village of the same name or code.

export class ExchangeVillageRepository {
  constructor(private readonly db: DbHandle) {}

  /** The villages of these owner offices the peer does not hold at their current version, after `afterId`. */
  changedVillages(
    peerOfficeId: string,
    ownerOfficeIds: readonly string[],
    afterId: string,
    limit: number,
  ): VillageRow[] {
    return this.db.sql
      .all<VillageRow & { active: number }>(
        `SELECT ${villageColumns} FROM villages v
         LEFT JOIN exchange_record_versions x
           ON x.peer_office_id = ? AND x.table_name = 'villages' AND x.record_id = v.id
         WHERE v.origin_office_id IN (SELECT value FROM json_each(?)) AND v.id > ?
           AND v.version > coalesce(x.agreed_version, 0)
         ORDER BY v.id LIMIT ?`,
        peerOfficeId,
        JSON.stringify(ownerOfficeIds),
        afterId,
        limit,
      )
      .map(villageOf);
  }

  countChangedVillages(peerOfficeId: string, ownerOfficeIds: readonly string[]): number {
    return (
      this.db.sql.get<{ n: number }>(
        `SELECT count(*) AS n FROM villages v
         LEFT JOIN exchange_record_versions x
           ON x.peer_office_id = ? AND x.table_name = 'villages' AND x.record_id = v.id
         WHERE v.origin_office_id IN (SELECT value FROM json_each(?))
           AND v.version > coalesce(x.agreed_version, 0)`,
        peerOfficeId,
        JSON.stringify(ownerOfficeIds),
      )?.n ?? 0
    );
  }

  village(id: string): VillageRow | undefined {
    const row = this.db.sql.get<VillageRow & { active: number }>(
      `SELECT ${villageColumns} FROM villages v WHERE v.id = ?`,
      id,
    );
    return row && villageOf(row);
  }

  /** Another live village with the same name in the township, or the same code. */
  villageClash(row: VillageRow): VillageRow | undefined {
    const clash = this.db.sql.get<VillageRow & { active: number }>(
      `SELECT ${villageColumns} FROM villages v WHERE v.id <> ? AND v.deleted_at IS NULL
         AND ((v.township = ? AND v.name = ?) OR (v.code IS NOT NULL AND v.code = ?)) LIMIT 1`,
      row.id,
      row.township,
      row.name,
      row.code,
    );
    return clash && villageOf(clash);
  }

  putVillage(row: VillageRow): void {
    this.db.sql.run(
      `INSERT INTO villages (id, origin_office_id, version, created_at, updated_at, deleted_at, township, name, active, code)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET origin_office_id = excluded.origin_office_id, version = excluded.version,
         created_at = excluded.created_at, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at,
         township = excluded.township, name = excluded.name, active = excluded.active, code = excluded.code`,
      row.id,
      row.originOfficeId,
      row.version,
      row.createdAt,
      row.updatedAt,
      row.deletedAt,
      row.township,
      row.name,
      row.active ? 1 : 0,
      row.code,
    );
  }
}

const villageColumns = `v.id, v.origin_office_id AS originOfficeId, v.version, v.created_at AS createdAt,
  v.updated_at AS updatedAt, v.deleted_at AS deletedAt, v.township, v.name, v.active, v.code`;

function villageOf(row: VillageRow & { active: number | boolean }): VillageRow {
  return { ...row, active: Boolean(row.active) };
}
