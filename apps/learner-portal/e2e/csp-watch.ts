import type { BrowserContext, Response } from 'playwright-core';

/** An HTML document the server sent, with its Content-Security-Policy header (null when absent). */
export interface CspDocument {
  readonly url: string;
  readonly csp: string | null;
}

/**
 * Everything a run of pages did against the Content-Security-Policy: the screens visited (hash
 * routes included), the HTML documents with their CSP header, and every violation the browser
 * reported, as a `securitypolicyviolation` event or a "Content Security Policy" console message.
 */
export class CspWatch {
  readonly visited: string[] = [];
  readonly violations: string[] = [];
  /** Alerts, confirms and prompts no page of ours opens by itself. */
  readonly dialogs: string[] = [];
  private readonly pending: Promise<CspDocument>[] = [];

  constructor(private readonly origin: string) {}

  /** Watches every page `context` opens from now on; call once per browser context. */
  async attach(context: BrowserContext): Promise<void> {
    await context.exposeFunction('__reportCspViolation', (text: string) => this.violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (event) => {
          const report = (window as unknown as { __reportCspViolation: (text: string) => void })
            .__reportCspViolation;
          report(
            `${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} in ${event.sourceFile}`,
          );
        },
        true,
      );
    });
    context.on('console', (message) => {
      if (/content security policy/i.test(message.text())) this.violations.push(message.text());
    });
    context.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => undefined);
    });
    context.on('page', (page) =>
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame() && frame.url().startsWith(this.origin)) this.visited.push(frame.url());
      }),
    );
    context.on('response', (response) => {
      if (response.request().resourceType() === 'document' && response.url().startsWith(this.origin)) {
        this.pending.push(documentOf(response));
      }
    });
  }

  /** The HTML documents loaded so far, once their headers are read. */
  documents(): Promise<CspDocument[]> {
    return Promise.all(this.pending);
  }
}

async function documentOf(response: Response): Promise<CspDocument> {
  return { url: response.url(), csp: (await response.headerValue('content-security-policy')) ?? null };
}
