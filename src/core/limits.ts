/**
 * What one partnership may ask of the bot. Operators set them (src/config.ts reads the
 * environment); the core gets them through the command bus and the scheduler and reads nothing
 * itself. The defaults leave a busy partnership (about 30 upcoming exchanges, a few announcements
 * a week) plenty of room and stop a script or a careless cron before it floods partner channels.
 */
export interface AbuseLimits {
  /** Shortest time between two occurrences of a recurring announcement. */
  minRepeatMinutes: number;
  /** Scheduled announcements (one-off and recurring) waiting to go out, per partnership. */
  scheduledAnnouncements: number;
  /** One-off announcements posted per partnership in any 24 hours. */
  announcementsPerDay: number;
  /** Upcoming exchanges per partnership. */
  upcomingExchanges: number;
  /** Exchanges whose reminders one transaction plans again (a command, or one batch of the job). */
  replanBatch: number;
}

export const DEFAULT_LIMITS: AbuseLimits = {
  minRepeatMinutes: 60,
  scheduledAnnouncements: 20,
  announcementsPerDay: 10,
  upcomingExchanges: 100,
  replanBatch: 10,
};
