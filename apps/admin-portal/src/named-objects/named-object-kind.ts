import { isValidPercent } from '@waffle-kit/core';
import { queryKeys, type Sample, type Switch, samplesApi, switchesApi } from '../api/index.js';

/** A switch or a sample: a name, one value (active, or percent) and a note. */
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

export interface NamedObjectKind {
  readonly title: string;
  readonly singular: string;
  readonly auditType: string;
  readonly queryKey: readonly string[];
  readonly valueKey: 'active' | 'percent';
  readonly valueLabel: string;
  readonly input: 'checkbox' | 'percent';
  readonly emptyValue: string;
  /** The value as the form holds it: "true"/"false" or the percent's text. */
  readonly toText: (object: NamedObject) => string;
  /** The value to send, or the message to show beside the input. */
  readonly parse: (text: string) => { value: unknown } | { error: string };
  readonly display: (object: NamedObject) => string;
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

export const SWITCH_KIND: NamedObjectKind = {
  title: 'Switches',
  singular: 'switch',
  auditType: 'switch',
  queryKey: queryKeys.switches,
  valueKey: 'active',
  valueLabel: 'Active',
  input: 'checkbox',
  emptyValue: 'false',
  toText: (object) => String(Boolean(object.active)),
  parse: (text) => ({ value: text === 'true' }),
  display: (object) => (object.active ? 'On' : 'Off'),
  api: {
    list: () => switchesApi.list(),
    create: (fields) => switchesApi.create(fields as unknown as Pick<Switch, 'name' | 'active' | 'note'>),
    update: (name, version, patch) => switchesApi.update(name, version, patch),
    remove: (name) => switchesApi.remove(name),
  },
};

export const SAMPLE_KIND: NamedObjectKind = {
  title: 'Samples',
  singular: 'sample',
  auditType: 'sample',
  queryKey: queryKeys.samples,
  valueKey: 'percent',
  valueLabel: 'Percent',
  input: 'percent',
  emptyValue: '',
  toText: (object) => String(object.percent ?? ''),
  parse: (text) => {
    const percent = Number(text.trim());
    return text.trim() !== '' && isValidPercent(percent)
      ? { value: percent }
      : { error: 'Enter a percentage from 0.0 to 100.0 with at most one decimal.' };
  },
  display: (object) => `${object.percent}%`,
  api: {
    list: () => samplesApi.list(),
    create: (fields) => samplesApi.create(fields as unknown as Pick<Sample, 'name' | 'percent' | 'note'>),
    update: (name, version, patch) => samplesApi.update(name, version, patch),
    remove: (name) => samplesApi.remove(name),
  },
};
