import { describeAdminSwitchesAndSamples } from './suites/admin-switches-samples.suite.js';

describeAdminSwitchesAndSamples('sqlite');
