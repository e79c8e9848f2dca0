export const CP_HEADERS: Record<string, string[]>;
export function generateChildProtection(
  earlyHelpLines: string[],
  seed?: number,
): {
  contacts: string[];
  referrals: string[];
  assessments: string[];
  section47: string[];
  childrenInNeed: string[];
  plans: string[];
  visits: string[];
};
