import type { SessionUser } from '../api/index.js';
import { useLogout } from './session.js';

/** What a learner sees: the admin page is for staff, and how to get out of this account. */
export function StaffOnly({ user }: { readonly user: SessionUser }) {
  const logout = useLogout();
  return (
    <main className="login" id="main">
      <section className="card login__form" data-testid="staff-only" aria-labelledby="staff-only-title">
        <h1 id="staff-only-title">Staff only</h1>
        <p>
          You are logged in as <strong>{user.username}</strong>, which is not a staff account. The admin page
          is for staff and superusers; log out and log in with a staff account.
        </p>
        <button type="button" className="button--primary" onClick={() => logout.mutate()}>
          Log out
        </button>
      </section>
    </main>
  );
}
