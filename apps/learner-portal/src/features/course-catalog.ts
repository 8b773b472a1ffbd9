import type { Enrollment } from '../api/learner-api.js';

/** A small demo catalog to search (a real portal would ask its catalog service). */
export const CATALOG: readonly string[] = [
  'Data Science 101',
  'Data Visualisation with Python',
  'SQL for Analysts',
  'Machine Learning Foundations',
  'World History',
  'Biology II',
  'Clinical Basics',
  'Project Management Essentials',
  'Public Speaking',
  'Spanish for Beginners',
];

/** Titles matching `query` (case-insensitive, anywhere in the title): the learner's own first. */
export function matchCourses(query: string, enrollments: readonly Enrollment[], limit = 5): string[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const titles = [...new Set([...enrollments.map((e) => e.display_name), ...CATALOG])];
  return titles.filter((title) => title.toLowerCase().includes(needle)).slice(0, limit);
}
