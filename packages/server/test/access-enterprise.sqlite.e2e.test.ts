import { describeAccessEnterprise } from './suites/access-enterprise.suite.js';

describeAccessEnterprise('sqlite');
