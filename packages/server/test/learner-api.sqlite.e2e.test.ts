import { describeLearnerApi } from './suites/learner-api.suite.js';

describeLearnerApi('sqlite');
