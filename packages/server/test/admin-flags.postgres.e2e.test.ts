import { describeAdminFlags } from './suites/admin-flags.suite.js';

describeAdminFlags('postgres');
