import type { RoleName } from "./auth/permissions";

/** The demo's sign-ins, one per role. Shown on the sign-in page only while the demo runs (on localhost). */
export const DEMO_PASSWORD = "shelfwatch-demo";

export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: RoleName; leadShelves: string[] }[] = [
  { email: "viewer@shelfwatch.demo", name: "Vera Viewer", role: "viewer", leadShelves: [] },
  { email: "engineer@shelfwatch.demo", name: "Emil Engineer", role: "engineer", leadShelves: [] },
  { email: "reviewer@shelfwatch.demo", name: "Rosa Reviewer", role: "reviewer", leadShelves: [] },
  { email: "lead@shelfwatch.demo", name: "Lars Lead", role: "lead", leadShelves: [] },
  { email: "podcast-lead@shelfwatch.demo", name: "Priya Podcast-Lead", role: "lead", leadShelves: ["shows-you-might-like"] },
  { email: "admin@shelfwatch.demo", name: "Ada Admin", role: "admin", leadShelves: [] },
];
