/**
 * The program itself: {@code App} (the picocli entry point) and {@code Wiring}, which builds every part from the
 * configuration and hands each the others it needs. The only package that may use all the others; none uses it
 * except {@code cli}, whose commands are given their parts through it.
 */
package dev.aidigest;
