// os:deadline is an ISO 8601 duration and os:calendar picks the clock it runs on; the panel
// offers three combinations of the two, and anything else (e.g. written by hand) is shown as-is.

export const DEADLINE_UNITS = [
  { value: 'working-days', label: 'Working days' },
  { value: 'working-hours', label: 'Working hours' },
  { value: 'calendar-days', label: 'Calendar days' }
];

export const DEFAULT_DEADLINE_UNIT = 'working-days';

const AMOUNT = '(\\d+(?:[.,]\\d+)?)';
const DAYS = new RegExp(`^P${AMOUNT}D$`);
const HOURS = new RegExp(`^PT${AMOUNT}H$`);

/**
 * @return {{ amount?: number, unit?: string, raw?: string }} amount + unit when the attributes
 *   match one of DEADLINE_UNITS, raw when a deadline is set in another form, {} when none is set.
 */
export function readDeadline(deadline, calendar) {
  if (!deadline) {
    return {};
  }
  const wall = calendar === 'wall';
  const days = DAYS.exec(deadline);
  if (days) {
    return { amount: toNumber(days[1]), unit: wall ? 'calendar-days' : 'working-days' };
  }
  const hours = HOURS.exec(deadline);
  if (hours && !wall) {
    return { amount: toNumber(hours[1]), unit: 'working-hours' };
  }
  return { raw: deadline };
}

/** The os:deadline and os:calendar attributes for an amount and unit; both undefined (removed) without an amount. */
export function writeDeadline(amount, unit) {
  if (amount === undefined || amount === null || Number.isNaN(amount)) {
    return { 'os:deadline': undefined, 'os:calendar': undefined };
  }
  const text = String(amount);
  switch (unit) {
  case 'working-hours':
    return { 'os:deadline': `PT${text}H`, 'os:calendar': 'working' };
  case 'calendar-days':
    return { 'os:deadline': `P${text}D`, 'os:calendar': 'wall' };
  default:
    return { 'os:deadline': `P${text}D`, 'os:calendar': 'working' };
  }
}

function toNumber(text) {
  return parseFloat(text.replace(',', '.'));
}
