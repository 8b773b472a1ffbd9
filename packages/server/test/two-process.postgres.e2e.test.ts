import { describeTwoProcesses } from './suites/two-process.suite.js';

describeTwoProcesses('postgres');
