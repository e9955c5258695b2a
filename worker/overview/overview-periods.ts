export interface Period {
  from: Date;
  to: Date;
}

export interface OverviewPeriods {
  today: Period;
  /** Yesterday up to the same time of day, so a morning is compared with a morning. */
  yesterday: Period;
  month: Period;
  /** The previous month up to the same offset into it (clipped to its end). */
  previousMonth: Period;
}

const DAY_MS = 86_400_000;

/** Today and this month so far (UTC) and the same stretch of the period before each. */
export function overviewPeriods(now: Date): OverviewPeriods {
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const previousMonthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const intoMonth = now.getTime() - monthStart.getTime();
  const previousMonthEnd = new Date(Math.min(previousMonthStart.getTime() + intoMonth, monthStart.getTime()));
  return {
    today: { from: dayStart, to: now },
    yesterday: { from: new Date(dayStart.getTime() - DAY_MS), to: new Date(now.getTime() - DAY_MS) },
    month: { from: monthStart, to: now },
    previousMonth: { from: previousMonthStart, to: previousMonthEnd },
  };
}
