import { describeRestartBurst } from './suites/restart-burst.suite.js';

describeRestartBurst('postgres');
