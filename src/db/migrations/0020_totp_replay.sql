-- The 30-second step of the last TOTP code accepted at sign-in: a code is good once (RFC 6238
-- §5.2: "the verifier MUST NOT accept the second attempt of the OTP after the successful
-- validation has been issued for the first OTP"), so one seen over a shoulder or replayed from a
-- log cannot open a second session.
ALTER TABLE app_user ADD COLUMN totp_last_step bigint;
