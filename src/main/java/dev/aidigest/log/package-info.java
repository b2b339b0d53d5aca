/** How failures are told in the log: one line for what an operator can act on, a stack trace only for a bug. */
package dev.aidigest.log;
