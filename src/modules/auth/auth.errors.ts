/** The errors of accounts and sign-in, in Vietnamese and English. */
import { MIN_PASSWORD_LENGTH, type PasswordProblem } from '../../core/access.ts';
import { AppError } from '../../core/errors.ts';

const passwordMessages: Record<PasswordProblem, { vi: string; en: string }> = {
  too_short: {
    vi: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`,
    en: `The password must have at least ${MIN_PASSWORD_LENGTH} characters`,
  },
  too_long: { vi: 'Mật khẩu quá dài', en: 'The password is too long' },
  same_as_username: {
    vi: 'Mật khẩu không được chứa tên đăng nhập',
    en: 'The password must not contain the username',
  },
  same_as_before: {
    vi: 'Mật khẩu mới phải khác mật khẩu cũ',
    en: 'The new password must differ from the old one',
  },
};

export const authErrors = {
  /** The same answer for an unknown user, a disabled one and a wrong password. */
  invalidCredentials: () =>
    new AppError('auth.invalid_credentials', 'unauthorized', {
      vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
      en: 'Wrong username or password',
    }),
  locked: (until: Date) =>
    new AppError(
      'auth.locked',
      'unauthorized',
      {
        vi: 'Tài khoản tạm khoá do đăng nhập sai nhiều lần; hãy thử lại sau',
        en: 'The account is locked for a while after repeated failed sign-ins; try again later',
      },
      { details: { lockedUntil: until.toISOString() } },
    ),
  totpRequired: () =>
    new AppError(
      'auth.totp_required',
      'unauthorized',
      { vi: 'Nhập mã xác thực 6 số từ ứng dụng', en: 'Enter the 6-digit code from your authenticator app' },
      { field: 'totp' },
    ),
  totpInvalid: () =>
    new AppError(
      'auth.totp_invalid',
      'unauthorized',
      { vi: 'Mã xác thực không đúng hoặc đã hết hạn', en: 'The code is wrong or has expired' },
      { field: 'totp' },
    ),
  notSignedIn: () =>
    new AppError('auth.not_signed_in', 'unauthorized', {
      vi: 'Bạn cần đăng nhập',
      en: 'You need to sign in',
    }),
  csrf: () =>
    new AppError('auth.csrf', 'forbidden', {
      vi: 'Yêu cầu thiếu mã chống giả mạo (X-CSRF-Token); hãy tải lại trang',
      en: 'The request lacks its anti-forgery token (X-CSRF-Token); reload the page',
    }),
  forbidden: () =>
    new AppError('auth.forbidden', 'forbidden', {
      vi: 'Vai trò của bạn không được phép làm việc này',
      en: 'Your role does not allow this',
    }),
  setupRequired: () =>
    new AppError('auth.setup_required', 'forbidden', {
      vi: 'Hãy đổi mật khẩu và/hoặc đăng ký xác thực hai lớp trước',
      en: 'Change your password and/or set up two-factor authentication first',
    }),
  wrongCurrentPassword: () =>
    new AppError(
      'auth.wrong_password',
      'validation',
      { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
      { field: 'currentPassword' },
    ),
  weakPassword: (problem: PasswordProblem, field: string) =>
    new AppError('auth.weak_password', 'validation', passwordMessages[problem], { field }),
  noTotpPending: () =>
    new AppError('auth.totp_not_started', 'validation', {
      vi: 'Chưa bắt đầu đăng ký xác thực hai lớp',
      en: 'Two-factor enrollment has not been started',
    }),
  userExists: (username: string) =>
    new AppError(
      'user.exists',
      'conflict',
      { vi: `Đã có tài khoản ${username}`, en: `The account ${username} already exists` },
      { field: 'username' },
    ),
  userNotFound: (username: string) =>
    new AppError(
      'user.not_found',
      'not_found',
      { vi: `Không có tài khoản ${username}`, en: `No account ${username}` },
      { field: 'username' },
    ),
  orgNotFound: (code: string) =>
    new AppError(
      'user.org_not_found',
      'not_found',
      { vi: `Không có tổ chức mã ${code}`, en: `No organization with code ${code}` },
      { field: 'org' },
    ),
  grantNotFound: () =>
    new AppError('user.grant_not_found', 'not_found', {
      vi: 'Tài khoản không có quyền này',
      en: 'The account has no such grant',
    }),
};
