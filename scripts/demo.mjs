// The demo at this stage: the evaluation engine, built, deciding a flag for learners of two
// enterprises. Later stages replace this with the server, learner portal and admin page.
import { compile, defineFlag, describeEvaluation, evaluateAll, evaluateFlag } from '@waffle-kit/core';

const acme = 'acme-uuid';
const globex = 'globex-uuid';
const flag = defineFlag({
  name: 'enterprise.dashboard_v2',
  percent: 0,
  enterprisePercentages: { [acme]: 30, [globex]: 0 },
});
const compiled = compile({ flags: [flag] });
console.log('waffle-kit demo: enterprise.dashboard_v2 at 30% for Acme, 0% for Globex\n');
for (let id = 1; id <= 6; id++) {
  const user = {
    id,
    username: `learner${id}`,
    isAuthenticated: true,
    isStaff: false,
    isSuperuser: false,
    groups: [],
    linkedEnterpriseCustomerUuids: [acme, globex],
  };
  for (const [name, uuid] of [
    ['Acme', acme],
    ['Globex', globex],
  ]) {
    const ctx = { user, enterpriseCustomerUuid: uuid };
    const why = describeEvaluation(evaluateFlag(compiled, flag.name, ctx), { enterpriseName: name });
    console.log(`learner${id} in ${name.padEnd(6)} ${JSON.stringify(evaluateAll(compiled, ctx))}  (${why})`);
  }
}
