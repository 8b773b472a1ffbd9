import { describeFuzz } from './suites/fuzz.suite.js';

describeFuzz('sqlite');
