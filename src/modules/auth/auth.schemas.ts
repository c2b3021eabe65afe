/** Accounts, sign-in and grants: input and output shapes (zod only; the web uses them too). */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, ROLES } from '../../core/access.ts';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'letters, digits, . _ -, 2–63 characters');

export const roleSchema = z.enum(ROLES);

export const loginInputSchema = z.object({
  username: z.string().max(100),
  password: z.string().max(MAX_PASSWORD_LENGTH),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const grantSchema = z.object({ role: roleSchema, org: z.string().nullable() });

/** What still has to be done before the account may do anything else. */
export const pendingStepSchema = z.enum(['change_password', 'enroll_totp']);

export const meSchema = z.object({
  username: z.string(),
  grants: z.array(grantSchema),
  totpEnabled: z.boolean(),
  pending: z.array(pendingStepSchema),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordInputSchema = z.object({
  currentPassword: z.string().max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().max(MAX_PASSWORD_LENGTH),
});

export const totpEnrollmentSchema = z.object({ secret: z.string(), uri: z.string() });
export const totpConfirmInputSchema = z.object({ code: z.string().regex(/^\d{6}$/) });

export const signedOutSchema = z.object({ sessionsEnded: z.number().int() });

export const userSummarySchema = z.object({
  username: z.string(),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  grants: z.array(grantSchema),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const resetPasswordResultSchema = z.object({ username: z.string(), temporaryPassword: z.string() });
