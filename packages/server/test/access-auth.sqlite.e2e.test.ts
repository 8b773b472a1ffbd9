import { describeAccessAuth } from './suites/access-auth.suite.js';

describeAccessAuth('sqlite');
