import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

export class EnterpriseCustomer extends Model<
  InferAttributes<EnterpriseCustomer>,
  InferCreationAttributes<EnterpriseCustomer>
> {
  declare uuid: string;
  declare slug: string;
  declare name: string;
  declare active: CreationOptional<boolean>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A user's link to an enterprise customer; only `active && linked` links count for flags. */
export class EnterpriseCustomerUser extends Model<
  InferAttributes<EnterpriseCustomerUser>,
  InferCreationAttributes<EnterpriseCustomerUser>
> {
  declare id: CreationOptional<number>;
  declare enterpriseCustomerUuid: string;
  declare userId: number;
  declare active: CreationOptional<boolean>;
  declare linked: CreationOptional<boolean>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare enterpriseCustomer?: EnterpriseCustomer;
}

export class EnterpriseCourseEnrollment extends Model<
  InferAttributes<EnterpriseCourseEnrollment>,
  InferCreationAttributes<EnterpriseCourseEnrollment>
> {
  declare id: CreationOptional<number>;
  declare enterpriseCustomerUuid: string;
  declare userId: number;
  declare courseRunId: string;
  declare displayName: string;
  declare orgName: string;
  declare courseRunStatus: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const common = { underscored: true } as const;

export function initEnterpriseModels(sequelize: Sequelize): void {
  EnterpriseCustomer.init(
    {
      uuid: { type: DataTypes.STRING(36), primaryKey: true },
      slug: { type: DataTypes.STRING(255), allowNull: false, unique: true },
      name: { type: DataTypes.STRING(255), allowNull: false },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'waffle_enterprise_customers', ...common },
  );
  EnterpriseCustomerUser.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      enterpriseCustomerUuid: { type: DataTypes.STRING(36), allowNull: false },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      linked: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'waffle_enterprise_customer_users', ...common },
  );
  EnterpriseCourseEnrollment.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      enterpriseCustomerUuid: { type: DataTypes.STRING(36), allowNull: false },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      courseRunId: { type: DataTypes.STRING(255), allowNull: false },
      displayName: { type: DataTypes.STRING(255), allowNull: false },
      orgName: { type: DataTypes.STRING(255), allowNull: false },
      courseRunStatus: { type: DataTypes.STRING(32), allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'waffle_enterprise_course_enrollments', ...common },
  );
}
