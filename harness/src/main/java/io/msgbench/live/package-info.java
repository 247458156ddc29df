/**
 * A run seen while it lasts: Prometheus' text exposition of its figures at {@code /metrics} (the Prometheus Java
 * client's registry and handler) and a live page on loopback ({@code --live PORT}).
 */
package io.msgbench.live;
