import { z } from 'zod';
import {
  enterpriseFeaturesMetaSchema,
  enterpriseFeaturesSchema,
  flagNameSchema,
  waffleSwitchesSchema,
} from './flag-fields.js';

/** `{ [name]: { is_active, last_modified } }`, as django-waffle's `waffle_status` view has it. */
export const waffleStatusItemsSchema = z.record(
  flagNameSchema,
  z.strictObject({ is_active: z.boolean(), last_modified: z.iso.datetime().nullable() }),
);

/**
 * `GET /waffle_status`: Waffle-compatible `{ flags, switches, samples }`, plus the embedded
 * `enterprise_features` (the same values as `flags`) and `enterprise_features_meta`.
 */
export const waffleStatusResponseSchema = z
  .strictObject({
    flags: waffleStatusItemsSchema,
    switches: waffleStatusItemsSchema,
    samples: waffleStatusItemsSchema,
    enterprise_features: enterpriseFeaturesSchema,
    enterprise_features_meta: enterpriseFeaturesMetaSchema,
    waffle_switches: waffleSwitchesSchema,
  })
  .superRefine((body, ctx) => {
    const flags = Object.entries(body.flags).map(([name, item]) => [name, item.is_active]);
    const features = Object.entries(body.enterprise_features);
    const same =
      flags.length === features.length &&
      flags.every(([name, on]) => body.enterprise_features[`${name}`] === on);
    if (!same) {
      ctx.addIssue({
        code: 'custom',
        path: ['enterprise_features'],
        message: 'enterprise_features must hold the same values as flags',
      });
    }
  });

export type WaffleStatusItems = z.infer<typeof waffleStatusItemsSchema>;
export type WaffleStatusResponse = z.infer<typeof waffleStatusResponseSchema>;
