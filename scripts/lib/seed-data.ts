import type { Role } from "../../worker/users/users.schema.ts";

export const DEMO_PASSWORD = "tollgate-dev-password";

export const DEMO_USERS: { email: string; role: Role; displayName: string }[] = [
  { email: "admin@tollgate.test", role: "ADMIN", displayName: "Admin" },
  { email: "moderator@tollgate.test", role: "MODERATOR", displayName: "Moderator" },
  { email: "creator1@tollgate.test", role: "CREATOR", displayName: "Creator One" },
  { email: "creator2@tollgate.test", role: "CREATOR", displayName: "Creator Two" },
  { email: "viewer1@tollgate.test", role: "VIEWER", displayName: "Viewer One" },
  { email: "viewer2@tollgate.test", role: "VIEWER", displayName: "Viewer Two" },
  { email: "viewer3@tollgate.test", role: "VIEWER", displayName: "Viewer Three" },
];

/** Credits each seeded viewer starts with (booked as an ADJUSTMENT). */
export const VIEWER_STARTING_CREDITS = 1000;

export const DEMO_PRICES = [
  { productCode: "credits_100", name: "Starter", credits: 100, amountCents: 199n },
  { productCode: "credits_500", name: "Regular", credits: 500, amountCents: 899n },
  { productCode: "credits_1000", name: "Plus", credits: 1000, amountCents: 1599n },
  { productCode: "credits_5000", name: "Pro", credits: 5000, amountCents: 6999n },
  { productCode: "credits_10000", name: "Whale", credits: 10000, amountCents: 12999n },
];

export const DEMO_CATEGORIES = [
  { slug: "gaming", name: "Gaming", description: "Speedruns, let's plays and esports", sortOrder: 1 },
  { slug: "music", name: "Music", description: "Live sets, sessions and jams", sortOrder: 2 },
  { slug: "talk-shows", name: "Talk Shows", description: "Interviews, panels and podcasts", sortOrder: 3 },
  { slug: "education", name: "Education", description: "Lessons, workshops and code-alongs", sortOrder: 4 },
  { slug: "creative", name: "Creative", description: "Art, design and making things", sortOrder: 5 },
];
