import { describeAuth } from './suites/auth.suite.js';

describeAuth('postgres');
