import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

/** A flag row. `percentTenths` is the percentage in tenths (33.3% is 333), exact on every database. */
export class FlagModel extends Model<InferAttributes<FlagModel>, InferCreationAttributes<FlagModel>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare everyone: CreationOptional<boolean | null>;
  declare percentTenths: CreationOptional<number | null>;
  declare testing: CreationOptional<boolean>;
  declare superusers: CreationOptional<boolean>;
  declare staff: CreationOptional<boolean>;
  declare authenticated: CreationOptional<boolean>;
  /** Comma-separated language codes, as Waffle stores them. */
  declare languages: CreationOptional<string>;
  declare rollout: CreationOptional<boolean>;
  declare note: CreationOptional<string>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class FlagUserModel extends Model<
  InferAttributes<FlagUserModel>,
  InferCreationAttributes<FlagUserModel>
> {
  declare flagId: number;
  declare userId: number;
}

export class FlagGroupModel extends Model<
  InferAttributes<FlagGroupModel>,
  InferCreationAttributes<FlagGroupModel>
> {
  declare flagId: number;
  declare groupId: number;
}

/** The ADR's `EnterpriseWaffleFlagPercentage`: one row per (flag, enterprise customer). */
export class EnterpriseFlagPercentageModel extends Model<
  InferAttributes<EnterpriseFlagPercentageModel>,
  InferCreationAttributes<EnterpriseFlagPercentageModel>
> {
  declare id: CreationOptional<number>;
  declare flagId: number;
  declare enterpriseCustomerUuid: string;
  declare percentTenths: number;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class SwitchModel extends Model<InferAttributes<SwitchModel>, InferCreationAttributes<SwitchModel>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare active: CreationOptional<boolean>;
  declare note: CreationOptional<string>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class SampleModel extends Model<InferAttributes<SampleModel>, InferCreationAttributes<SampleModel>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare percentTenths: number;
  declare note: CreationOptional<string>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A named set of flags that a route embeds (migration 0003). */
export class FlagSetModel extends Model<
  InferAttributes<FlagSetModel>,
  InferCreationAttributes<FlagSetModel>
> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare note: CreationOptional<string>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class FlagSetMemberModel extends Model<
  InferAttributes<FlagSetMemberModel>,
  InferCreationAttributes<FlagSetMemberModel>
> {
  declare flagSetId: number;
  declare flagId: number;
}

const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true };
const version = { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 };
const bool = (defaultValue: boolean) => ({ type: DataTypes.BOOLEAN, allowNull: false, defaultValue });
const note = { type: DataTypes.TEXT, allowNull: false, defaultValue: '' };
const timestamps = { createdAt: DataTypes.DATE, updatedAt: DataTypes.DATE };

export function initFlagModels(sequelize: Sequelize): void {
  FlagModel.init(
    {
      id,
      name: { type: DataTypes.STRING(100), allowNull: false, unique: true },
      everyone: { type: DataTypes.BOOLEAN, allowNull: true },
      percentTenths: { type: DataTypes.INTEGER, allowNull: true },
      testing: bool(false),
      superusers: bool(true),
      staff: bool(false),
      authenticated: bool(false),
      languages: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      rollout: bool(false),
      note,
      version,
      ...timestamps,
    },
    { sequelize, tableName: 'waffle_flags', underscored: true },
  );
  FlagUserModel.init(
    {
      flagId: { type: DataTypes.INTEGER, primaryKey: true },
      userId: { type: DataTypes.INTEGER, primaryKey: true },
    },
    { sequelize, tableName: 'waffle_flag_users', underscored: true, timestamps: false },
  );
  FlagGroupModel.init(
    {
      flagId: { type: DataTypes.INTEGER, primaryKey: true },
      groupId: { type: DataTypes.INTEGER, primaryKey: true },
    },
    { sequelize, tableName: 'waffle_flag_groups', underscored: true, timestamps: false },
  );
  EnterpriseFlagPercentageModel.init(
    {
      id,
      flagId: { type: DataTypes.INTEGER, allowNull: false },
      enterpriseCustomerUuid: { type: DataTypes.STRING(36), allowNull: false },
      percentTenths: { type: DataTypes.INTEGER, allowNull: false },
      version,
      ...timestamps,
    },
    { sequelize, tableName: 'waffle_enterprise_flag_percentages', underscored: true },
  );
  SwitchModel.init(
    {
      id,
      name: { type: DataTypes.STRING(100), allowNull: false, unique: true },
      active: bool(false),
      note,
      version,
      ...timestamps,
    },
    { sequelize, tableName: 'waffle_switches', underscored: true },
  );
  SampleModel.init(
    {
      id,
      name: { type: DataTypes.STRING(100), allowNull: false, unique: true },
      percentTenths: { type: DataTypes.INTEGER, allowNull: false },
      note,
      version,
      ...timestamps,
    },
    { sequelize, tableName: 'waffle_samples', underscored: true },
  );
  FlagSetModel.init(
    {
      id,
      name: { type: DataTypes.STRING(100), allowNull: false, unique: true },
      note,
      version,
      ...timestamps,
    },
    { sequelize, tableName: 'waffle_flag_sets', underscored: true },
  );
  FlagSetMemberModel.init(
    {
      flagSetId: { type: DataTypes.INTEGER, primaryKey: true },
      flagId: { type: DataTypes.INTEGER, primaryKey: true },
    },
    { sequelize, tableName: 'waffle_flag_set_members', underscored: true, timestamps: false },
  );
}
