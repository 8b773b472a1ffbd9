import { describeFlagSets } from './suites/flag-sets.suite.js';

describeFlagSets('sqlite');
