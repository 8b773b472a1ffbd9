import type { Sequelize } from 'sequelize';
import { AuditEntryModel, initAuditAndSessionModels, SessionModel } from './audit-and-session.js';
import {
  EnterpriseCourseEnrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser,
  initEnterpriseModels,
} from './enterprise.js';
import {
  EnterpriseFlagPercentageModel,
  FlagGroupModel,
  FlagModel,
  FlagSetMemberModel,
  FlagSetModel,
  FlagUserModel,
  initFlagModels,
  SampleModel,
  SwitchModel,
} from './flag.js';
import { Group, initUserModels, User, UserGroup } from './user.js';

export {
  AuditEntryModel,
  EnterpriseCourseEnrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser,
  EnterpriseFlagPercentageModel,
  FlagGroupModel,
  FlagModel,
  FlagSetMemberModel,
  FlagSetModel,
  FlagUserModel,
  Group,
  SampleModel,
  SessionModel,
  SwitchModel,
  User,
  UserGroup,
};

/**
 * Binds every model to `sequelize`. Sequelize models are classes bound to one instance, so one
 * process works with one database at a time (the library and each test file open their own).
 */
export function initModels(sequelize: Sequelize): void {
  initUserModels(sequelize);
  initEnterpriseModels(sequelize);
  initFlagModels(sequelize);
  initAuditAndSessionModels(sequelize);
  if (!User.associations.groups) {
    User.belongsToMany(Group, {
      through: UserGroup,
      as: 'groups',
      foreignKey: 'userId',
      otherKey: 'groupId',
    });
    User.hasMany(EnterpriseCustomerUser, { as: 'enterpriseLinks', foreignKey: 'userId' });
    EnterpriseCustomerUser.belongsTo(EnterpriseCustomer, {
      as: 'enterpriseCustomer',
      foreignKey: 'enterpriseCustomerUuid',
    });
    EnterpriseCustomerUser.belongsTo(User, { as: 'user', foreignKey: 'userId' });
    SessionModel.belongsTo(User, { as: 'user', foreignKey: 'userId' });
  }
}
