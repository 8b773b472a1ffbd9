import { isValidPercent } from '@waffle-kit/core';
import { flagSetsApi, queryKeys, samplesApi, switchesApi } from '../api/index.js';
import { href } from '../app/route.js';

/** A switch, a sample or a flag set: a name, at most one value (active, or percent) and a note. */
export interface NamedObject {
  readonly name: string;
  readonly note: string;
  readonly version?: number;
  readonly active?: boolean;
  readonly percent?: number;
}

export interface NamedObjectFields {
  name: string;
  note: string;
  [value: string]: unknown;
}

/** The value a switch (active) or a sample (percent) has besides its name and note. */
export interface NamedObjectValue {
  readonly key: 'active' | 'percent';
  readonly label: string;
  readonly input: 'checkbox' | 'percent';
  readonly empty: string;
  /** The value as the form holds it: "true"/"false" or the percent's text. */
  readonly toText: (object: NamedObject) => string;
  /** The value to send, or the message to show beside the input. */
  readonly parse: (text: string) => { value: unknown } | { error: string };
  readonly display: (object: NamedObject) => string;
}

export interface NamedObjectKind {
  readonly title: string;
  readonly singular: string;
  readonly auditType: string;
  readonly queryKey: readonly string[];
  /** None for a flag set: it is a name and a note. */
  readonly value?: NamedObjectValue;
  /** A link on each row besides its history, e.g. a flag set's flags. */
  readonly link?: { readonly label: string; readonly href: (object: NamedObject) => string };
  readonly api: {
    list: () => Promise<NamedObject[]>;
    create: (fields: NamedObjectFields) => Promise<unknown>;
    update: (
      name: string,
      version: number | undefined,
      patch: Partial<NamedObjectFields>,
    ) => Promise<unknown>;
    remove: (name: string) => Promise<void>;
  };
}

/** The admin API's collection of one kind (`namedResource` in admin-api.ts). */
interface NamedResource<F> {
  list(): Promise<NamedObject[]>;
  create(fields: F): Promise<unknown>;
  update(name: string, version: number | undefined, patch: Partial<F>): Promise<unknown>;
  remove(name: string): Promise<void>;
}

function apiOf<F>(resource: NamedResource<F>): NamedObjectKind['api'] {
  return {
    // Not `resource.list` itself: the query passes its context as the first argument.
    list: () => resource.list(),
    create: (fields) => resource.create(fields as unknown as F),
    update: (name, version, patch) => resource.update(name, version, patch as Partial<F>),
    remove: (name) => resource.remove(name),
  };
}

export const SWITCH_KIND: NamedObjectKind = {
  title: 'Switches',
  singular: 'switch',
  auditType: 'switch',
  queryKey: queryKeys.switches,
  value: {
    key: 'active',
    label: 'Active',
    input: 'checkbox',
    empty: 'false',
    toText: (object) => String(Boolean(object.active)),
    parse: (text) => ({ value: text === 'true' }),
    display: (object) => (object.active ? 'On' : 'Off'),
  },
  api: apiOf(switchesApi),
};

export const SAMPLE_KIND: NamedObjectKind = {
  title: 'Samples',
  singular: 'sample',
  auditType: 'sample',
  queryKey: queryKeys.samples,
  value: {
    key: 'percent',
    label: 'Percent',
    input: 'percent',
    empty: '',
    toText: (object) => String(object.percent ?? ''),
    parse: (text) => {
      const percent = Number(text.trim());
      return text.trim() !== '' && isValidPercent(percent)
        ? { value: percent }
        : { error: 'Enter a percentage from 0.0 to 100.0 with at most one decimal.' };
    },
    display: (object) => `${object.percent}%`,
  },
  api: apiOf(samplesApi),
};

export const FLAG_SET_KIND: NamedObjectKind = {
  title: 'Flag sets',
  singular: 'flag set',
  auditType: 'flag_set',
  queryKey: queryKeys.flagSets,
  link: { label: 'Flags', href: (object) => href(['flags'], { set: object.name }) },
  api: apiOf(flagSetsApi),
};
