import { describeIdentityInvalidation } from './suites/identity-invalidation.suite.js';

describeIdentityInvalidation('sqlite');
