/** An action that restricts a user (a ban or a mute), as far as its time in force goes. */
export interface TimedAction {
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/**
 * In force at `now`: not lifted and not yet expired (no expiry = permanent). Expiry is read
 * here and in the same rule in SQL, so no job has to run for a ban or mute to end.
 */
export function isInForce(action: TimedAction, now: Date): boolean {
  if (action.revokedAt !== null && action.revokedAt <= now) return false;
  return action.expiresAt === null || action.expiresAt > now;
}

/** The new expiry of an extended restriction: from its current end, or from now if that is past. */
export function extendedExpiry(
  current: Date | null,
  change: { expiresAt?: Date; extendBySeconds?: number },
  now: Date,
): Date | null {
  if (change.expiresAt) return change.expiresAt;
  if (current === null) return null;
  const from = current > now ? current : now;
  return new Date(from.getTime() + (change.extendBySeconds ?? 0) * 1000);
}
