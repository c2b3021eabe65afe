/**
 * Pure rules of the member registry: dates, deadlines and thresholds from the Party Charter, its
 * implementing regulations and the Labour Code. No I/O, no clock: "today" is always a parameter.
 */
export * from './admission.ts';
export * from './admission-pipeline.ts';
export * from './badges.ts';
export * from './birth-date.ts';
export * from './calendar.ts';
export * from './lunar-calendar.ts';
export * from './party-fees.ts';
export * from './probation.ts';
export * from './quality-rating.ts';
export * from './record-dates.ts';
export * from './transfer.ts';
