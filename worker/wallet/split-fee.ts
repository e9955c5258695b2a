/** fee = amount × bps / 10000 rounded down; the creator gets the rest, so nothing is lost. */
export function splitFee(amount: bigint, feeBps: number): { fee: bigint; creatorShare: bigint } {
  if (!Number.isInteger(feeBps) || feeBps < 0 || feeBps > 10_000) {
    throw new Error(`splitFee: fee must be 0–10000 basis points, got ${feeBps}`);
  }
  if (amount < 0n) throw new Error(`splitFee: amount must not be negative, got ${amount}`);
  const fee = (amount * BigInt(feeBps)) / 10_000n;
  return { fee, creatorShare: amount - fee };
}
