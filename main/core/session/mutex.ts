/**
 * One call at a time. TypeORM shares a single query runner per SQLite connection, so two
 * interleaved async transactions would silently nest as savepoints; serialising every call is
 * the simple correct answer for a single-user desktop app.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
