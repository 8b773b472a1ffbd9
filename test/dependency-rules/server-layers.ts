import { posix } from 'node:path';

/**
 * The layers of `packages/server/src`, lowest first. A file may import its own layer and the
 * layers below it, never one above: the database knows nothing of HTTP, the admin features know
 * nothing of how flags ride in responses, and only the wiring at the top knows every part.
 * An entry ending in `/` is a folder; any other entry is a top-level file (`config` covers
 * `config.ts` and `config.test.ts`). Every source file must be in one layer.
 */
export const SERVER_LAYERS: readonly { readonly name: string; readonly paths: readonly string[] }[] = [
  // What every part uses: the logger, the environment, the error shape, HTTPS detection.
  { name: 'foundation', paths: ['logger', 'config', 'errors/', 'security/'] },
  // Sequelize: models, migrations, transactions, the version row.
  { name: 'db', paths: ['db/'] },
  // The in-memory flag state and how it stays current.
  { name: 'snapshot', paths: ['snapshot/'] },
  // Identity, audit and the admin API, one folder per concept (ordered by FEATURE_TIERS).
  { name: 'features', paths: ['features/'] },
  // The middleware that evaluates a request's flags and puts them in its response.
  { name: 'embedding', paths: ['embedding/'] },
  // The demo learner API, which answers through the embedding.
  { name: 'demo-api', paths: ['demo-api/'] },
  // Putting it together: runtime, Express app, server, library entry, CLI, package entry points.
  {
    name: 'wiring',
    paths: ['runtime', 'app', 'server', 'main', 'waffle', 'index', 'internal', 'static/', 'cli/'],
  },
];

/**
 * The feature folders, in tiers, lowest first. A feature may import a feature of a lower tier,
 * never one of its own tier or above, so no two features know each other both ways:
 * - auth owns who the request is for (`RequestUser`), sessions and passwords;
 * - audit owns who made a change (`Actor`, from the request user) and the audit log;
 * - shared holds what the concepts build on: input parsing, and the service and routes that
 *   switches and samples share (which write audit entries);
 * - users come before the concepts that name users (flags' user lists, enterprise learners);
 * - flag sets, explain and transfer read or write several concepts at once (deleting a set
 *   updates its flags);
 * - admin mounts every feature's routes under `/api/admin`.
 */
export const FEATURE_TIERS: readonly (readonly string[])[] = [
  ['auth'],
  ['audit'],
  ['shared'],
  ['users'],
  ['flags', 'switches', 'samples', 'enterprise-customers'],
  ['flag-sets', 'explain', 'transfer'],
  ['admin'],
];

/**
 * Imports allowed against FEATURE_TIERS, each with its reason. Keep this list short and
 * temporary: every entry names when it can go.
 */
export const FEATURE_ALLOWANCES: readonly { readonly target: string; readonly reason: string }[] = [];

/** Route files answer through a store or service; only those touch the models. */
const MODELS = 'db/models/';

/** `features/flags/flag-input.ts` -> `features/flags/flag-input` (what an import names). */
function stem(path: string): string {
  return path.replace(/\.(test\.)?[cm]?[jt]sx?$/, '');
}

/** The layer of a path inside `src` (e.g. `features/flags/flag-store.ts`); undefined if none. */
export function layerOf(path: string): number | undefined {
  const index = SERVER_LAYERS.findIndex((layer) =>
    layer.paths.some((entry) =>
      entry.endsWith('/') ? path.startsWith(entry) : !path.includes('/') && path.split('.')[0] === entry,
    ),
  );
  return index === -1 ? undefined : index;
}

function tierOf(feature: string): number | undefined {
  const index = FEATURE_TIERS.findIndex((tier) => tier.includes(feature));
  return index === -1 ? undefined : index;
}

const featureOf = (path: string) => (path.startsWith('features/') ? path.split('/')[1] : undefined);

/**
 * Why `file` (a path inside `src`) may not import `specifier`; null when it may. Only relative
 * imports that stay inside `src` are judged: packages are PACKAGE_RULES' business, and a unit
 * test may use the helpers in `test/`.
 */
export function checkServerImport(file: string, specifier: string): string | null {
  const from = layerOf(file);
  if (from === undefined) return `${file} is in no layer: add its folder to SERVER_LAYERS`;
  if (!specifier.startsWith('.')) return null;
  const target = posix.normalize(posix.join(posix.dirname(file), specifier));
  if (target.startsWith('../')) return null;
  const to = layerOf(target);
  if (to === undefined) return `${target} is in no layer: add its folder to SERVER_LAYERS`;
  if (to > from) {
    return `${SERVER_LAYERS[from]!.name} imports ${SERVER_LAYERS[to]!.name}, a layer above it`;
  }
  if (/-routes\.ts$/.test(file) && target.startsWith(MODELS)) {
    return 'a route queries the models; go through a store or service';
  }
  const [source, imported] = [featureOf(file), featureOf(target)];
  if (source === undefined || imported === undefined || source === imported) return null;
  if (FEATURE_ALLOWANCES.some((allowance) => stem(target) === stem(allowance.target))) return null;
  const [sourceTier, importedTier] = [tierOf(source), tierOf(imported)];
  if (sourceTier === undefined) return `features/${source} is in no tier: add it to FEATURE_TIERS`;
  if (importedTier === undefined) return `features/${imported} is in no tier: add it to FEATURE_TIERS`;
  if (importedTier >= sourceTier) {
    return `features/${source} imports features/${imported}, which is not in a lower tier of FEATURE_TIERS`;
  }
  return null;
}
