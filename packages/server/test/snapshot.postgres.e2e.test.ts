import { describeSnapshot } from './suites/snapshot.suite.js';

describeSnapshot('postgres');
