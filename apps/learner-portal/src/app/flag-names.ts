import '@waffle-kit/react';

/**
 * The flags and switches this portal reads (names as seeded by the server's demo data).
 * Registering them makes a misspelt name in `useFlag` a compile error.
 */
export const PORTAL_FLAGS = [
  'enterprise.dashboard_v2',
  'enterprise.new_catalog_search',
  'enterprise.signed_in_banner',
  'enterprise.beta_group_feature',
  'enterprise.spanish_copy',
] as const;

export const PORTAL_SWITCHES = ['enterprise.maintenance_banner'] as const;

export type PortalFlag = (typeof PORTAL_FLAGS)[number];
export type PortalSwitch = (typeof PORTAL_SWITCHES)[number];

/** Every feature is off until a response says otherwise. */
export const FLAG_DEFAULTS: Record<PortalFlag, boolean> = {
  'enterprise.dashboard_v2': false,
  'enterprise.new_catalog_search': false,
  'enterprise.signed_in_banner': false,
  'enterprise.beta_group_feature': false,
  'enterprise.spanish_copy': false,
};

declare module '@waffle-kit/react' {
  interface Register {
    flags: PortalFlag;
    switches: PortalSwitch;
  }
}
