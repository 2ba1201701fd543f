import { createHash, type Hash } from 'node:crypto';

// The verification's fingerprint of a table (issue 17's migration): SHA-256 over its rows in key
// order, each value written with its kind and length, so the desk's SQLite and the centre's
// PostgreSQL give the same hash exactly when they hold the same values. Only what the two drivers
// say differently of the same value is made one: a truth is a number (1/0) on both stores
// already, but a boolean would be the same; a bigint is the integer it holds; any byte array is
// bytes. A value that changed kind on the way (text stored as bytes, a number as text) changes
// the hash: the repositories would read it differently too.

export class TableHash {
  private readonly hash: Hash = createHash('sha256');
  rows = 0;

  add(values: readonly unknown[]): void {
    this.rows += 1;
    this.hash.update(`R${values.length};`);
    for (const value of values) this.value(value);
  }

  private value(value: unknown): void {
    if (value === null || value === undefined) this.hash.update('N;');
    else if (typeof value === 'boolean') this.hash.update(value ? 'I1;' : 'I0;');
    else if (typeof value === 'bigint') this.hash.update(`I${value};`);
    else if (typeof value === 'number') {
      this.hash.update(Number.isInteger(value) ? `I${value};` : `F${value};`);
    } else if (typeof value === 'string') {
      const bytes = Buffer.from(value, 'utf8');
      this.hash.update(`T${bytes.length}:`).update(bytes);
    } else if (value instanceof Uint8Array) {
      this.hash.update(`B${value.length}:`).update(value);
    } else throw new Error(`a value the verification cannot compare: ${typeof value}`);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
