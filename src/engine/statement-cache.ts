/**
 * Prepared statements kept by their SQL text, so an indicator asked again (a filter change, another
 * page) skips parsing and planning. Least recently used statements are closed beyond `limit`. A
 * statement that fails is dropped and prepared afresh once (tables may have been rebuilt since).
 */
export class StatementCache<S extends { close(): unknown }> {
  private readonly statements = new Map<string, S>();

  constructor(private readonly limit = 100) {}

  async run<R>(sql: string, prepare: () => S | Promise<S>, use: (statement: S) => R | Promise<R>): Promise<R> {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
      this.statements.set(sql, statement);
      try {
        return await use(statement);
      } catch {
        this.statements.delete(sql);
        await statement.close();
      }
    }
    statement = await prepare();
    const result = await use(statement);
    this.statements.set(sql, statement);
    while (this.statements.size > this.limit) {
      const [oldest, old] = this.statements.entries().next().value as [string, S];
      this.statements.delete(oldest);
      await old.close();
    }
    return result;
  }
}
