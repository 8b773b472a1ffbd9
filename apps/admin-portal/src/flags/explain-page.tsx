import { ExplainTool } from './explain-tool.js';

export function ExplainPage({ flag }: { readonly flag: string }) {
  return (
    <section aria-labelledby="explain-page-title">
      <h1 id="explain-page-title">Explain a flag</h1>
      <ExplainTool initialFlagName={flag} />
    </section>
  );
}
