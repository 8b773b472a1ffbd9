import { describeNameRules } from './suites/name-rules.suite.js';

describeNameRules('postgres');
