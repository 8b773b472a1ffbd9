import { describeAuditAtomicity } from './suites/audit-atomicity.suite.js';

describeAuditAtomicity('postgres');
