import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare username: string;
  /** `scrypt$N$r$p$salt$hash`; null: the user cannot log in. */
  declare passwordHash: CreationOptional<string | null>;
  declare email: CreationOptional<string | null>;
  declare isStaff: CreationOptional<boolean>;
  declare isSuperuser: CreationOptional<boolean>;
  declare isActive: CreationOptional<boolean>;
  declare language: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class Group extends Model<InferAttributes<Group>, InferCreationAttributes<Group>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class UserGroup extends Model<InferAttributes<UserGroup>, InferCreationAttributes<UserGroup>> {
  declare userId: number;
  declare groupId: number;
}

const common = { underscored: true, version: false } as const;

export function initUserModels(sequelize: Sequelize): void {
  User.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      username: { type: DataTypes.STRING(150), allowNull: false, unique: true },
      passwordHash: { type: DataTypes.STRING(255), allowNull: true },
      email: { type: DataTypes.STRING(254), allowNull: true },
      isStaff: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      isSuperuser: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      isActive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      language: { type: DataTypes.STRING(35), allowNull: true },
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'waffle_users', ...common },
  );
  Group.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(150), allowNull: false, unique: true },
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'waffle_groups', ...common },
  );
  UserGroup.init(
    {
      userId: { type: DataTypes.INTEGER, primaryKey: true },
      groupId: { type: DataTypes.INTEGER, primaryKey: true },
    },
    { sequelize, tableName: 'waffle_user_groups', timestamps: false, underscored: true },
  );
}
