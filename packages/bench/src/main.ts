/**
 * `pnpm bench` runs every part of the suite and prints Markdown tables.
 *
 *   pnpm bench                      the full run (about 11 minutes on 2 busy cores)
 *   pnpm bench --quick              a smoke run, under 2 minutes
 *   pnpm bench --only=http,client   some parts: evaluation, scaling, flag-sets, http, propagation, client
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { MODULES } from './modules.js';
import { renderTable } from './report/table.js';

function parseArgs(argv: readonly string[]): { quick: boolean; only: string[] | null } {
  const onlyArg = argv.find((arg) => arg.startsWith('--only='));
  const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : null;
  const unknown = only?.filter((id) => !MODULES.some((module) => module.id === id)) ?? [];
  if (unknown.length > 0) {
    throw new Error(
      `Unknown part ${unknown.join(', ')}; the parts are ${MODULES.map((m) => m.id).join(', ')}.`,
    );
  }
  return { quick: argv.includes('--quick'), only };
}

async function main(): Promise<void> {
  const { quick, only } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`  … ${line}\n`);
  const cpu = cpus();
  console.log(`# waffle-kit benchmarks${quick ? ' (quick)' : ''}\n`);
  console.log(`- date: ${new Date().toISOString()}`);
  console.log(`- Node ${process.version}, ${process.platform}-${process.arch}`);
  console.log(
    `- ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );

  // Other work on the machine slows every figure: say how busy it was.
  console.log(`- load average at start: ${loadavg()[0]!.toFixed(2)} (1 min)\n`);

  for (const module of MODULES) {
    if (only && !only.includes(module.id)) continue;
    const section = await module.run({ quick, log });
    console.log(`## ${section.title}\n`);
    for (const table of section.tables) console.log(`${renderTable(table)}\n`);
    for (const note of section.notes) console.log(`- ${note}`);
    console.log('');
  }
  console.log(
    `Finished in ${Math.round((Date.now() - started) / 1000)} s; load average ${loadavg()[0]!.toFixed(2)}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
