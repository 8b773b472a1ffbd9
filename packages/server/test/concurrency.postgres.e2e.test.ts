import { describeConcurrency } from './suites/concurrency.suite.js';

describeConcurrency('postgres');
