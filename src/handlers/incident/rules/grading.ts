/** Suggests a grade from casualty counts and the policy's thresholds (most severe grade first). */
import type { Grade } from "../incident-types.ts";
import type { Casualties } from "../understanding/casualties.ts";

/**
 * The most severe grade whose threshold any count reaches; the least severe grade when none does.
 * Unknown casualties (null) suggest nothing.
 */
export function suggestGrade(casualties: Casualties | null, grades: readonly Grade[]): Grade | undefined {
  if (!casualties) return undefined;
  const reached = grades.find((grade) => {
    const t = grade.suggest_when;
    if (!t) return false;
    return (
      (t.deaths !== undefined && casualties.deaths >= t.deaths) ||
      (t.injured !== undefined && casualties.injured >= t.injured) ||
      (t.missing !== undefined && casualties.missing >= t.missing)
    );
  });
  return reached ?? grades.at(-1);
}

/**
 * The grade the casualties decide, to be filled in without asking (a paragraph that leaves only the
 * grade open): the suggestion when at least one person is counted dead, injured or missing. None is
 * decided for 无人员伤亡: no casualties put no floor under the grade, which then rests on what the
 * bot cannot read (losses, scale, public reaction), and filling in the least grade would also take
 * 加急 off the alert; the question still offers it as the suggestion.
 */
export function gradeByCasualties(
  casualties: Casualties | null,
  grades: readonly Grade[],
): Grade | undefined {
  if (!casualties || casualties.deaths + casualties.injured + casualties.missing === 0) return undefined;
  return suggestGrade(casualties, grades);
}
