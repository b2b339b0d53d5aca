/**
 * {@code serve}: {@link dev.aidigest.schedule.Serve} runs Quartz with its JDBC job store in the
 * application database (ingest, digest with catch-up of missed slots, delivery, daily report), the
 * chat bots and the web server, and stops cleanly on SIGTERM. The jobs call the rest of the system
 * through small ports ({@link dev.aidigest.schedule.DigestRun}, {@link dev.aidigest.schedule.IngestRun},
 * {@link dev.aidigest.schedule.ReportRun}) that Wiring fills in.
 *
 * <p>May use {@code channel}, {@code command}, {@code delivery}, {@code digest}, {@code web} and Quartz.
 */
package dev.aidigest.schedule;
