/** BSN checks. The BSN only ever lives inside an adapter, between parsing and pseudonymisation. */

/** True when `value` is nine digits passing the BSN elfproef (weights 9..2 and -1). */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}
