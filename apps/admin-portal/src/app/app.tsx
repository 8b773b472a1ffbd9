import { AuditPage } from '../audit/audit-page.js';
import { LoginPage } from '../auth/login-page.js';
import { isStaff, useLogout, useSession } from '../auth/session.js';
import { StaffOnly } from '../auth/staff-only.js';
import { ErrorMessage } from '../components/error-message.js';
import { EnterprisesPage } from '../enterprises/enterprises-page.js';
import { ExplainPage } from '../flags/explain-page.js';
import { FlagEditorPage } from '../flags/flag-editor-page.js';
import { FlagListPage } from '../flags/flag-list-page.js';
import { FLAG_SET_KIND, SAMPLE_KIND, SWITCH_KIND } from '../named-objects/named-object-kind.js';
import { NamedObjectPage } from '../named-objects/named-object-page.js';
import { href, type Route, useRoute } from './route.js';

const SECTIONS = [
  { segment: 'flags', label: 'Flags' },
  { segment: 'flag-sets', label: 'Flag sets' },
  { segment: 'switches', label: 'Switches' },
  { segment: 'samples', label: 'Samples' },
  { segment: 'enterprises', label: 'Enterprise customers' },
  { segment: 'audit', label: 'Audit log' },
  { segment: 'explain', label: 'Explain' },
] as const;

function Page({ route }: { readonly route: Route }) {
  const [section = 'flags', id] = route.segments;
  switch (section) {
    case 'flags':
      return id === undefined ? (
        <FlagListPage set={route.query.get('set') ?? ''} />
      ) : (
        <FlagEditorPage key={id} name={id === 'new' ? null : id} />
      );
    case 'flag-sets':
      return <NamedObjectPage key="flag-sets" kind={FLAG_SET_KIND} />;
    case 'switches':
      return <NamedObjectPage key="switches" kind={SWITCH_KIND} />;
    case 'samples':
      return <NamedObjectPage key="samples" kind={SAMPLE_KIND} />;
    case 'enterprises':
      return <EnterprisesPage selectedUuid={id ?? null} />;
    case 'audit':
      return (
        <AuditPage
          key={route.query.toString()}
          objectType={route.query.get('type') ?? ''}
          objectName={route.query.get('name') ?? ''}
        />
      );
    case 'explain':
      return <ExplainPage flag={route.query.get('flag') ?? ''} />;
    default:
      return (
        <section>
          <h1>Not found</h1>
          <p>
            There is no page here. <a href={href(['flags'])}>Go to the flags.</a>
          </p>
        </section>
      );
  }
}

/** The admin page: the login form, a "staff only" notice, or the sections for staff. */
export function App() {
  const session = useSession();
  const logout = useLogout();
  const route = useRoute();

  if (session.isPending) return <p className="loading">Loading…</p>;
  if (session.isError) {
    return (
      <main className="login" id="main">
        <ErrorMessage error={session.error} />
        <button type="button" onClick={() => session.refetch()}>
          Try again
        </button>
      </main>
    );
  }
  const user = session.data;
  if (!user) return <LoginPage />;
  if (!isStaff(user)) return <StaffOnly user={user} />;

  const current = route.segments[0] ?? 'flags';
  return (
    <div className="shell">
      {/* A button, not a link: the hash holds the route, so it focuses the content itself. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <header className="topbar">
        <a className="brand" href={href(['flags'])}>
          waffle-kit admin
        </a>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.segment}>
                <a
                  href={href([section.segment])}
                  aria-current={current === section.segment ? 'page' : undefined}
                >
                  {section.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar__user">
          <span data-testid="current-user">{user.username}</span>
          <button type="button" onClick={() => logout.mutate()}>
            Log out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </div>
  );
}
