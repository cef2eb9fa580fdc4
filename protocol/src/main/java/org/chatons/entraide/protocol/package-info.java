/**
 * The wire format between probe agents and brokers: what a member's agent sends in
 * {@code POST /api/v1/reports}. Defined once here and used by both sides, so they cannot drift apart.
 *
 * <p>Fields are boxed so that a missing field stays {@code null} and the broker can name it in its
 * error, instead of reading a silent zero.
 */
package org.chatons.entraide.protocol;
