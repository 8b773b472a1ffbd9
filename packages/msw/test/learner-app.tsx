import { useQuery } from '@tanstack/react-query';
import { useFlag, useFlagsStatus } from '@waffle-kit/react';

export const LEARNER_URL = 'http://localhost/enterprise/api/v1/enterprise-learner/';
export const WAFFLE_STATUS_URL = 'http://localhost/waffle_status';

/** `fetch` that fails on a non-2xx answer, as query functions should. */
export async function getJson(url: string, wait = 0): Promise<unknown> {
  if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} from ${url}`);
  return response.json();
}

/** Fetches the learner list (or another `url`) under `['learner', name]`, `wait` ms after mounting. */
export function LearnerQuery({
  name,
  wait = 0,
  url = LEARNER_URL,
}: {
  name: string;
  wait?: number;
  url?: string;
}) {
  const query = useQuery({ queryKey: ['learner', name], queryFn: () => getJson(url, wait) });
  return <p data-testid={`query-${name}`}>{query.status}</p>;
}

/** What a tester looks at: one flag, the flags' status and where they come from. */
export function FlagReadout() {
  const on = useFlag('enterprise.dashboard_v2');
  const { status, source } = useFlagsStatus();
  return (
    <p data-testid="flags">
      dashboard_v2 {String(on)}, {status} from {source}
    </p>
  );
}
