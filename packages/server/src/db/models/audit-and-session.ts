import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

/** Who changed what, with the object before and after (JSON text), written in the change's transaction. */
export class AuditEntryModel extends Model<
  InferAttributes<AuditEntryModel>,
  InferCreationAttributes<AuditEntryModel>
> {
  declare id: CreationOptional<number>;
  declare actor: string | null;
  declare action: string;
  declare objectType: string;
  declare objectName: string;
  declare before: string | null;
  declare after: string | null;
  declare createdAt: CreationOptional<Date>;
}

/** A server-side session; `id` is an HMAC of the cookie's token, so the table alone logs nobody in. */
export class SessionModel extends Model<
  InferAttributes<SessionModel>,
  InferCreationAttributes<SessionModel>
> {
  declare id: string;
  declare userId: number;
  declare expiresAt: Date;
  declare createdAt: CreationOptional<Date>;
}

export function initAuditAndSessionModels(sequelize: Sequelize): void {
  AuditEntryModel.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      actor: { type: DataTypes.STRING(150), allowNull: true },
      action: { type: DataTypes.STRING(32), allowNull: false },
      objectType: { type: DataTypes.STRING(64), allowNull: false },
      objectName: { type: DataTypes.STRING(255), allowNull: false },
      before: { type: DataTypes.TEXT, allowNull: true },
      after: { type: DataTypes.TEXT, allowNull: true },
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'waffle_audit_log', underscored: true, updatedAt: false },
  );
  SessionModel.init(
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'waffle_sessions', underscored: true, updatedAt: false },
  );
}
