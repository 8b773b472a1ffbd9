import { Op, Sequelize, type WhereOptions } from 'sequelize';

/**
 * A case-insensitive "contains" over one or more columns that takes the search literally: `%` and
 * `_` in it match only themselves. The same SQL on SQLite and Postgres (`lower(...) LIKE ...
 * ESCAPE '!'`; `!` rather than a backslash, whose escaping differs between the two).
 */
export function containsText(sequelize: Sequelize, columns: readonly string[], search: string): WhereOptions {
  const pattern = `%${search.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
  const like = Sequelize.literal(`${sequelize.escape(pattern)} ESCAPE '!'`);
  return {
    [Op.or]: columns.map((column) =>
      Sequelize.where(Sequelize.fn('lower', Sequelize.col(column)), { [Op.like]: like }),
    ),
  };
}
