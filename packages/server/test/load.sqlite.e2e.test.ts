import { describeLoad } from './suites/load.suite.js';

describeLoad('sqlite');
