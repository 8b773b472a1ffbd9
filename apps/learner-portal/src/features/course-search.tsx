import { useFlag } from '@waffle-kit/react';
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import type { Enrollment } from '../api/learner-api.js';
import { matchCourses } from './course-catalog.js';

/**
 * Course search. With `enterprise.new_catalog_search` on, suggestions appear as you type (buttons:
 * Arrow Down moves into them, Escape goes back); off, the classic form searches on submit only.
 */
export function CourseSearch({ enrollments }: { enrollments: readonly Enrollment[] }) {
  const suggestionsOn = useFlag('enterprise.new_catalog_search');
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const suggestions = suggestionsOn && submitted !== query ? matchCourses(query, enrollments) : [];
  const results = submitted === null ? null : matchCourses(submitted, enrollments, 10);

  const buttons = () => [...(list.current?.querySelectorAll('button') ?? [])];
  const choose = (title: string) => {
    setQuery(title);
    setSubmitted(title);
    input.current?.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(query);
  };
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      buttons()[0]?.focus();
    }
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') all[Math.min(at + 1, all.length - 1)]?.focus();
    else if (event.key === 'ArrowUp') (at <= 0 ? input.current : all[at - 1])?.focus();
    else if (event.key === 'Escape') input.current?.focus();
    else return;
    event.preventDefault();
  };

  return (
    <section className="card search" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Find a course</h2>
      <form onSubmit={submit} className="search-form">
        <label htmlFor={`${id}-input`} className="visually-hidden">
          Search courses
        </label>
        <div className="search-field">
          <input
            id={`${id}-input`}
            ref={input}
            type="search"
            placeholder={suggestionsOn ? 'Start typing, e.g. data' : 'Course title'}
            value={query}
            autoComplete="off"
            aria-describedby={suggestions.length > 0 ? `${id}-count` : undefined}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onInputKey}
          />
          {suggestions.length > 0 && (
            <>
              <span id={`${id}-count`} className="visually-hidden" aria-live="polite">
                {suggestions.length} suggestions, press Arrow Down to reach them
              </span>
              <ul className="suggestions" aria-label="Suggestions" ref={list} onKeyDown={onListKey}>
                {suggestions.map((title) => (
                  <li key={title}>
                    <button type="button" onClick={() => choose(title)}>
                      {title}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {results !== null && (
        <div aria-live="polite">
          {results.length === 0 ? (
            <p className="muted">No course matches “{submitted}”.</p>
          ) : (
            <ul className="results" aria-label="Search results">
              {results.map((title) => (
                <li key={title}>{title}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
