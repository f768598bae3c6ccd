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
