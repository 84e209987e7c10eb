/**
 * A unit "in force" on a day: active then, and part of the structure of that day. A retired unit
 * was in force until the day before its retirement; a unit of the two-level structure only from the
 * day that structure began (valid_from). `day` is an SQL date expression. A dispatch addresses the
 * units in force on its issued date, so a 2023 dispatch entered today still reaches the districts
 * of 2023, and a 2026 one reaches only the communes of 2026.
 */
export const inForceOn = (u: string, day: string): string =>
  `((${u}.active OR ${u}.retired_on > ${day}) AND (${u}.valid_from IS NULL OR ${u}.valid_from <= ${day}))`;
