-- Party fees: how each member's monthly fee is set, and the months paid.
CREATE TABLE member_fee_setting (
  member_id bigint PRIMARY KEY REFERENCES member (id),
  category text NOT NULL CHECK (category IN (
    'social_insurance', 'si_benefit', 'pension', 'student', 'abroad_mission', 'abroad_other', 'other_domestic')),
  -- the amount a percentage applies to, or the amount set for the member, VND
  base bigint CHECK (base >= 0),
  fixed_amount bigint CHECK (fixed_amount >= 0),
  exemption text CHECK (exemption IN ('social_pension', 'poor_household', 'severe_illness', 'hardship')),
  reduction_percent integer CHECK (reduction_percent IN (30, 50, 70)),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE member_fee_payment (
  member_id bigint NOT NULL REFERENCES member (id),
  month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  amount bigint NOT NULL CHECK (amount >= 0),
  paid_on date NOT NULL,
  recorded_by text NOT NULL,
  PRIMARY KEY (member_id, month)
);
CREATE INDEX member_fee_payment_month ON member_fee_payment (month);
