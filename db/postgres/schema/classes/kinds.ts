// The shape of the column classification (../columns.ts says what each class means).

export interface SealedGroup {
  columns: readonly string[];
  why: string;
}

export interface ColumnClasses {
  plain: readonly string[];
  sealed: readonly SealedGroup[];
  /** Sealed column → what compares it on the server (its token is `<column>_key`). */
  tokens: Readonly<Record<string, string>>;
}

/** The columns every exchanged record carries (db/entities/columns.ts). */
export const sync = ['id', 'origin_office_id', 'version', 'created_at', 'updated_at', 'deleted_at'] as const;
export const none: ColumnClasses['tokens'] = {};
