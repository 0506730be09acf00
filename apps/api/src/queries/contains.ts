/** Case-insensitive "contains" for text searches, written the same way on SQLite and PostgreSQL. */
import { type RawBuilder, type SqlBool, sql } from "kysely";

/**
 * `lower(column) like '%q%'`, taking `%`, `_` and `\` in `q` literally (a search for "50%" finds
 * "50%"). The ESCAPE clause is needed: SQLite's LIKE has no default escape character (PostgreSQL's is `\`).
 * @example query.where(contains("requests.subject", "facturation"))
 */
export function contains(column: string, q: string): RawBuilder<SqlBool> {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
