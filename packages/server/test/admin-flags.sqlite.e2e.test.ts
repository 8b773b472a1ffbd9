import { describeAdminFlags } from './suites/admin-flags.suite.js';

describeAdminFlags('sqlite');
