/**
 * What the mock backend answers with: who is signed in, the flags (global and per enterprise
 * customer) and switches. The handlers read it on every request, so a change shows on the next
 * refetch, exactly as a change on the real server would.
 */
export interface MockSnapshot {
  readonly username: string | null;
  readonly flags: Readonly<Record<string, boolean>>;
  readonly flagsByCustomer: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
  readonly switches: Readonly<Record<string, boolean>>;
  /** Grows on every change, as the server's snapshot version does. */
  readonly version: number;
}

export interface MockState {
  get(): MockSnapshot;
  update(change: Partial<Omit<MockSnapshot, 'version'>>): void;
  setFlag(name: string, value: boolean): void;
  setSwitch(name: string, value: boolean): void;
  subscribe(listener: () => void): () => void;
  /** The flags for one customer: its own values over the global ones. */
  flagsFor(customerUuid: string | null): Record<string, boolean>;
}

export function createMockState(initial: Partial<Omit<MockSnapshot, 'version'>> = {}): MockState {
  let snapshot: MockSnapshot = {
    username: null,
    flags: {},
    flagsByCustomer: {},
    switches: {},
    ...initial,
    version: 1,
  };
  const listeners = new Set<() => void>();
  const update = (change: Partial<Omit<MockSnapshot, 'version'>>) => {
    snapshot = { ...snapshot, ...change, version: snapshot.version + 1 };
    for (const listener of listeners) listener();
  };
  return {
    get: () => snapshot,
    update,
    // Flipping a flag in the panel sets it for every customer, so the page shows it wherever it is.
    setFlag: (name, value) =>
      update({
        flags: { ...snapshot.flags, [name]: value },
        flagsByCustomer: Object.fromEntries(
          Object.entries(snapshot.flagsByCustomer).map(([uuid, flags]) => [
            uuid,
            { ...flags, [name]: value },
          ]),
        ),
      }),
    setSwitch: (name, value) => update({ switches: { ...snapshot.switches, [name]: value } }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flagsFor: (customerUuid) => ({
      ...snapshot.flags,
      ...(customerUuid ? snapshot.flagsByCustomer[customerUuid] : undefined),
    }),
  };
}
