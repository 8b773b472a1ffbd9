import { describeAdminPeople } from './suites/admin-people.suite.js';

describeAdminPeople('postgres');
