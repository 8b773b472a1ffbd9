import { describeLoginLimits } from './suites/login-limits.suite.js';

describeLoginLimits('sqlite');
