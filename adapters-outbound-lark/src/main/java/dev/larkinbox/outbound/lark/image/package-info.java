/** Lark's image host, from which feedback's images are fetched to be kept. */
package dev.larkinbox.outbound.lark.image;
