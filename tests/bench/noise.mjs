// When a page-speed figure is noise: its A/A ratio (the same page without the extension, on two hosts) is
// further from 1 than the budgets' margins, so this machine's noise alone could make or break the verdict.
export const noisy = (anchor) => anchor < 0.97 || anchor > 1.03;
// How often the bench runs a page-speed scenario whose A/A ratio said noise before it reports the last run.
export const ATTEMPTS = 3;
