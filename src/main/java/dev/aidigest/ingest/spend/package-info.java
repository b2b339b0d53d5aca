/**
 * What reading X costs, and the governor that keeps it within budget. Every call to a paid reader
 * (the X API, twitterapi.io) is asked for first ({@link dev.aidigest.ingest.spend.ReadBudget#affordable})
 * and accounted after ({@link dev.aidigest.ingest.spend.ReadBudget#record}) in a ledger the store keeps;
 * a month's budget is spread over its days, so a busy day cannot eat the rest of the month, and an
 * out-of-credits answer stops reads until the next UTC day or until a rare probe finds credits back.
 */
package dev.aidigest.ingest.spend;
