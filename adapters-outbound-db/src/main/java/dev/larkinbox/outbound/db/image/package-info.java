/** Feedback's images in PostgreSQL: their durable fetch queue and the copies kept. */
package dev.larkinbox.outbound.db.image;
